package cn.foi.events.request;

import cn.foi.events.codes.FeeBasis;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The agency told the applicant to pay an information-processing fee (Art. 42, 国办函〔2020〕109号): how
 * much, on what basis, by when. The answer clock does not run while the fee is awaited.
 */
public record FeeNoticeIssued(String requestId, String agencyId, LocalDate issuedOn, BigDecimal amountYuan,
                              FeeBasis basis, LocalDate dueOn) {
}
