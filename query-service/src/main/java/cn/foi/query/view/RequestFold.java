package cn.foi.query.view;

import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.casenumber.CaseNumberIssued;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.request.ConsultationReplied;
import cn.foi.events.request.ConsultationSent;
import cn.foi.events.request.CorrectionReceived;
import cn.foi.events.request.CorrectionRequested;
import cn.foi.events.request.DeadlineExtended;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.OpenRequestImported;
import cn.foi.events.request.LegacyRequestDecided;
import cn.foi.events.request.RequestAssigned;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Folds one event into a request's view: a pure function of the view and the event, nothing read or written
 * elsewhere. The request's own events apply once, in order of their sequence numbers (a redelivered one changes
 * nothing). A review's events, a year close that carried the request forward and the case number its agency's book
 * gave it join its history once each.
 */
public final class RequestFold {

    private RequestFold() {
    }

    /** The view after {@code payload} (an event of this request, of one of its reviews, or a year close carrying it). */
    public static RequestView apply(RequestView view, PublishedEvent event, Object payload) {
        return apply(view, event, payload, HistoryEntry.recordedAt(event));
    }

    /**
     * As {@link #apply(RequestView, PublishedEvent, Object)}, with when the event was recorded already read from it
     * ({@link HistoryEntry#recordedAt}): reading it was a third of a rebuild's applying, so it is read once per event,
     * where the records are decoded on both cores.
     */
    public static RequestView apply(RequestView view, PublishedEvent event, Object payload, Instant recordedAt) {
        if (payload instanceof ReviewFiled filed) {
            return once(view, event, recordedAt, "提起" + filed.block().label(), filed.filedOn(), filed.block().label());
        }
        if (payload instanceof ReviewConcluded concluded) {
            return once(view, event, recordedAt, "复议或诉讼审结", concluded.concludedOn(), concluded.result().label());
        }
        if (payload instanceof CaseNumberIssued issued) {
            // an event of the agency's case book: its partition may run ahead of the request's own, or behind it
            if (view.holds(event.globalIndex())) {
                return view;
            }
            return view.withCaseNumber(issued.caseNumber())
                       .withEntry(entry(event, recordedAt, "登记编号",
                                        LocalDate.ofInstant(recordedAt, java.time.ZoneId.of("Asia/Shanghai")), issued.caseNumber()));
        }
        if (payload instanceof ReportingYearClosed closed) {
            // its business date is the last day of the closed year; when it was recorded stays the close's moment
            return once(view, event, recordedAt, "结转下年度继续办理", LocalDate.of(closed.year(), 12, 31),
                        closed.year() + " 年结转至 " + (closed.year() + 1) + " 年");
        }
        if (event.sequenceNumber() <= view.lastSeq()) {
            return view; // redelivered
        }
        return own(view, event, payload, recordedAt).withLastSeq(event.sequenceNumber());
    }

    private static RequestView own(RequestView view, PublishedEvent event, Object payload, Instant recordedAt) {
        if (payload instanceof RequestReceived received) {
            return view.withReceipt(new RequestView.Receipt(received.agencyId(), received.receivedOn(), received.channel(),
                                                            received.applicant().type(), received.applicant().name(),
                                                            received.subject(), received.receivedOn().getYear(), false,
                                                            recordedAt))
                       .withEntry(entry(event, recordedAt, "收到申请", received.receivedOn(),
                                        received.channel().label() + "，" + received.applicant().type().label()));
        }
        if (payload instanceof OpenRequestImported imported) {
            return view.withReceipt(new RequestView.Receipt(imported.agencyId(), imported.receivedOn(), imported.channel(),
                                                            imported.applicant().type(), imported.applicant().name(),
                                                            imported.subject(), imported.carriedOverInto(), true,
                                                            recordedAt))
                       .withEntry(entry(event, recordedAt, "上年结转申请导入", imported.receivedOn(), "结转入 " + imported.carriedOverInto() + " 年"));
        }
        if (payload instanceof CorrectionRequested asked) {
            return view.withCorrection(new RequestView.Correction(asked.requestedOn(), asked.dueOn(), asked.items(), null))
                       .withEntry(entry(event, recordedAt, "告知补正", asked.requestedOn(), "补正期限 " + asked.dueOn()));
        }
        if (payload instanceof CorrectionReceived corrected) {
            RequestView.Correction asked = view.correction();
            RequestView changed = asked == null ? view
                    : view.withCorrection(new RequestView.Correction(asked.requestedOn(), asked.dueOn(), asked.items(),
                                                                     corrected.receivedOn()));
            return changed.withEntry(entry(event, recordedAt, "收到补正", corrected.receivedOn(), "答复期限自此重新计算"));
        }
        if (payload instanceof ConsultationSent sent) {
            return view.withConsultations(list -> {
                list.add(new RequestView.Consultation(sent.consultationId(), sent.party(), sent.kind(), sent.sentOn(), null, null));
                return list;
            }).withEntry(entry(event, recordedAt, "征求意见", sent.sentOn(), sent.party() + "（答复期限暂停计算）"));
        }
        if (payload instanceof ConsultationReplied replied) {
            return view.withConsultations(list -> {
                list.replaceAll(c -> c.consultationId().equals(replied.consultationId())
                        ? new RequestView.Consultation(c.consultationId(), c.party(), c.kind(), c.sentOn(), replied.repliedOn(),
                                                       replied.consents())
                        : c);
                return list;
            }).withEntry(entry(event, recordedAt, "收到意见", replied.repliedOn(), "答复期限恢复计算"));
        }
        if (payload instanceof FeeNoticeIssued fee) {
            return view.withFee(new RequestView.Fee(fee.issuedOn(), fee.amountYuan(), fee.basis(), fee.dueOn(), null))
                       .withEntry(entry(event, recordedAt, "收费通知", fee.issuedOn(), fee.basis().label() + " " + fee.amountYuan().toPlainString()
                                                                       + " 元，缴费期限 " + fee.dueOn() + "（答复期限暂停计算）"));
        }
        if (payload instanceof FeePaid paid) {
            RequestView.Fee fee = view.fee();
            RequestView changed = fee == null ? view
                    : view.withFee(new RequestView.Fee(fee.issuedOn(), fee.amountYuan(), fee.basis(), fee.dueOn(), paid.paidOn()));
            return changed.withEntry(entry(event, recordedAt, "缴费", paid.paidOn(), "答复期限恢复计算"));
        }
        if (payload instanceof DeadlineExtended extended) {
            return view.withExtension(new RequestView.Extension(extended.grantedOn(), extended.workingDays(),
                                                                extended.approvedBy(), extended.reason()))
                       .withEntry(entry(event, recordedAt, "延长答复期限", extended.grantedOn(),
                                        "延长 " + extended.workingDays() + " 个工作日，批准人 " + extended.approvedBy()));
        }
        if (payload instanceof LegacyRequestDecided decided) {
            return view.withDecision(new RequestView.Decision(null, decided.decidedOn(), decided.note(), recordedAt, decided.result()))
                       .withEntry(entry(event, recordedAt, "办理答复", decided.decidedOn(), decided.result().label() + "（2008 年《条例》）"));
        }
        if (payload instanceof cn.foi.events.request.ApplicantDetailsRecorded recorded) {
            // the history is read by auditors too: it says what was given, masked
            var shown = recorded.details().masked();
            String summary = java.util.stream.Stream.of(
                            shown.idType() == null ? null : shown.idType().label() + (shown.idNumber() == null ? "" : " " + shown.idNumber()),
                            shown.phone() == null ? null : "电话 " + shown.phone(), shown.address() == null ? null : "地址 " + shown.address(),
                            shown.email() == null ? null : "邮箱 " + shown.email())
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("；"));
            return view.withApplicantDetails(recorded.details())
                       .withEntry(entry(event, recordedAt, "申请人身份及联系方式", view.receipt() == null ? null : view.receipt().receivedOn(), summary));
        }
        if (payload instanceof cn.foi.events.request.AttachmentAdded attached) {
            return view.withEntry(entry(event, recordedAt, "上传附件", LocalDate.ofInstant(recordedAt, java.time.ZoneId.of("Asia/Shanghai")),
                                        attached.name() + "（" + attached.size() + " 字节，SHA-256 " + attached.sha256() + "）"));
        }
        if (payload instanceof RequestAssigned assigned) {
            return view.withAssignment(new RequestView.Assignment(assigned.assignee(), assigned.assigneeName(), assigned.assignedOn()))
                       .withEntry(entry(event, recordedAt, "分派承办人", assigned.assignedOn(),
                                        "承办人 " + assigned.assigneeName() + "（" + assigned.assignee() + "）"));
        }
        if (payload instanceof cn.foi.events.request.DecisionCorrected corrected) {
            RequestView.Decision before = view.decision();
            if (before == null) {
                return view; // not possible for a stored correction: the aggregate refuses one without an answer
            }
            return view.withCorrectedDecision(new RequestView.Decision(corrected.result(), corrected.decidedOn(), before.note(), recordedAt))
                       .withEntry(entry(event, recordedAt, "更正办理结果", corrected.correctedOn(),
                                        "原为“" + corrected.previousResult().label() + "”（" + corrected.previousDecidedOn() + "），更正为“"
                                        + corrected.result().label() + "”（" + corrected.decidedOn() + "）；理由：" + corrected.reason()));
        }
        if (payload instanceof cn.foi.events.request.LegacyDecisionCorrected corrected) {
            RequestView.Decision before = view.decision();
            if (before == null) {
                return view; // not possible for a stored correction: the aggregate refuses one without an answer
            }
            return view.withCorrectedDecision(new RequestView.Decision(null, corrected.decidedOn(), before.note(), recordedAt, corrected.result()))
                       .withEntry(entry(event, recordedAt, "更正办理结果", corrected.correctedOn(),
                                        "原为“" + corrected.previousResult().label() + "”（" + corrected.previousDecidedOn() + "），更正为“"
                                        + corrected.result().label() + "”（" + corrected.decidedOn() + "）（2008 年《条例》）；理由："
                                        + corrected.reason()));
        }
        if (payload instanceof cn.foi.events.request.ReceiptCorrected corrected) {
            RequestView.Receipt before = view.receipt();
            if (before == null) {
                return view; // not possible for a stored correction: the aggregate has a receipt before anything else
            }
            // an imported request stays in the year it was carried into; a received one is on the books from its receipt
            RequestView.Receipt after = new RequestView.Receipt(before.agencyId(), corrected.receivedOn(), corrected.channel(),
                                                                corrected.applicantType(), before.applicantName(), corrected.subject(),
                                                                cn.foi.events.rules.ReportingYear.firstYearOf(corrected.receivedOn(), before.imported(), before.firstYear()),
                                                                before.imported(), before.recordedAt());
            return view.withCorrectedReceipt(after, new RequestView.EarlierReceipt(before.receivedOn(), before.channel(), before.applicantType(),
                                                                                   before.subject(), recordedAt))
                       .withEntry(entry(event, recordedAt, "更正登记信息", corrected.correctedOn(), receiptCorrection(corrected)));
        }
        if (payload instanceof RequestDecided decided) {
            return view.withDecision(new RequestView.Decision(decided.result(), decided.decidedOn(), decided.note(), recordedAt))
                       .withEntry(entry(event, recordedAt, "办理答复", decided.decidedOn(), decided.result().label()));
        }
        return view; // an event of the request that changes nothing shown (a later version may show it)
    }

    /** Each field that changed, as it was and as it is, by its Chinese name and its codes' official labels; then the reason. */
    static String receiptCorrection(cn.foi.events.request.ReceiptCorrected c) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!c.receivedOn().equals(c.previousReceivedOn())) {
            parts.add("收到日期由" + c.previousReceivedOn() + "更正为" + c.receivedOn());
        }
        if (c.channel() != c.previousChannel()) {
            parts.add("申请方式由“" + c.previousChannel().label() + "”更正为“" + c.channel().label() + "”");
        }
        if (c.applicantType() != c.previousApplicantType()) {
            parts.add("申请人类型由“" + c.previousApplicantType().label() + "”更正为“" + c.applicantType().label() + "”");
        }
        if (!c.subject().equals(c.previousSubject())) {
            parts.add("申请内容由“" + c.previousSubject() + "”更正为“" + c.subject() + "”");
        }
        parts.add("理由：" + c.reason());
        return String.join("；", parts);
    }

    private static RequestView once(RequestView view, PublishedEvent event, Instant recordedAt, String label, LocalDate businessDate,
                                    String summary) {
        return view.holds(event.globalIndex()) ? view : view.withEntry(entry(event, recordedAt, label, businessDate, summary));
    }

    private static HistoryEntry entry(PublishedEvent event, Instant recordedAt, String label, LocalDate businessDate, String summary) {
        return HistoryEntry.of(event, recordedAt, label, businessDate, summary);
    }
}
