package cn.foi.events.request;

import cn.foi.events.codes.Channel;

import java.time.LocalDate;

/**
 * A request that was already open when the agency started using the system was brought in. It was
 * received on {@code receivedOn} (before {@code carriedOverInto}) and counts as CARRIED_OVER in
 * {@code carriedOverInto}, not as NEW anywhere.
 */
public record OpenRequestImported(String requestId, String agencyId, LocalDate receivedOn, Channel channel,
                                  Applicant applicant, String subject, int carriedOverInto) {
}
