package cn.foi.query.projection;

import cn.foi.events.calendar.WorkingDayCalendar.Pause;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.ResultCode;
import cn.foi.query.view.RequestView;

import java.time.LocalDate;
import java.util.List;

/**
 * What the tables, the worklist and the metrics need of one request. {@code firstYear} is the year it
 * entered the books: its year of receipt, or the year it was imported into as carried over
 * ({@code imported}). {@code pauses} are the finished periods during which the clock did not run;
 * {@code stop} says why it is not running now (null while it runs).
 */
public record RequestFacts(String requestId, ApplicantType applicantType, LocalDate receivedOn, int firstYear,
                           boolean imported, ResultCode result, LocalDate decidedOn, int extensionWorkingDays,
                           LocalDate correctionReceivedOn, List<Pause> pauses, Stop stop,
                           java.time.Instant recordedAt, java.time.Instant decisionRecordedAt, List<Answer> earlierAnswers,
                           List<Receipt> earlierReceipts) {

    public RequestFacts {
        pauses = List.copyOf(pauses);
        // null, not an empty list, for the many never corrected: these facts are kept in memory for every request
        earlierAnswers = earlierAnswers == null || earlierAnswers.isEmpty() ? null : List.copyOf(earlierAnswers);
        earlierReceipts = earlierReceipts == null || earlierReceipts.isEmpty() ? null : List.copyOf(earlierReceipts);
    }

    /** Facts of a request whose answer and receipt were never corrected. */
    public RequestFacts(String requestId, ApplicantType applicantType, LocalDate receivedOn, int firstYear, boolean imported,
                        ResultCode result, LocalDate decidedOn, int extensionWorkingDays, LocalDate correctionReceivedOn,
                        List<Pause> pauses, Stop stop, java.time.Instant recordedAt, java.time.Instant decisionRecordedAt) {
        this(requestId, applicantType, receivedOn, firstYear, imported, result, decidedOn, extensionWorkingDays, correctionReceivedOn,
             pauses, stop, recordedAt, decisionRecordedAt, null, null);
    }

    /** An answer a correction replaced, and when it was recorded: what the tables counted before the correction. */
    public record Answer(ResultCode result, LocalDate decidedOn, java.time.Instant recordedAt) {
    }

    /**
     * What the tables counted of a receipt until a correction replaced it at {@code replacedAt}: its applicant type,
     * date and first year.
     */
    public record Receipt(ApplicantType applicantType, LocalDate receivedOn, int firstYear, java.time.Instant replacedAt) {
    }

    /** What a received request's view says for the tables, the worklist and the metrics. */
    public static RequestFacts of(RequestView view) {
        RequestView.Receipt receipt = view.receipt();
        RequestView.Decision decision = view.decision();
        RequestView.Correction correction = view.correction();
        return new RequestFacts(view.requestId(), receipt.applicantType(), receipt.receivedOn(), receipt.firstYear(),
                                receipt.imported(), decision == null ? null : decision.result(),
                                decision == null ? null : decision.decidedOn(),
                                view.extension() == null ? 0 : view.extension().workingDays(),
                                correction == null ? null : correction.receivedOn(), pausesOf(view), stopOf(view),
                                receipt.recordedAt(), decision == null ? null : decision.recordedAt(),
                                view.earlierDecisions().stream().map(d -> new Answer(d.result(), d.decidedOn(), d.recordedAt())).toList(),
                                view.earlierReceipts().stream().map(r -> new Receipt(r.applicantType(), r.receivedOn(),
                                                                                     cn.foi.events.rules.ReportingYear.firstYearOf(r.receivedOn(), receipt.imported(), receipt.firstYear()),
                                                                                     r.replacedAt())).toList());
    }

    /** Finished pauses: answered consultations and paid fees; the clock did not run in between. */
    private static List<Pause> pausesOf(RequestView view) {
        List<Pause> pauses = new java.util.ArrayList<>();
        for (RequestView.Consultation c : view.consultations()) {
            if (c.repliedOn() != null) {
                pauses.add(new Pause(c.sentOn(), c.repliedOn(), "征求" + c.party() + "意见"));
            }
        }
        RequestView.Fee fee = view.fee();
        if (fee != null && fee.paidOn() != null) {
            pauses.add(new Pause(fee.issuedOn(), fee.paidOn(), "等待缴费"));
        }
        return pauses;
    }

    /** Why the clock is stopped now: a correction awaited, else an unpaid fee, else an open consultation. */
    private static Stop stopOf(RequestView view) {
        LocalDate since = null;
        Reason reason = null;
        LocalDate applicantDueOn = null;
        for (RequestView.Consultation c : view.consultations()) {
            if (c.repliedOn() == null) {
                since = since == null || c.sentOn().isBefore(since) ? c.sentOn() : since;
                reason = Reason.CONSULTING;
            }
        }
        RequestView.Fee fee = view.fee();
        if (fee != null && fee.paidOn() == null) {
            since = since == null || fee.issuedOn().isBefore(since) ? fee.issuedOn() : since;
            reason = Reason.AWAITING_PAYMENT;
            applicantDueOn = fee.dueOn();
        }
        RequestView.Correction correction = view.correction();
        if (correction != null && correction.receivedOn() == null) {
            since = correction.requestedOn();
            reason = Reason.AWAITING_CORRECTION;
            applicantDueOn = correction.dueOn();
        }
        return reason == null ? null : new Stop(reason, since, applicantDueOn);
    }

    /**
     * The request as the tables saw it at {@code moment} (recorded time): absent if its receipt was not yet
     * recorded, open if its answer was not. Only what tables count changes; the rest is kept.
     */
    public RequestFacts asOf(java.time.Instant moment) {
        if (moment == null) {
            return this;
        }
        if (recordedAt != null && recordedAt.isAfter(moment)) {
            return null;
        }
        return receiptAsOf(moment).answerAsOf(moment);
    }

    /** The receipt as it stood at {@code moment}: the first one replaced after it, if any (itself when none was). */
    private RequestFacts receiptAsOf(java.time.Instant moment) {
        if (earlierReceipts == null) {
            return this;
        }
        for (int i = 0; i < earlierReceipts.size(); i++) {
            Receipt stood = earlierReceipts.get(i);
            if (stood.replacedAt() != null && stood.replacedAt().isAfter(moment)) {
                return new RequestFacts(requestId, stood.applicantType(), stood.receivedOn(), stood.firstYear(), imported, result, decidedOn,
                                        extensionWorkingDays, correctionReceivedOn, pauses, stop, recordedAt, decisionRecordedAt,
                                        earlierAnswers, earlierReceipts.subList(0, i));
            }
        }
        return this;
    }

    private RequestFacts answerAsOf(java.time.Instant moment) {
        if (decidedOn != null && decisionRecordedAt != null && decisionRecordedAt.isAfter(moment)) {
            // corrected since: the answer as it stood then, if there was one
            if (earlierAnswers != null) {
                for (int i = earlierAnswers.size() - 1; i >= 0; i--) {
                    Answer then = earlierAnswers.get(i);
                    if (then.recordedAt() == null || !then.recordedAt().isAfter(moment)) {
                        return new RequestFacts(requestId, applicantType, receivedOn, firstYear, imported, then.result(), then.decidedOn(),
                                                extensionWorkingDays, correctionReceivedOn, pauses, stop, recordedAt, then.recordedAt(),
                                                earlierAnswers.subList(0, i), earlierReceipts);
                    }
                }
            }
            return new RequestFacts(requestId, applicantType, receivedOn, firstYear, imported, null, null,
                                    extensionWorkingDays, correctionReceivedOn, pauses, stop, recordedAt, null, null, earlierReceipts);
        }
        return this;
    }

    /** Why the answer clock is stopped, since when, and the applicant's own date, if any. */
    public record Stop(Reason reason, LocalDate since, LocalDate applicantDueOn) {
    }

    public enum Reason {
        /** Art. 30: no running deadline until the corrected request arrives. */
        AWAITING_CORRECTION("等待申请人补正"),
        /** Art. 42: the time waiting for the fee does not count. */
        AWAITING_PAYMENT("等待申请人缴纳信息处理费"),
        /** Arts. 32, 34: the time a consultation takes does not count. */
        CONSULTING("征求第三方或其他机关意见中");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The pauses that count for an answered request: the finished ones, plus a stop still open when it was
     * answered (closed as unpaid or uncorrected, or answered during a consultation) up to the answer.
     */
    public List<Pause> pausesUntilAnswer() {
        if (decidedOn == null || stop == null || !stop.since().isBefore(decidedOn)) {
            return pauses;
        }
        List<Pause> all = new java.util.ArrayList<>(pauses);
        all.add(new Pause(stop.since(), decidedOn, stop.reason().label()));
        return all;
    }

    public boolean awaitingCorrection() {
        return stop != null && stop.reason() == Reason.AWAITING_CORRECTION;
    }

    /** The day the 20 working days count from: receipt, or the arrival of the correction. */
    public LocalDate clockStartsOn() {
        return correctionReceivedOn != null ? correctionReceivedOn : receivedOn;
    }

    /** Open at the end of {@code year}, judged by business dates. */
    public boolean isOpenAtEndOf(int year) {
        return cn.foi.events.rules.ReportingYear.isOpenAtEndOf(firstYear, decidedOn, year);
    }

    public boolean isNewIn(int year) {
        return !imported && receivedOn.getYear() == year;
    }

    /** Carried over into {@code year}: open at the end of the year before, or imported as open into it. */
    public boolean isCarriedOverInto(int year) {
        return imported && firstYear == year || isOpenAtEndOf(year - 1);
    }

    public boolean isDecidedIn(int year) {
        return decidedOn != null && decidedOn.getYear() == year;
    }
}
