package cn.foi.events.request;

import java.time.LocalDate;

/**
 * The answer period was extended once, by {@code workingDays} (1–20) working days after the original
 * deadline, approved by the head of the disclosure office (Art. 33).
 */
public record DeadlineExtended(String requestId, String agencyId, LocalDate grantedOn, int workingDays,
                               String approvedBy, String reason) {
}
