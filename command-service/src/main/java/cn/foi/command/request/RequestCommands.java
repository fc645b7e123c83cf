package cn.foi.command.request;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.ResultCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What may be asked of a disclosure request. */
public final class RequestCommands {

    private RequestCommands() {
    }

    public record LogRequest(@TargetAggregateIdentifier String requestId, String agencyId, LocalDate receivedOn,
                             Channel channel, ApplicantType applicantType, String applicantName, String subject,
                             cn.foi.events.request.ApplicantDetails applicantDetails) {

        /** Without identity document or contact details. */
        public LogRequest(String requestId, String agencyId, LocalDate receivedOn, Channel channel, ApplicantType applicantType,
                          String applicantName, String subject) {
            this(requestId, agencyId, receivedOn, channel, applicantType, applicantName, subject, null);
        }
    }

    /** For agencies that start mid-stream: a request already open at the start of {@code carriedOverInto}. */
    public record ImportOpenRequest(@TargetAggregateIdentifier String requestId, String agencyId,
                                    LocalDate receivedOn, Channel channel, ApplicantType applicantType,
                                    String applicantName, String subject, int carriedOverInto) {
    }

    public record RequestCorrection(@TargetAggregateIdentifier String requestId, LocalDate requestedOn, LocalDate dueOn,
                                    java.util.List<String> items) {
    }

    public record ReceiveCorrection(@TargetAggregateIdentifier String requestId, LocalDate receivedOn) {
    }

    public enum ConsultationKind { THIRD_PARTY, AGENCY }

    public record SendConsultation(@TargetAggregateIdentifier String requestId, String consultationId, String party,
                                   ConsultationKind kind, LocalDate sentOn) {
    }

    public record ReceiveConsultationReply(@TargetAggregateIdentifier String requestId, String consultationId,
                                           LocalDate repliedOn, Boolean consents) {
    }

    public record ExtendDeadline(@TargetAggregateIdentifier String requestId, LocalDate grantedOn, Integer workingDays,
                                 String approvedBy, String reason) {
    }

    public record IssueFeeNotice(@TargetAggregateIdentifier String requestId, LocalDate issuedOn,
                                 java.math.BigDecimal amountYuan, cn.foi.events.codes.FeeBasis basis, LocalDate dueOn) {
    }

    public record ReceiveFeePayment(@TargetAggregateIdentifier String requestId, LocalDate paidOn) {
    }

    /**
     * A supervisor's correction of the recorded answer, with its reason: to a {@code result} of the current Regulations, or
     * to a {@code legacyResult} of the 2008 Regulations for an answer given under them (one of the two is given).
     */
    public record CorrectDecision(@TargetAggregateIdentifier String requestId, ResultCode result, cn.foi.events.codes.LegacyResultCode legacyResult,
                                  LocalDate decidedOn, String reason) {

        public CorrectDecision(String requestId, ResultCode result, LocalDate decidedOn, String reason) {
            this(requestId, result, null, decidedOn, reason);
        }
    }

    /** A supervisor's correction of the receipt's details, with its reason; a null field stays as it is. */
    public record CorrectReceipt(@TargetAggregateIdentifier String requestId, LocalDate receivedOn, cn.foi.events.codes.Channel channel,
                                 cn.foi.events.codes.ApplicantType applicantType, String subject, String reason) {
    }

    /** Records a file stored for the request (its bytes are already kept, under {@code attachmentId}). */
    public record AttachFile(@TargetAggregateIdentifier String requestId, String attachmentId, String name, long size,
                             String contentType, String sha256) {
    }

    /** Gives the request to an officer of its agency ({@code username}) to handle. */
    public record AssignRequest(@TargetAggregateIdentifier String requestId, String username) {
    }

    public record DecideRequest(@TargetAggregateIdentifier String requestId, ResultCode result, LocalDate decidedOn,
                                String note) {
    }

    /** An answer dated in a reporting year up to 2018, with a result of the 2008 Regulations. */
    public record DecideRequestUnder2008Regulations(@TargetAggregateIdentifier String requestId,
                                                    cn.foi.events.codes.LegacyResultCode result, LocalDate decidedOn,
                                                    String note) {
    }
}
