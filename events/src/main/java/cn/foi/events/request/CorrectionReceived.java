package cn.foi.events.request;

import java.time.LocalDate;

/** The corrected request arrived on {@code receivedOn}: the 20 working days start again from that day. */
public record CorrectionReceived(String requestId, String agencyId, LocalDate receivedOn) {
}
