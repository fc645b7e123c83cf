package cn.foi.events.request;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;

import java.time.LocalDate;

/**
 * A supervisor corrected the receipt's details of a request, for {@code reason}: each field as it was
 * ({@code previous…}) and as it is now (an unchanged field has the same value in both). Both stay in the history;
 * the tables count the corrected receipt from the moment it was recorded (as of an earlier moment, the receipt as it
 * stood then), and the due date counts from the corrected date. The case number stays as issued, even when the
 * receipt moves into another year: a number is never reissued. Allowed in a closed year, whose published report then
 * differs from the log until a corrected one is published.
 */
public record ReceiptCorrected(String requestId, String agencyId,
                               LocalDate previousReceivedOn, Channel previousChannel, ApplicantType previousApplicantType,
                               String previousSubject,
                               LocalDate receivedOn, Channel channel, ApplicantType applicantType, String subject,
                               String reason, LocalDate correctedOn) {
}
