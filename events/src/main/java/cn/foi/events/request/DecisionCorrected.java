package cn.foi.events.request;

import cn.foi.events.codes.ResultCode;

import java.time.LocalDate;

/**
 * A supervisor corrected the recorded answer of a request: it was {@code previousResult} on {@code previousDecidedOn},
 * it is {@code result} on {@code decidedOn}, for {@code reason}. Both stay in the history; the tables count the
 * correction from the moment it was recorded (as of an earlier moment, the answer as it stood then). Allowed in a
 * closed year, whose published report then differs from the log until a corrected one is published.
 */
public record DecisionCorrected(String requestId, String agencyId, ResultCode previousResult, LocalDate previousDecidedOn,
                                ResultCode result, LocalDate decidedOn, String reason, LocalDate correctedOn) {
}
