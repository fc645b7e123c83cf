package cn.foi.events.request;

import cn.foi.events.codes.Channel;

import java.time.LocalDate;

/**
 * A disclosure request was received. {@code receivedOn} is the legal date of receipt (Art. 31), the
 * day the clock starts; it is what table 三 counts as NEW in its year.
 */
public record RequestReceived(String requestId, String agencyId, LocalDate receivedOn, Channel channel,
                              Applicant applicant, String subject) {
}
