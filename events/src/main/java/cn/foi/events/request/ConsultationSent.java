package cn.foi.events.request;

import java.time.LocalDate;

/**
 * A third party (Art. 32) or another agency (Art. 34) was consulted; the time until it replies does not
 * count toward the deadline. {@code kind} is THIRD_PARTY or AGENCY.
 */
public record ConsultationSent(String requestId, String agencyId, String consultationId, String party, String kind,
                               LocalDate sentOn) {
}
