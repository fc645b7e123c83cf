package cn.foi.command.request;

import cn.foi.events.rules.AnswerPeriod;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.casenumber.CaseNumbers;
import cn.foi.command.request.RequestCommands.AssignRequest;
import cn.foi.events.request.RequestAssigned;
import cn.foi.command.calendar.CalendarBook;
import cn.foi.command.problem.InvalidInput;
import static cn.foi.command.problem.BusinessDates.requireNotInFuture;
import cn.foi.command.problem.NotFound;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.problem.StateConflict;
import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.ExtendDeadline;
import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.request.RequestCommands.ReceiveFeePayment;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.command.request.RequestCommands.ReceiveConsultationReply;
import cn.foi.command.request.RequestCommands.SendConsultation;
import cn.foi.events.request.ConsultationReplied;
import cn.foi.events.request.ConsultationSent;
import cn.foi.command.request.RequestCommands.ReceiveCorrection;
import cn.foi.command.request.RequestCommands.RequestCorrection;
import cn.foi.command.request.RequestCommands.ImportOpenRequest;
import cn.foi.command.request.RequestCommands.LogRequest;
import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.request.Applicant;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.request.CorrectionReceived;
import cn.foi.events.request.CorrectionRequested;
import cn.foi.events.request.DeadlineExtended;
import cn.foi.events.request.OpenRequestImported;
import cn.foi.events.request.LegacyRequestDecided;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.codes.LegacyResultCode;
import cn.foi.events.rules.ReportingYear;
import cn.foi.events.request.RequestReceived;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One application for government information, from receipt to answer. */
@Aggregate(cache = "aggregateCache")
public class DisclosureRequest {

    private static final String ANSWERED = "答复日期";
    private static final String CORRECTION_ASKED = "告知补正日期";
    private static final String EXTENSION_GRANTED = "延期批准日期";

    @AggregateIdentifier
    private String requestId;
    private String agencyId;
    private LocalDate receivedOn;
    private Channel channel;
    private ApplicantType applicantType;
    private String subject;
    /** Imported as still open from an earlier year: its first year stays the year it was carried into. */
    private boolean imported;
    /** The year it entered the books: the year of receipt, or the year it was imported into. */
    private int firstYear;
    /**
     * The first date of each later step (the answer as last corrected): a corrected receipt may not come after any of
     * them. By label, as the refusal names it.
     */
    private final java.util.Map<String, LocalDate> stepDates = new java.util.LinkedHashMap<>();
    private boolean decided;
    /** The answer as recorded (or last corrected); null for an answer under the 2008 Regulations. */
    private ResultCode decidedResult;
    /** The answer under the 2008 Regulations as recorded (or last corrected); null for one under the current Regulations. */
    private LegacyResultCode legacyResult;
    private LocalDate decidedOn;
    private String assignee;
    private boolean extended;
    private int extensionDays;
    /** The day the 20 working days count from: receipt, or the day a correction arrived. */
    private LocalDate clockStartsOn;
    private boolean correctionRequested;
    private boolean awaitingCorrection;
    private LocalDate correctionRequestedOn;
    private LocalDate correctionDueOn;
    private boolean feeNoticeIssued;
    private boolean awaitingPayment;
    private LocalDate feeIssuedOn;
    private LocalDate feeDueOn;
    private final java.util.Map<String, LocalDate> openConsultations = new java.util.HashMap<>();
    private final java.util.Set<String> repliedConsultations = new java.util.HashSet<>();
    private final java.util.List<WorkingDayCalendar.Pause> pauses = new java.util.ArrayList<>();

    protected DisclosureRequest() {
        // for Axon
    }

    @CommandHandler
    public DisclosureRequest(LogRequest command, Clock clock, AgencyDirectory agencies, CaseNumbers caseNumbers) {
        requireReceiptDetails(command.agencyId(), command.receivedOn(), command.channel(), command.applicantType(),
                              command.subject());
        requireKnownAgency(agencies, command.agencyId());
        requireNotInFuture(command.receivedOn(), clock, "收到申请日期 receivedOn");
        agencies.requireYearOpen(command.agencyId(), command.receivedOn().getYear());
        // last of all checks: a number is given only to a request that is recorded
        caseNumbers.issue(command.agencyId(), command.receivedOn().getYear(), command.requestId());
        apply(new RequestReceived(command.requestId(), command.agencyId(), command.receivedOn(), command.channel(),
                                  new Applicant(command.applicantType(), strip(command.applicantName())),
                                  command.subject().strip()));
        if (command.applicantDetails() != null && !command.applicantDetails().isEmpty()) {
            apply(new cn.foi.events.request.ApplicantDetailsRecorded(command.requestId(), command.agencyId(), command.applicantDetails()));
        }
    }

    @CommandHandler
    public DisclosureRequest(ImportOpenRequest command, Clock clock, AgencyDirectory agencies, CaseNumbers caseNumbers) {
        requireReceiptDetails(command.agencyId(), command.receivedOn(), command.channel(), command.applicantType(),
                              command.subject());
        requireKnownAgency(agencies, command.agencyId());
        int year = command.carriedOverInto();
        if (year > LocalDate.now(clock).getYear()) {
            throw new RuleViolation("不能结转到尚未开始的年度 " + year + " (year " + year + " has not started)");
        }
        if (!command.receivedOn().isBefore(LocalDate.of(year, 1, 1))) {
            throw new RuleViolation("上年结转的申请须在 " + year + " 年之前收到 (an open request carried over into "
                                    + year + " must have been received before it)");
        }
        agencies.requireYearOpen(command.agencyId(), year);
        caseNumbers.issue(command.agencyId(), command.receivedOn().getYear(), command.requestId());
        apply(new OpenRequestImported(command.requestId(), command.agencyId(), command.receivedOn(),
                                      command.channel(), new Applicant(command.applicantType(),
                                                                       strip(command.applicantName())),
                                      command.subject().strip(), year));
    }

    /**
     * A supervisor corrects the recorded answer (result and date) with a reason; the history keeps both. Allowed in a
     * closed year: the correction is on the record, and the year's published report then differs from the log.
     */
    @CommandHandler
    public void handle(RequestCommands.CorrectDecision command, Clock clock) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInput("更正办理结果须说明理由 reason (a reason is required)");
        }
        if (command.result() == null && command.legacyResult() == null) {
            throw new InvalidInput("缺少更正后的办理结果 result (result is required)");
        }
        if (command.decidedOn() == null) {
            throw new InvalidInput("缺少更正后的答复日期 decidedOn (decidedOn is required)");
        }
        if (!decided) {
            throw new StateConflict("该申请尚未答复，没有可更正的办理结果 (the request has no answer to correct yet)");
        }
        if (decidedResult == null) {
            correctLegacyDecision(command, clock);
            return;
        }
        if (command.result() == null) {
            throw new RuleViolation("该申请按现行《条例》答复，只能更正为现行《条例》的办理结果：" + labels(ResultCode.values())
                                    + " (an answer under the current Regulations takes one of their results)");
        }
        requireAnswerDate(command.decidedOn(), clock);
        if (command.decidedOn().getYear() <= ReportingYear.LAST_UNDER_2008_REGULATIONS) {
            throw new RuleViolation("更正后的答复日期不能在 " + ReportingYear.LAST_UNDER_2008_REGULATIONS + " 年及以前"
                                    + " (a corrected answer dated up to " + ReportingYear.LAST_UNDER_2008_REGULATIONS + " is not taken)");
        }
        if (command.result() == decidedResult && command.decidedOn().equals(decidedOn)) {
            throw new StateConflict("更正后的办理结果和答复日期与现有记录相同 (nothing to correct)");
        }
        apply(new cn.foi.events.request.DecisionCorrected(requestId, agencyId, decidedResult, decidedOn, command.result(),
                                                          command.decidedOn(), command.reason().strip(), LocalDate.now(clock)));
    }

    /** The same rules for an answer given under the 2008 Regulations: one of that law's results, dated up to 2018. */
    private void correctLegacyDecision(RequestCommands.CorrectDecision command, Clock clock) {
        if (command.legacyResult() == null) {
            throw new RuleViolation("该申请按 2008 年《条例》答复，只能更正为该《条例》的办理结果：" + labels(LegacyResultCode.values())
                                    + " (an answer under the 2008 Regulations takes one of their results)");
        }
        requireAnswerDate(command.decidedOn(), clock);
        if (command.decidedOn().getYear() > ReportingYear.LAST_UNDER_2008_REGULATIONS) {
            throw new RuleViolation("按 2008 年《条例》作出的答复，更正后的答复日期须在 " + ReportingYear.LAST_UNDER_2008_REGULATIONS
                                    + " 年及以前 (a corrected answer under the 2008 Regulations is dated up to "
                                    + ReportingYear.LAST_UNDER_2008_REGULATIONS + ")");
        }
        if (command.legacyResult() == legacyResult && command.decidedOn().equals(decidedOn)) {
            throw new StateConflict("更正后的办理结果和答复日期与现有记录相同 (nothing to correct)");
        }
        apply(new cn.foi.events.request.LegacyDecisionCorrected(requestId, agencyId, legacyResult, decidedOn, command.legacyResult(),
                                                                command.decidedOn(), command.reason().strip(), LocalDate.now(clock)));
    }

    @EventSourcingHandler
    void on(cn.foi.events.request.LegacyDecisionCorrected event) {
        legacyResult = event.result();
        decidedOn = event.decidedOn();
        stepDates.put(ANSWERED, event.decidedOn());
    }

    @EventSourcingHandler
    void on(cn.foi.events.request.DecisionCorrected event) {
        decidedResult = event.result();
        decidedOn = event.decidedOn();
        stepDates.put(ANSWERED, event.decidedOn());
    }

    /**
     * A supervisor corrects the receipt's details (date, channel, applicant type, subject; a field not given stays) with
     * a reason; the history keeps both. The corrected date obeys what a receipt date obeys (not in the future, an
     * imported request received before the year it was carried into) and comes before every later step; the steps
     * themselves stand as recorded (their due dates are counted again from the corrected date). Allowed in a closed
     * year and into another year, as an answer's correction is: the year's published report then differs from the log.
     * The case number stays as issued, even in another year: a number is never reissued or reused.
     */
    @CommandHandler
    public void handle(RequestCommands.CorrectReceipt command, Clock clock, CalendarBook calendars, AgencyDirectory agencies) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInput("更正登记信息须说明理由 reason (a reason is required)");
        }
        if (command.subject() != null && command.subject().isBlank()) {
            throw new InvalidInput("更正后的申请内容 subject 不能为空 (subject must not be blank)");
        }
        LocalDate newReceivedOn = command.receivedOn() == null ? receivedOn : command.receivedOn();
        Channel newChannel = command.channel() == null ? channel : command.channel();
        ApplicantType newApplicantType = command.applicantType() == null ? applicantType : command.applicantType();
        String newSubject = command.subject() == null ? subject : command.subject().strip();
        if (newReceivedOn.equals(receivedOn) && newChannel == channel && newApplicantType == applicantType && newSubject.equals(subject)) {
            throw new StateConflict("更正后的收到日期、申请方式、申请人类型和申请内容与现有记录相同，没有需要更正的内容 (nothing to correct)");
        }
        if (!newReceivedOn.equals(receivedOn)) {
            requireCorrectedReceiptDate(newReceivedOn, clock);
            requireStepsInTimeFrom(newReceivedOn, calendars.current());
            requireNoLaterYearClosed(newReceivedOn, clock, agencies);
        }
        apply(new cn.foi.events.request.ReceiptCorrected(requestId, agencyId, receivedOn, channel, applicantType, subject,
                                                         newReceivedOn, newChannel, newApplicantType, newSubject,
                                                         command.reason().strip(), LocalDate.now(clock)));
    }

    /**
     * The steps already taken stay lawful from the corrected date: a correction asked for within 7 working days of it
     * (Art. 30), an extension granted before the original period counted from it ended (Art. 33). Otherwise the record
     * would say the agency broke a rule it kept, or the other way round: refused, to be put right step by step.
     */
    private void requireStepsInTimeFrom(LocalDate corrected, WorkingDayCalendar calendar) {
        LocalDate askedOn = stepDates.get(CORRECTION_ASKED);
        if (askedOn != null) {
            LocalDate lastDay = lastDayToAskForCorrection(calendar, corrected);
            if (askedOn.isAfter(lastDay)) {
                throw new RuleViolation("补正已于 " + askedOn + " 告知，晚于自更正后的收到日期起 " + AnswerPeriod.CORRECTION_NOTICE_WORKING_DAYS
                                        + " 个工作日（至 " + lastDay + "）(Art. 30: the correction would have been asked for too late)");
            }
        }
        LocalDate grantedOn = stepDates.get(EXTENSION_GRANTED);
        if (grantedOn != null) {
            boolean correctionArrived = correctionRequested && !awaitingCorrection;
            LocalDate clockStart = correctionArrived ? clockStartsOn : corrected;
            LocalDate originalDue = originalDueOn(calendar, corrected, clockStart);
            if (grantedOn.isAfter(originalDue)) {
                throw new RuleViolation("延期已于 " + grantedOn + " 批准，晚于自更正后的收到日期计算的原答复期限 " + originalDue
                                        + " (Art. 33: the extension would have been granted after the original period ended)");
            }
        }
    }

    /**
     * A receipt moved into an earlier year that is still open while a later one is closed would leave that year's
     * requests uncounted by any close, and block every later close (earlier years close first): refused.
     */
    private void requireNoLaterYearClosed(LocalDate corrected, Clock clock, AgencyDirectory agencies) {
        int year = corrected.getYear();
        if (imported || agencies.isClosed(agencyId, year)) {
            return;
        }
        for (int later = year + 1; later <= LocalDate.now(clock).getYear(); later++) {
            if (agencies.isClosed(agencyId, later)) {
                throw new RuleViolation(year + " 年度尚未关闭，而其后的 " + later + " 年度已关闭：收到日期不能更正到 " + year
                                        + " 年 (a later year is closed while " + year + " is open)");
            }
        }
    }

    private void requireCorrectedReceiptDate(LocalDate corrected, Clock clock) {
        requireNotInFuture(corrected, clock, "收到申请日期 receivedOn");
        if (corrected.getYear() < ReportingYear.FIRST) {
            throw new RuleViolation("收到申请日期不能早于 " + ReportingYear.FIRST + " 年 (receivedOn is before " + ReportingYear.FIRST + ")");
        }
        if (imported && !corrected.isBefore(LocalDate.of(firstYear, 1, 1))) {
            throw new RuleViolation("上年结转的申请须在 " + firstYear + " 年之前收到 (an open request carried over into "
                                    + firstYear + " must have been received before it)");
        }
        var stepBefore = stepDates.entrySet().stream().filter(step -> corrected.isAfter(step.getValue()))
                                  .min(java.util.Map.Entry.comparingByValue());
        if (stepBefore.isPresent()) {
            throw new RuleViolation("收到申请日期 " + corrected + " 晚于" + stepBefore.get().getKey() + " " + stepBefore.get().getValue()
                                    + "：收到申请日期不能晚于其后各环节的日期 (receivedOn would be after a later step of the request)");
        }
        // an extension granted under the 2019 Regulations may exceed what a receipt before them allows (15 working days)
        if (extended && extensionDays > AnswerPeriod.maxExtensionWorkingDaysFor(corrected)) {
            throw new RuleViolation("已批准延长 " + extensionDays + " 个工作日，超过收到日期为 " + corrected + " 的申请最长可延长的 "
                                    + AnswerPeriod.maxExtensionWorkingDaysFor(corrected) + " 个工作日"
                                    + " (the granted extension exceeds the longest one for that receipt date)");
        }
    }

    @EventSourcingHandler
    void on(cn.foi.events.request.ReceiptCorrected event) {
        receivedOn = event.receivedOn();
        channel = event.channel();
        applicantType = event.applicantType();
        subject = event.subject();
        firstYear = ReportingYear.firstYearOf(event.receivedOn(), imported, firstYear);
        boolean correctionArrived = correctionRequested && !awaitingCorrection;
        if (!correctionArrived) {
            clockStartsOn = event.receivedOn(); // once a correction arrived, the period counts from its arrival instead
        }
    }

    /** A file kept for the request; allowed at any stage (a signed reply comes after the answer), it counts in no table. */
    @CommandHandler
    public void handle(RequestCommands.AttachFile command) {
        apply(new cn.foi.events.request.AttachmentAdded(requestId, agencyId, command.attachmentId(), command.name(), command.size(),
                                                        command.contentType(), command.sha256()));
    }

    /**
     * A supervisor gives the request to one of its agency's officers (or supervisors); another agency's user, an
     * unknown or disabled one is refused (422). Giving it to the one who has it already changes nothing.
     */
    @CommandHandler
    public void handle(AssignRequest command, Clock clock, Officers officers) {
        if (command.username() == null || command.username().isBlank()) {
            throw new InvalidInput("缺少承办人 username (username is required)");
        }
        String username = command.username().strip();
        String name = officers.officerOf(agencyId, username).orElseThrow(() -> new RuleViolation(
                "用户 " + username + " 不是本机关的经办人或负责人，不能承办本机关的申请"
                + " (not an officer or supervisor of the request's agency)"));
        if (username.equals(assignee)) {
            return;
        }
        apply(new RequestAssigned(requestId, agencyId, username, name, LocalDate.now(clock)));
    }

    @EventSourcingHandler
    void on(RequestAssigned event) {
        this.assignee = event.assignee();
    }

    /**
     * Every request ends with exactly one result, dated between its receipt and today, in an open year; a result of
     * the current Regulations for an answer dated from 2019 on.
     */
    @CommandHandler
    public void handle(DecideRequest command, Clock clock, AgencyDirectory agencies) {
        if (command.result() == null) {
            throw new InvalidInput("缺少办理结果 result (result is required)");
        }
        requireAnswerable(command.decidedOn(), clock);
        if (command.decidedOn().getYear() <= ReportingYear.LAST_UNDER_2008_REGULATIONS) {
            throw new RuleViolation("答复日期 " + command.decidedOn() + " 在 " + ReportingYear.LAST_UNDER_2008_REGULATIONS
                                    + " 年及以前，应使用 2008 年《条例》的办理结果：" + labels(LegacyResultCode.values())
                                    + " (a decision dated up to " + ReportingYear.LAST_UNDER_2008_REGULATIONS
                                    + " takes one of " + java.util.Arrays.toString(LegacyResultCode.values()) + ")");
        }
        // A correction handled before the request was recorded here (imported history) may lapse too;
        // a recorded one lapses only after its period, and not at all once the correction arrived.
        if (command.result() == ResultCode.OTHER_NO_CORRECTION && correctionRequested) {
            if (!awaitingCorrection) {
                throw new RuleViolation("申请人已补正，不能按逾期不补正处理 (the correction was received)");
            }
            if (!command.decidedOn().isAfter(correctionDueOn)) {
                throw new RuleViolation("补正期限 " + correctionDueOn + " 尚未届满 (the correction period has not lapsed yet)");
            }
        }
        // likewise an unpaid fee: closed as unpaid only once its payment period is over, never once paid
        if (command.result() == ResultCode.OTHER_FEE_UNPAID && feeNoticeIssued) {
            if (!awaitingPayment) {
                throw new RuleViolation("申请人已缴费，不能按逾期未缴费处理 (the fee was paid)");
            }
            if (!command.decidedOn().isAfter(feeDueOn)) {
                throw new RuleViolation("缴费期限 " + feeDueOn + " 尚未届满 (the payment period has not lapsed yet)");
            }
        }
        agencies.requireYearOpen(agencyId, command.decidedOn().getYear());
        apply(new RequestDecided(requestId, agencyId, command.result(), command.decidedOn(), strip(command.note())));
    }

    /** An answer under the 2008 Regulations: dated in a reporting year up to 2018, with one of that law's results. */
    @CommandHandler
    public void handle(RequestCommands.DecideRequestUnder2008Regulations command, Clock clock, AgencyDirectory agencies) {
        if (command.result() == null) {
            throw new InvalidInput("缺少办理结果 result (result is required)");
        }
        requireAnswerable(command.decidedOn(), clock);
        if (command.decidedOn().getYear() > ReportingYear.LAST_UNDER_2008_REGULATIONS) {
            throw new RuleViolation("答复日期 " + command.decidedOn() + " 在 " + (ReportingYear.LAST_UNDER_2008_REGULATIONS + 1)
                                    + " 年及以后，应使用现行《条例》的办理结果：" + labels(ResultCode.values())
                                    + " (a decision dated from " + (ReportingYear.LAST_UNDER_2008_REGULATIONS + 1)
                                    + " on takes one of " + java.util.Arrays.toString(ResultCode.values()) + ")");
        }
        agencies.requireYearOpen(agencyId, command.decidedOn().getYear());
        apply(new LegacyRequestDecided(requestId, agencyId, command.result(), command.decidedOn(), strip(command.note())));
    }

    /** What any answer needs: a date, not before receipt nor the year the request was carried into, not in the future. */
    private void requireAnswerable(LocalDate decidedOn, Clock clock) {
        if (decidedOn == null) {
            throw new InvalidInput("缺少答复日期 decidedOn (decidedOn is required)");
        }
        if (decided) {
            throw new StateConflict("该申请已办结，不能再次答复 (request " + requestId + " is already decided)");
        }
        requireAnswerDate(decidedOn, clock);
    }

    /** An answer's date: not before the receipt, not before the year it was carried into, not in the future. */
    private void requireAnswerDate(LocalDate decidedOn, Clock clock) {
        if (decidedOn.isBefore(receivedOn)) {
            throw new RuleViolation("答复日期 " + decidedOn + " 早于收到申请日期 " + receivedOn
                                    + " (decidedOn is before receivedOn)");
        }
        if (decidedOn.getYear() < firstYear) {
            throw new RuleViolation("该申请结转至 " + firstYear + " 年办理，答复日期不能早于该年 (it was still open at the start of "
                                    + firstYear + ")");
        }
        requireNotInFuture(decidedOn, clock, "答复日期 decidedOn");
    }

    private static String labels(ResultCode[] codes) {
        return java.util.Arrays.stream(codes).map(ResultCode::label).collect(java.util.stream.Collectors.joining("、"));
    }

    private static String labels(LegacyResultCode[] codes) {
        return java.util.Arrays.stream(codes).map(LegacyResultCode::label).collect(java.util.stream.Collectors.joining("、"));
    }

    /**
     * One extension per request, of 1–20 working days, approved by a named person, granted while the
     * original period is still running and before the answer (Art. 33).
     */
    @CommandHandler
    public void handle(ExtendDeadline command, Clock clock, CalendarBook calendars) {
        WorkingDayCalendar calendar = calendars.current();
        if (command.grantedOn() == null || command.workingDays() == null) {
            throw new InvalidInput("缺少批准日期 grantedOn 或延长工作日数 workingDays (grantedOn and workingDays are required)");
        }
        if (command.approvedBy() == null || command.approvedBy().isBlank()) {
            throw new InvalidInput("缺少批准人 approvedBy (approvedBy is required)");
        }
        if (decided) {
            throw new StateConflict("该申请已办结，不能延期 (request " + requestId + " is already decided)");
        }
        if (extended) {
            throw new StateConflict("每件申请只能延期一次 (the deadline was already extended once)");
        }
        int maxExtension = AnswerPeriod.maxExtensionWorkingDaysFor(receivedOn);
        if (command.workingDays() < 1 || command.workingDays() > maxExtension) {
            throw new RuleViolation("延长期限最长不得超过 " + maxExtension + " 个工作日 (an extension is 1–" + maxExtension + " working days)");
        }
        if (command.grantedOn().isBefore(receivedOn)) {
            throw new RuleViolation("批准日期早于收到申请日期 (grantedOn is before receivedOn)");
        }
        requireNotInFuture(command.grantedOn(), clock, "批准日期 grantedOn");
        if (awaitingCorrection) {
            throw new StateConflict("等待补正期间答复期限停止计算，不能延期 (the clock is stopped awaiting a correction)");
        }
        // while a consultation or a fee is open the clock is paused, so the original period has not ended
        LocalDate originalDue = originalDueOn(calendar, receivedOn, clockStartsOn);
        if (!clockPaused() && command.grantedOn().isAfter(originalDue)) {
            throw new RuleViolation("原答复期限已于 " + originalDue + " 届满，不能再延期 (the original period ended on "
                                    + originalDue + ")");
        }
        apply(new DeadlineExtended(requestId, agencyId, command.grantedOn(), command.workingDays(),
                                   command.approvedBy().strip(), strip(command.reason())));
    }

    /** 补正: asked at most once, within 7 working days of receipt; the clock stops while waiting (Art. 30). */
    @CommandHandler
    public void handle(RequestCorrection command, Clock clock, CalendarBook calendars) {
        WorkingDayCalendar calendar = calendars.current();
        if (command.requestedOn() == null || command.dueOn() == null) {
            throw new InvalidInput("缺少补正通知日期 requestedOn 或补正期限 dueOn (requestedOn and dueOn are required)");
        }
        if (decided) {
            throw new StateConflict("该申请已办结，不能要求补正 (request " + requestId + " is already decided)");
        }
        if (correctionRequested) {
            throw new StateConflict("补正只能要求一次 (a correction was already requested)");
        }
        if (command.requestedOn().isBefore(receivedOn)) {
            throw new RuleViolation("补正通知日期早于收到申请日期 (requestedOn is before receivedOn)");
        }
        requireNotInFuture(command.requestedOn(), clock, "补正通知日期 requestedOn");
        LocalDate lastDay = lastDayToAskForCorrection(calendar, receivedOn);
        if (command.requestedOn().isAfter(lastDay)) {
            throw new RuleViolation("应在收到申请之日起 " + AnswerPeriod.CORRECTION_NOTICE_WORKING_DAYS + " 个工作日内（至 " + lastDay
                                    + "）一次性告知补正 (Art. 30: within " + AnswerPeriod.CORRECTION_NOTICE_WORKING_DAYS + " working days)");
        }
        if (!command.dueOn().isAfter(command.requestedOn())) {
            throw new RuleViolation("补正期限应晚于通知日期 (dueOn must be after requestedOn)");
        }
        apply(new CorrectionRequested(requestId, agencyId, command.requestedOn(), command.dueOn(), command.items()));
    }

    @CommandHandler
    public void handle(ReceiveCorrection command, Clock clock) {
        if (command.receivedOn() == null) {
            throw new InvalidInput("缺少补正收到日期 receivedOn (receivedOn is required)");
        }
        if (decided) {
            throw new StateConflict("该申请已办结 (request " + requestId + " is already decided)");
        }
        if (!awaitingCorrection) {
            throw new StateConflict("该申请没有待补正事项 (no correction is awaited)");
        }
        if (command.receivedOn().isBefore(correctionRequestedOn)) {
            throw new RuleViolation("补正收到日期早于补正通知日期 (receivedOn is before the correction request)");
        }
        requireNotInFuture(command.receivedOn(), clock, "补正收到日期 receivedOn");
        apply(new CorrectionReceived(requestId, agencyId, command.receivedOn()));
    }

    /** A consultation pauses the clock while it is open (Arts. 32, 34); only an open request consults. */
    @CommandHandler
    public void handle(SendConsultation command, Clock clock, CalendarBook calendars) {
        if (command.kind() == null || command.sentOn() == null || command.party() == null || command.party().isBlank()) {
            throw new InvalidInput("缺少征求意见对象 party、类型 kind 或发出日期 sentOn (party, kind and sentOn are required)");
        }
        if (decided) {
            throw new StateConflict("该申请已办结 (request " + requestId + " is already decided)");
        }
        if (awaitingCorrection) {
            throw new StateConflict("等待补正期间不能征求意见 (awaiting a correction)");
        }
        if (command.sentOn().isBefore(clockStartsOn)) {
            throw new RuleViolation("发出日期早于起算日 " + clockStartsOn + " (sentOn is before the clock started)");
        }
        requireNotInFuture(command.sentOn(), clock, "发出日期 sentOn");
        requireWithinAnswerPeriod(command.sentOn(), calendars, "征求意见");
        apply(new ConsultationSent(requestId, agencyId, command.consultationId(), command.party().strip(),
                                   command.kind().name(), command.sentOn()));
    }

    @CommandHandler
    public void handle(ReceiveConsultationReply command, Clock clock) {
        if (command.repliedOn() == null) {
            throw new InvalidInput("缺少答复日期 repliedOn (repliedOn is required)");
        }
        LocalDate sentOn = openConsultations.get(command.consultationId());
        if (sentOn == null) {
            if (repliedConsultations.contains(command.consultationId())) {
                throw new StateConflict("该征求意见已答复 (the consultation already has its reply)");
            }
            throw new NotFound("征求意见 " + command.consultationId() + " 不存在 (unknown consultation)");
        }
        if (command.repliedOn().isBefore(sentOn)) {
            throw new RuleViolation("答复日期早于发出日期 (repliedOn is before sentOn)");
        }
        requireNotInFuture(command.repliedOn(), clock, "答复日期 repliedOn");
        apply(new ConsultationReplied(requestId, agencyId, command.consultationId(), command.repliedOn(),
                                      command.consents()));
    }

    /**
     * A fee notice (Art. 42): one per request, for an open request whose clock is running, with a positive
     * amount and a payment period; the clock does not run until the fee is paid.
     */
    @CommandHandler
    public void handle(IssueFeeNotice command, Clock clock, CalendarBook calendars, AgencyDirectory agencies) {
        if (command.issuedOn() == null || command.amountYuan() == null || command.basis() == null
            || command.dueOn() == null) {
            throw new InvalidInput("缺少通知日期 issuedOn、金额 amountYuan、计费方式 basis 或缴费期限 dueOn "
                                   + "(issuedOn, amountYuan, basis and dueOn are required)");
        }
        if (command.amountYuan().signum() <= 0 || command.amountYuan().scale() > 2) {
            throw new InvalidInput("收费金额应为大于零的元数，最多两位小数 (amountYuan must be a positive amount in yuan)");
        }
        if (decided) {
            throw new StateConflict("该申请已办结，不能收费 (request " + requestId + " is already decided)");
        }
        if (feeNoticeIssued) {
            throw new StateConflict("该申请已发出收费通知 (a fee notice was already issued)");
        }
        if (awaitingCorrection) {
            throw new StateConflict("等待补正期间不能发出收费通知 (awaiting a correction)");
        }
        if (command.issuedOn().isBefore(clockStartsOn)) {
            throw new RuleViolation("收费通知日期早于起算日 " + clockStartsOn + " (issuedOn is before the clock started)");
        }
        requireNotInFuture(command.issuedOn(), clock, "收费通知日期 issuedOn");
        requireWithinAnswerPeriod(command.issuedOn(), calendars, "收费通知");
        if (!command.dueOn().isAfter(command.issuedOn())) {
            throw new RuleViolation("缴费期限应晚于通知日期 (dueOn must be after issuedOn)");
        }
        // the year's report counts its fee notices (六、): frozen once the year is closed
        agencies.requireYearOpen(agencyId, command.issuedOn().getYear());
        apply(new FeeNoticeIssued(requestId, agencyId, command.issuedOn(), command.amountYuan(), command.basis(),
                                  command.dueOn()));
    }

    /** Payment within the notice's period; after it the application counts as abandoned (OTHER_FEE_UNPAID). */
    @CommandHandler
    public void handle(ReceiveFeePayment command, Clock clock, AgencyDirectory agencies) {
        if (command.paidOn() == null) {
            throw new InvalidInput("缺少缴费日期 paidOn (paidOn is required)");
        }
        if (decided) {
            throw new StateConflict("该申请已办结 (request " + requestId + " is already decided)");
        }
        if (!awaitingPayment) {
            throw new StateConflict("该申请没有待缴费用 (no fee is awaited)");
        }
        if (command.paidOn().isBefore(feeIssuedOn)) {
            throw new RuleViolation("缴费日期早于收费通知日期 (paidOn is before the fee notice)");
        }
        if (command.paidOn().isAfter(feeDueOn)) {
            throw new RuleViolation("缴费期限 " + feeDueOn + " 已过，应按逾期未缴费办结 (the payment period ended on "
                                    + feeDueOn + "; close it as OTHER_FEE_UNPAID)");
        }
        requireNotInFuture(command.paidOn(), clock, "缴费日期 paidOn");
        // the year's report sums the fees paid in it (六、): frozen once the year is closed
        agencies.requireYearOpen(agencyId, command.paidOn().getYear());
        apply(new FeePaid(requestId, agencyId, command.paidOn()));
    }

    /**
     * A pause (fee, consultation) stops a running clock; begun after the answer was already due it would
     * only hide the delay (and open the door to a late extension), so it is refused.
     */
    private void requireWithinAnswerPeriod(LocalDate day, CalendarBook calendars, String what) {
        if (clockPaused()) {
            return; // already paused: the period cannot have ended
        }
        LocalDate due = calendars.current().workingDaysAfter(clockStartsOn, AnswerPeriod.workingDaysFor(receivedOn) + extensionDays,
                                                             pauses).dueOn();
        if (day.isAfter(due)) {
            throw new RuleViolation("答复期限已于 " + due + " 届满，不能再以" + what + "中止计算 (the answer was due on " + due + ")");
        }
    }

    private boolean clockPaused() {
        return !openConsultations.isEmpty() || awaitingPayment;
    }

    @EventSourcingHandler
    void on(FeeNoticeIssued event) {
        stepDates.merge("收费通知日期", event.issuedOn(), DisclosureRequest::earlier);
        feeNoticeIssued = true;
        awaitingPayment = true;
        feeIssuedOn = event.issuedOn();
        feeDueOn = event.dueOn();
    }

    @EventSourcingHandler
    void on(FeePaid event) {
        awaitingPayment = false;
        pauses.add(new WorkingDayCalendar.Pause(feeIssuedOn, event.paidOn(), "等待缴费"));
    }

    @EventSourcingHandler
    void on(ConsultationSent event) {
        stepDates.merge("征求意见发出日期", event.sentOn(), DisclosureRequest::earlier);
        openConsultations.put(event.consultationId(), event.sentOn());
    }

    @EventSourcingHandler
    void on(ConsultationReplied event) {
        pauses.add(new WorkingDayCalendar.Pause(openConsultations.get(event.consultationId()), event.repliedOn(),
                                                "征求意见"));
        openConsultations.remove(event.consultationId());
        repliedConsultations.add(event.consultationId());
    }

    @EventSourcingHandler
    void on(CorrectionRequested event) {
        stepDates.merge(CORRECTION_ASKED, event.requestedOn(), DisclosureRequest::earlier);
        correctionRequested = true;
        awaitingCorrection = true;
        correctionRequestedOn = event.requestedOn();
        correctionDueOn = event.dueOn();
    }

    @EventSourcingHandler
    void on(CorrectionReceived event) {
        awaitingCorrection = false;
        clockStartsOn = event.receivedOn();
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        stepDates.merge(EXTENSION_GRANTED, event.grantedOn(), DisclosureRequest::earlier);
        extended = true;
        extensionDays = event.workingDays();
    }

    @EventSourcingHandler
    void on(RequestReceived event) {
        requestId = event.requestId();
        agencyId = event.agencyId();
        receivedOn = event.receivedOn();
        channel = event.channel();
        applicantType = event.applicant().type();
        subject = event.subject();
        clockStartsOn = event.receivedOn();
        firstYear = event.receivedOn().getYear();
    }

    @EventSourcingHandler
    void on(OpenRequestImported event) {
        requestId = event.requestId();
        agencyId = event.agencyId();
        receivedOn = event.receivedOn();
        channel = event.channel();
        applicantType = event.applicant().type();
        subject = event.subject();
        imported = true;
        clockStartsOn = event.receivedOn();
        firstYear = event.carriedOverInto();
    }

    @EventSourcingHandler
    void on(RequestDecided event) {
        decided = true;
        decidedResult = event.result();
        decidedOn = event.decidedOn();
        stepDates.put(ANSWERED, event.decidedOn());
    }

    @EventSourcingHandler
    void on(LegacyRequestDecided event) {
        decided = true;
        legacyResult = event.result();
        decidedOn = event.decidedOn();
        stepDates.put(ANSWERED, event.decidedOn());
    }

    /** Art. 33: the end of the answer period before any extension, for a request received on {@code receivedOn}. */
    private LocalDate originalDueOn(WorkingDayCalendar calendar, LocalDate receivedOn, LocalDate clockStart) {
        return calendar.workingDaysAfter(clockStart, AnswerPeriod.workingDaysFor(receivedOn), pauses).dueOn();
    }

    /** Art. 30: the last day a correction may be asked for, once, after a receipt on {@code receivedOn}. */
    private static LocalDate lastDayToAskForCorrection(WorkingDayCalendar calendar, LocalDate receivedOn) {
        return calendar.workingDaysAfter(receivedOn, AnswerPeriod.CORRECTION_NOTICE_WORKING_DAYS).dueOn();
    }

    private static LocalDate earlier(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }

    public String agencyId() {
        return agencyId;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    private static void requireReceiptDetails(String agencyId, LocalDate receivedOn, Channel channel,
                                              ApplicantType applicantType, String subject) {
        if (agencyId == null || agencyId.isBlank()) {
            throw new InvalidInput("缺少机构编号 agencyId (agencyId is required)");
        }
        if (receivedOn == null) {
            throw new InvalidInput("缺少收到申请日期 receivedOn (receivedOn is required)");
        }
        if (channel == null) {
            throw new InvalidInput("缺少申请方式 channel (channel is required)");
        }
        if (applicantType == null) {
            throw new InvalidInput("缺少申请人类型 applicant.type (applicant.type is required)");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidInput("缺少申请内容 subject (subject is required)");
        }
    }

    private static void requireKnownAgency(AgencyDirectory agencies, String agencyId) {
        if (!agencies.exists(agencyId)) {
            throw new NotFound("机构 " + agencyId + " 不存在 (unknown agency)");
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
