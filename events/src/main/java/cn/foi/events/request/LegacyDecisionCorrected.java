package cn.foi.events.request;

import cn.foi.events.codes.LegacyResultCode;

import java.time.LocalDate;

/**
 * A supervisor corrected an answer given under the 2008 Regulations: it was {@code previousResult} on
 * {@code previousDecidedOn}, it is {@code result} on {@code decidedOn} (still dated up to 2018, still one of that law's
 * results), for {@code reason}. The counterpart of {@link DecisionCorrected}, whose results are of the current
 * Regulations: a released event is never widened, so the old law's answers have their own. Both answers stay in the
 * history; the statistics form of the year counts the corrected one.
 */
public record LegacyDecisionCorrected(String requestId, String agencyId, LegacyResultCode previousResult, LocalDate previousDecidedOn,
                                      LegacyResultCode result, LocalDate decidedOn, String reason, LocalDate correctedOn) {
}
