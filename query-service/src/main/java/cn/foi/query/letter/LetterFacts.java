package cn.foi.query.letter;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.letter.LetterField;
import cn.foi.events.letter.LetterKind;
import cn.foi.events.letter.ReplyGrounds;
import cn.foi.events.rules.AnswerPeriod;
import cn.foi.query.deadline.Deadlines;
import cn.foi.query.fee.FeeSchedule;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.view.RequestView;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a letter says about its request, from the request's events: the fields of {@link LetterField} filled for one
 * kind of letter. A request that never had the letter's step has no such letter (409).
 */
public final class LetterFacts {

    private LetterFacts() {
    }

    /**
     * A letter's facts: its kind, the day of the step it tells about, and its fields; {@code provisional} when a due
     * date it prints falls in a year whose holiday arrangement is not published yet (counted Monday to Friday).
     */
    public record Facts(LetterKind kind, LocalDate date, String consultationId, Map<LetterField, String> values, boolean provisional) {
    }

    /** A letter the request has: one per step, one per consultation; {@code href} where it is made (a .docx). */
    public record Available(LetterKind kind, String label, LocalDate date, String consultationId, String href) {

        Available(String requestId, LetterKind kind, String label, LocalDate date, String consultationId) {
            this(kind, label, date, consultationId, "/api/requests/" + requestId + "/letters/" + kind.name()
                                                    + (consultationId == null ? "" : "?consultationId=" + consultationId));
        }
    }

    /** Every letter the request's steps call for, in the order of the steps. */
    public static List<Available> available(RequestView request) {
        String id = request.requestId();
        List<Available> letters = new ArrayList<>();
        letters.add(new Available(id, LetterKind.RECEIPT, LetterKind.RECEIPT.label(), request.receipt().receivedOn(), null));
        if (request.correction() != null) {
            letters.add(new Available(id, LetterKind.CORRECTION_NOTICE, LetterKind.CORRECTION_NOTICE.label(), request.correction().requestedOn(), null));
        }
        for (RequestView.Consultation consultation : request.consultations()) {
            String label = ("AGENCY".equals(consultation.kind()) ? "征求其他机关意见函" : LetterKind.CONSULTATION_LETTER.label())
                           + "（" + consultation.party() + "）";
            letters.add(new Available(id, LetterKind.CONSULTATION_LETTER, label, consultation.sentOn(), consultation.consultationId()));
        }
        if (request.fee() != null) {
            letters.add(new Available(id, LetterKind.FEE_NOTICE, LetterKind.FEE_NOTICE.label(), request.fee().issuedOn(), null));
        }
        if (request.extension() != null) {
            letters.add(new Available(id, LetterKind.EXTENSION_NOTICE, LetterKind.EXTENSION_NOTICE.label(), request.extension().grantedOn(), null));
        }
        if (request.decision() != null) {
            letters.add(new Available(id, LetterKind.REPLY, LetterKind.REPLY.label(), request.decision().decidedOn(), null));
        }
        return letters;
    }

    /**
     * The letter each history entry's step called for, by the entry's global index: the receipt, each step with a
     * letter, each consultation sent (in the order sent), and the answer as it stands (the last answer or correction).
     */
    public static Map<Long, Available> byHistoryEntry(RequestView request) {
        Map<Long, Available> letters = new java.util.HashMap<>();
        List<Available> available = available(request);
        java.util.Iterator<Available> consultations = available.stream().filter(a -> a.kind() == LetterKind.CONSULTATION_LETTER).iterator();
        Long answerEntry = null;
        for (cn.foi.query.view.HistoryEntry entry : request.history().stream()
                .sorted(java.util.Comparator.comparingLong(cn.foi.query.view.HistoryEntry::globalIndex)).toList()) {
            String type = entry.type();
            LetterKind kind = type.equals(name(cn.foi.events.request.RequestReceived.class)) || type.equals(name(cn.foi.events.request.OpenRequestImported.class))
                    ? LetterKind.RECEIPT
                    : type.equals(name(cn.foi.events.request.CorrectionRequested.class)) ? LetterKind.CORRECTION_NOTICE
                    : type.equals(name(cn.foi.events.request.DeadlineExtended.class)) ? LetterKind.EXTENSION_NOTICE
                    : type.equals(name(cn.foi.events.request.FeeNoticeIssued.class)) ? LetterKind.FEE_NOTICE
                    : type.equals(name(cn.foi.events.request.ConsultationSent.class)) ? LetterKind.CONSULTATION_LETTER
                    : null;
            if (kind == LetterKind.CONSULTATION_LETTER) {
                if (consultations.hasNext()) {
                    letters.put(entry.globalIndex(), consultations.next());
                }
            } else if (kind != null) {
                LetterKind wanted = kind;
                available.stream().filter(a -> a.kind() == wanted).findFirst().ifPresent(a -> letters.put(entry.globalIndex(), a));
            } else if (type.equals(name(cn.foi.events.request.RequestDecided.class)) || type.equals(name(cn.foi.events.request.LegacyRequestDecided.class))
                       || type.equals(name(cn.foi.events.request.DecisionCorrected.class))
                       || type.equals(name(cn.foi.events.request.LegacyDecisionCorrected.class))) {
                answerEntry = entry.globalIndex();
            }
        }
        if (answerEntry != null) {
            Long entry = answerEntry;
            available.stream().filter(a -> a.kind() == LetterKind.REPLY).findFirst().ifPresent(a -> letters.put(entry, a));
        }
        return letters;
    }

    private static String name(Class<?> event) {
        return cn.foi.events.published.EventTypes.nameOf(event);
    }

    /** The facts of a letter of {@code kind} about {@code request}, written by {@code agencyName}. */
    public static Facts of(LetterKind kind, RequestView request, String agencyName, Deadlines deadlines, String consultationId,
                           String ground) {
        RequestView.Receipt receipt = request.receipt();
        Map<LetterField, String> values = new EnumMap<>(LetterField.class);
        values.put(LetterField.AGENCY_NAME, agencyName);
        values.put(LetterField.CASE_NUMBER, request.caseNumber() == null ? "未编号" : request.caseNumber());
        values.put(LetterField.APPLICANT, receipt.applicantName());
        values.put(LetterField.SUBJECT, receipt.subject());
        values.put(LetterField.RECEIVED_ON, written(receipt.receivedOn()));
        LocalDate date;
        String consultation = null;
        boolean provisional = false;
        switch (kind) {
            case RECEIPT -> {
                date = receipt.receivedOn();
                values.put(LetterField.CHANNEL, receipt.channel().label());
                WorkingDayCalendar.Deadline due = deadlines.of(receipt.receivedOn(), receipt.receivedOn(), 0, List.of());
                provisional = due.provisional();
                values.put(LetterField.DUE_ON, written(due.dueOn()));
                values.put(LetterField.PERIOD_DAYS, String.valueOf(AnswerPeriod.workingDaysFor(receipt.receivedOn())));
            }
            case CORRECTION_NOTICE -> {
                RequestView.Correction correction = require(request.correction(), "这件申请没有告知补正，没有补正告知书 (no correction requested)");
                date = correction.requestedOn();
                values.put(LetterField.CORRECTION_ITEMS, numbered(correction.items()));
                values.put(LetterField.CORRECTION_DUE_ON, written(correction.dueOn()));
            }
            case EXTENSION_NOTICE -> {
                RequestView.Extension extension = require(request.extension(), "这件申请没有延期答复，没有延期答复告知书 (no extension)");
                date = extension.grantedOn();
                RequestFacts facts = RequestFacts.of(request);
                // the due dates as they stood the day the extension was granted, whatever came later
                List<WorkingDayCalendar.Pause> pauses = deadlines.pausesAt(facts, extension.grantedOn()).pauses();
                values.put(LetterField.ORIGINAL_DUE_ON, written(deadlines.originalDueOn(facts.receivedOn(), facts.clockStartsOn(), pauses)));
                values.put(LetterField.EXTENSION_DAYS, String.valueOf(extension.workingDays()));
                WorkingDayCalendar.Deadline extendedDue = deadlines.of(facts.receivedOn(), facts.clockStartsOn(), extension.workingDays(), pauses);
                provisional = extendedDue.provisional();
                values.put(LetterField.EXTENDED_DUE_ON, written(extendedDue.dueOn()));
                values.put(LetterField.EXTENSION_REASON, extension.reason() == null || extension.reason().isBlank() ? "需要进一步检索、审查" : extension.reason());
                values.put(LetterField.APPROVED_BY, extension.approvedBy());
            }
            case CONSULTATION_LETTER -> {
                if (request.consultations().isEmpty()) {
                    throw new QueryProblem(HttpStatus.CONFLICT, "这件申请没有征求第三方或其他机关意见，没有征求意见函 (no consultation)");
                }
                RequestView.Consultation sent = consultationId == null ? request.consultations().get(request.consultations().size() - 1)
                        : request.consultations().stream().filter(c -> c.consultationId().equals(consultationId)).findFirst()
                                 .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND, "这件申请没有编号为 " + consultationId
                                                                                         + " 的征求意见 (unknown consultation)"));
                consultation = sent.consultationId();
                date = sent.sentOn();
                boolean agency = "AGENCY".equals(sent.kind());
                values.put(LetterField.CONSULTED_PARTY, sent.party());
                values.put(LetterField.CONSULTATION_ARTICLE, agency ? "第三十四条" : "第三十二条");
                values.put(LetterField.CONSULTATION_CONSEQUENCE, agency ? "逾期未提出意见的，视为同意公开。"
                        : "逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。");
            }
            case FEE_NOTICE -> {
                RequestView.Fee fee = require(request.fee(), "这件申请没有收取信息处理费，没有收费通知书 (no fee notice)");
                date = fee.issuedOn();
                values.put(LetterField.FEE_AMOUNT, fee.amountYuan().stripTrailingZeros().toPlainString());
                values.put(LetterField.FEE_BASIS, fee.basis().label());
                values.put(LetterField.FEE_BANDS, FeeSchedule.bands(fee.basis()));
                values.put(LetterField.FEE_DUE_ON, written(fee.dueOn()));
            }
            case REPLY -> {
                RequestView.Decision decision = require(request.decision(), "这件申请尚未答复，没有答复书 (not answered yet)");
                date = decision.decidedOn();
                String note = decision.note() == null ? "" : decision.note().strip();
                if (decision.result() != null) {
                    ReplyGrounds.Ground answer;
                    try {
                        answer = ReplyGrounds.of(decision.result(), ground);
                    } catch (IllegalArgumentException e) {
                        throw new QueryProblem(HttpStatus.BAD_REQUEST, e.getMessage());
                    }
                    StringBuilder wording = new StringBuilder(answer.wording());
                    if (answer.explanation() != null) {
                        // what the officer must add goes right after the wording: the note, or a place marked to write it
                        wording.append('\n').append(note.isEmpty() ? "【请在此" + answer.explanation() + "】" : note);
                        note = "";
                    }
                    if (answer.providesInformation()) {
                        wording.append('\n').append(ReplyGrounds.CORRECTING_OWN_RECORDS);
                    }
                    values.put(LetterField.RESULT, decision.result().label());
                    values.put(LetterField.REPLY_WORDING, wording.toString());
                    values.put(LetterField.ARTICLE, answer.article());
                } else { // answered under the 2008 Regulations: their result, without the current articles
                    values.put(LetterField.RESULT, decision.legacyResult().label());
                    values.put(LetterField.REPLY_WORDING, "根据《中华人民共和国政府信息公开条例》（2008年施行）的规定，本机关对您的申请作出如下处理："
                                                          + decision.legacyResult().label() + "。");
                    values.put(LetterField.ARTICLE, "《中华人民共和国政府信息公开条例》（2008年施行）");
                }
                values.put(LetterField.REPLY_NOTE, note);
                values.put(LetterField.REMEDIES, ReplyGrounds.REMEDIES);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        values.put(LetterField.LETTER_DATE, written(date));
        return new Facts(kind, date, consultation, values, provisional);
    }

    private static <T> T require(T step, String detail) {
        if (step == null) {
            throw new QueryProblem(HttpStatus.CONFLICT, detail);
        }
        return step;
    }

    /** A date as a letter writes it: 2026年3月5日. */
    public static String written(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String numbered(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(items.get(i));
        }
        return out.toString();
    }
}
