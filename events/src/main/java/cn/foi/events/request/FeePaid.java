package cn.foi.events.request;

import java.time.LocalDate;

/** The applicant paid the fee; the answer clock runs again from the day after {@code paidOn}. */
public record FeePaid(String requestId, String agencyId, LocalDate paidOn) {
}
