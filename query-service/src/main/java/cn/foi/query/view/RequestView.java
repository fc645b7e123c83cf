package cn.foi.query.view;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.FeeBasis;
import cn.foi.events.codes.ResultCode;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A disclosure request as the query side knows it: folded from its own events (and the review and year-close
 * events that belong to its history) by {@link RequestFold}. {@code receipt} is null while only entries of other
 * aggregates have arrived (their partitions may run ahead of the request's). {@code lastSeq} is the sequence number
 * of the last of its own events applied: one at or below it is a redelivery. {@code caseNumber}: given at registration by
 * the agency's case book (an event of the book, which may arrive before or after the request's own).
 */
public record RequestView(String requestId, long lastSeq, Receipt receipt, Correction correction,
                          List<Consultation> consultations, Fee fee, Extension extension, Decision decision,
                          List<HistoryEntry> history, String caseNumber, Assignment assignment, List<Decision> earlierDecisions,
                          cn.foi.events.request.ApplicantDetails applicantDetails, List<EarlierReceipt> earlierReceipts) {

    /** Without a case number (requests registered before they were numbered, or not yet). */
    public RequestView(String requestId, long lastSeq, Receipt receipt, Correction correction, List<Consultation> consultations,
                       Fee fee, Extension extension, Decision decision, List<HistoryEntry> history) {
        this(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, null, null, List.of(), null, List.of());
    }

    /** Who handles it: given by a supervisor to an officer of the agency ({@code name} as shown then). */
    public record Assignment(String username, String name, LocalDate assignedOn) {
    }

    public RequestView {
        earlierDecisions = earlierDecisions == null ? List.of() : List.copyOf(earlierDecisions);
        earlierReceipts = earlierReceipts == null ? List.of() : List.copyOf(earlierReceipts);
        consultations = List.copyOf(consultations);
        history = List.copyOf(history);
    }

    /** Nothing known yet. */
    public static RequestView empty(String requestId) {
        return new RequestView(requestId, -1, null, null, List.of(), null, null, null, List.of());
    }

    /** How it entered the books: received, or imported as still open from an earlier year. */
    public record Receipt(String agencyId, LocalDate receivedOn, Channel channel, ApplicantType applicantType,
                          String applicantName, String subject, int firstYear, boolean imported, Instant recordedAt) {
    }

    /**
     * The receipt's details as they stood until a correction replaced them at {@code replacedAt} (when the correction was
     * recorded): oldest first.
     */
    public record EarlierReceipt(LocalDate receivedOn, Channel channel, ApplicantType applicantType, String subject, Instant replacedAt) {
    }

    /** The receipt as it stood at {@code moment} (recorded time; null: now), corrections recorded since taken back. */
    public Receipt receiptAsOf(Instant moment) {
        if (moment == null || receipt == null) {
            return receipt;
        }
        for (EarlierReceipt stood : earlierReceipts) {
            if (stood.replacedAt() != null && stood.replacedAt().isAfter(moment)) {
                return new Receipt(receipt.agencyId(), stood.receivedOn(), stood.channel(), stood.applicantType(), receipt.applicantName(),
                                   stood.subject(), cn.foi.events.rules.ReportingYear.firstYearOf(stood.receivedOn(), receipt.imported(), receipt.firstYear()),
                                   receipt.imported(), receipt.recordedAt());
            }
        }
        return receipt;
    }

    /** Art. 30: the applicant was asked to correct the request; {@code receivedOn} once the correction arrived. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Correction(LocalDate requestedOn, LocalDate dueOn, List<String> items, LocalDate receivedOn) {
        public Correction {
            items = List.copyOf(items);
        }
    }

    /** Arts. 32, 34: a third party or another agency consulted; {@code repliedOn} once it answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Consultation(String consultationId, String party, String kind, LocalDate sentOn, LocalDate repliedOn,
                               Boolean consents) {
    }

    /** Art. 42: an information-processing fee charged; {@code paidOn} once paid. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fee(LocalDate issuedOn, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountYuan,
                      FeeBasis basis, LocalDate dueOn, LocalDate paidOn) {
    }

    /** Art. 33: the answer period extended. */
    public record Extension(LocalDate grantedOn, int workingDays, String approvedBy, String reason) {
    }

    /** The answer, and when it was recorded (null: projected before that was kept). */
    /**
     * The answer: {@code result} under the current Regulations, or {@code legacyResult} for an answer dated up to 2018
     * under the 2008 Regulations (then {@code result} is null: it counts in no table 三).
     */
    public record Decision(ResultCode result, LocalDate decidedOn, String note, Instant recordedAt,
                           cn.foi.events.codes.LegacyResultCode legacyResult) {

        public Decision(ResultCode result, LocalDate decidedOn, String note, Instant recordedAt) {
            this(result, decidedOn, note, recordedAt, null);
        }

        /** The result's code, of whichever Regulations it was given under. */
        public String code() {
            return result != null ? result.name() : legacyResult.name();
        }
    }

    public boolean isReceived() {
        return receipt != null;
    }

    /** Whether an event (by its global index) is in its history already. */
    public boolean holds(long globalIndex) {
        return HistoryEntry.holds(history, globalIndex);
    }

    RequestView withLastSeq(long sequenceNumber) {
        return new RequestView(requestId, sequenceNumber, receipt, correction, consultations, fee, extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    RequestView withReceipt(Receipt receipt) {
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    RequestView withCorrection(Correction correction) {
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    RequestView withConsultations(UnaryOperator<List<Consultation>> change) {
        return new RequestView(requestId, lastSeq, receipt, correction, change.apply(new ArrayList<>(consultations)), fee,
                               extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    RequestView withFee(Fee fee) {
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    RequestView withExtension(Extension extension) {
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    RequestView withDecision(Decision decision) {
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    RequestView withCaseNumber(String caseNumber) {
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    /** The answer corrected: the one it replaces is kept, with when it was recorded. */
    RequestView withCorrectedDecision(Decision corrected) {
        List<Decision> earlier = new ArrayList<>(earlierDecisions);
        earlier.add(decision);
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, corrected, history, caseNumber,
                               assignment, earlier, applicantDetails, earlierReceipts);
    }

    /** The receipt corrected: the details it replaces are kept, with when they were replaced. */
    RequestView withCorrectedReceipt(Receipt corrected, EarlierReceipt replaced) {
        List<EarlierReceipt> earlier = new ArrayList<>(earlierReceipts);
        earlier.add(replaced);
        return new RequestView(requestId, lastSeq, corrected, correction, consultations, fee, extension, decision, history, caseNumber,
                               assignment, earlierDecisions, applicantDetails, earlier);
    }

    RequestView withApplicantDetails(cn.foi.events.request.ApplicantDetails details) {
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, caseNumber,
                               assignment, earlierDecisions, details, earlierReceipts);
    }

    RequestView withAssignment(Assignment assignment) {
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, history, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }

    RequestView withEntry(HistoryEntry entry) {
        List<HistoryEntry> longer = new ArrayList<>(history.size() + 1);
        longer.addAll(history);
        longer.add(entry);
        return new RequestView(requestId, lastSeq, receipt, correction, consultations, fee, extension, decision, longer, caseNumber, assignment, earlierDecisions, applicantDetails, earlierReceipts);
    }
}
