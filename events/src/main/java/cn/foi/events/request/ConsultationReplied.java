package cn.foi.events.request;

import java.time.LocalDate;

/** The consulted party replied on {@code repliedOn}; {@code consents} may be unknown (null). */
public record ConsultationReplied(String requestId, String agencyId, String consultationId, LocalDate repliedOn,
                                  Boolean consents) {
}
