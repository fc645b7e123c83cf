package cn.foi.query.request;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.WorkingDayCalendar.Deadline;
import cn.foi.access.PersonalData;
import cn.foi.query.deadline.Deadlines;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.projection.RequestStatus;
import cn.foi.query.view.HistoryEntry;
import cn.foi.query.view.RequestView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

@RestController
class RequestQueryController {

    private final ReadModel readModel;
    private final cn.foi.query.audit.Provenance provenance;
    private final Deadlines deadlines;

    private final cn.foi.query.eventlog.EventStoreReader store;

    private final cn.foi.access.UserStore users;

    RequestQueryController(ReadModel readModel, Deadlines deadlines, cn.foi.query.eventlog.EventStoreReader store,
                           cn.foi.access.UserStore users, cn.foi.query.audit.Provenance provenance) {
        this.provenance = provenance;
        this.users = users;
        this.store = store;
        this.readModel = readModel;
        this.deadlines = deadlines;
    }

    /**
     * One request. {@code possibleRepeats=true} adds, for the agency's own staff, the same applicant's similar requests
     * of the 90 days before it: asked for by the request's page only, since it reads every request of that window.
     */
    @GetMapping("/api/requests/{requestId}")
    RequestState request(@PathVariable String requestId,
                         @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean possibleRepeats) {
        RequestView request = find(requestId);
        // its reviews, so that a page can conclude them (not in search results: one more query per request)
        List<RequestState.Review> reviews = readModel.reviewsOf(request).stream()
                .map(review -> new RequestState.Review(review.reviewId(), review.block(), review.filedOn(), review.result(),
                                                       review.concludedOn()))
                .toList();
        RequestState state = stateOf(request).withReviews(reviews).withLetters(cn.foi.query.letter.LetterFacts.available(request));
        boolean seesPersonalData = cn.foi.access.Caller.current().filter(c -> c.seesPersonalDataOf(request.receipt().agencyId())).isPresent();
        return possibleRepeats && seesPersonalData ? state.withPossibleRepeats(possibleRepeats(request)) : state;
    }

    /**
     * To help decide 重复申请 (Art. 36 (6)): the agency's requests received within 90 days before this one from the same
     * applicant (the same identity document number when both have one, else the same name and type) on a similar
     * subject (half of their character pairs shared, or one containing the other). A warning, never a refusal.
     */
    private List<RequestState.PossibleRepeat> possibleRepeats(RequestView request) {
        RequestView.Receipt receipt = request.receipt();
        List<RequestState.PossibleRepeat> repeats = new java.util.ArrayList<>();
        for (RequestView other : readModel.requestsOf(receipt.agencyId(), receipt.receivedOn().minusDays(90), receipt.receivedOn())) {
            if (other.requestId().equals(request.requestId()) || !sameApplicant(request, other)
                || !similar(receipt.subject(), other.receipt().subject())) {
                continue;
            }
            repeats.add(new RequestState.PossibleRepeat(other.requestId(), other.caseNumber(), other.receipt().receivedOn(),
                                                        other.receipt().subject()));
        }
        repeats.sort(Comparator.comparing(RequestState.PossibleRepeat::receivedOn).reversed());
        return repeats;
    }

    private static boolean sameApplicant(RequestView one, RequestView other) {
        var a = one.applicantDetails();
        var b = other.applicantDetails();
        if (a != null && b != null && a.idNumber() != null && b.idNumber() != null) {
            return a.idNumber().equals(b.idNumber());
        }
        String name = one.receipt().applicantName();
        return name != null && !name.isBlank() && name.equals(other.receipt().applicantName())
               && one.receipt().applicantType() == other.receipt().applicantType();
    }

    private static boolean similar(String one, String other) {
        if (one == null || other == null) {
            return false;
        }
        if (one.contains(other) || other.contains(one)) {
            return true;
        }
        java.util.Set<String> a = pairs(one);
        java.util.Set<String> b = pairs(other);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        long shared = a.stream().filter(b::contains).count();
        return 2.0 * shared / (a.size() + b.size()) >= 0.5;
    }

    private static java.util.Set<String> pairs(String text) {
        String letters = text.replaceAll("[\\s\\p{Punct}，。、；：“”‘’（）《》]", "");
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i + 1 < letters.length(); i++) {
            pairs.add(letters.substring(i, i + 2));
        }
        return pairs;
    }

    /**
     * An agency's requests, newest receipt first: {@code q} matches the subject, the case number or the request id, and the
     * applicant's name for those who may see it in full (a masked name is not searchable by its hidden part);
     * {@code status} as in the state; receipt dates inclusive.
     */
    @GetMapping("/api/agencies/{agencyId}/requests")
    RequestState.Found search(@PathVariable String agencyId,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) String q,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) LocalDate receivedFrom,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) LocalDate receivedTo,
                               @org.springframework.web.bind.annotation.RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "limit 应在 1 到 1000 之间 (limit must be 1..1000)");
        }
        List<RequestState> found = matching(agencyId, q, status, receivedFrom, receivedTo);
        return new RequestState.Found(found.size(), found.subList(0, Math.min(limit, found.size())));
    }

    /**
     * The same search as a spreadsheet ({@code format=xlsx}): every match, newest receipt first, the applicant's name
     * masked, and the log position it was read at (数据出处).
     */
    @GetMapping(value = "/api/agencies/{agencyId}/requests", params = "format=xlsx")
    org.springframework.http.ResponseEntity<byte[]> searchAsSpreadsheet(
            @PathVariable String agencyId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String q,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
            @org.springframework.web.bind.annotation.RequestParam(required = false) LocalDate receivedFrom,
            @org.springframework.web.bind.annotation.RequestParam(required = false) LocalDate receivedTo) {
        var basedOn = provenance.current();
        List<RequestState> found = matching(agencyId, q, status, receivedFrom, receivedTo);
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("编号", "收到申请之日", "申请人", "申请人类型", "提交方式", "申请事项", "状态", "办理期限", "办理结果", "答复日期", "承办人"));
        for (RequestState r : found) {
            // a file travels: the applicant's name masked for everyone (decision 0005), as in every other export
            rows.add(List.of(text(r.caseNumber()), text(r.receivedOn()), PersonalData.mask(text(r.applicant().name())), r.applicant().type().label(),
                             r.channel().label(), text(r.subject()), RequestStatus.labelOf(r.status()), text(r.dueOn()),
                             r.result() == null ? "" : resultLabel(r.result()), text(r.decidedOn()),
                             r.assignee() == null ? "" : r.assignee().name()));
        }
        String agencyName = readModel.agency(agencyId).map(a -> a.name()).orElse(agencyId);
        String title = agencyName + " 申请检索结果（共 " + found.size() + " 件）";
        var grid = cn.foi.query.table.PrintedGrid.of(rows, List.of()).withFootnote(cn.foi.query.audit.Provenance.footnote(basedOn));
        return org.springframework.http.ResponseEntity.ok()
                .header(cn.foi.query.audit.Provenance.HEADER, cn.foi.query.audit.Provenance.header(basedOn))
                .contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", cn.foi.query.table.AnnualTableExports.attachment(agencyName + "申请检索结果.xlsx"))
                .body(cn.foi.query.table.AnnualTableExports.xlsx("申请", title, grid));
    }

    private static String text(Object value) {
        return value == null || "null".equals(String.valueOf(value)) ? "" : String.valueOf(value);
    }

    private static String resultLabel(String code) {
        try {
            return cn.foi.events.codes.ResultCode.valueOf(code).label();
        } catch (IllegalArgumentException legacy) {
            return cn.foi.events.codes.LegacyResultCode.valueOf(code).label() + "（2008 年《条例》）";
        }
    }

    /** Every request of the agency the search matches, newest receipt first. */
    private List<RequestState> matching(String agencyId, String q, String status, LocalDate receivedFrom, LocalDate receivedTo) {
        if (readModel.agency(agencyId).isEmpty()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)");
        }
        if (status != null && !status.isBlank() && !SEARCHABLE_STATUSES.contains(status)) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "未知的办理状态 " + status + "，可选 " + SEARCHABLE_STATUSES
                                                           + " (unknown status)");
        }
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "收到日期的起始日不能晚于截止日 (receivedFrom after receivedTo)");
        }
        boolean seesNames = cn.foi.access.Caller.current().filter(c -> c.seesPersonalDataOf(agencyId)).isPresent();
        String needle = q == null ? "" : q.strip();
        List<RequestState> found = new java.util.ArrayList<>();
        for (RequestView view : readModel.requestsOf(agencyId, receivedFrom, receivedTo)) {
            RequestView.Receipt receipt = view.receipt();
            boolean matches = needle.isEmpty()
                              || view.requestId().contains(needle)
                              || (view.caseNumber() != null && view.caseNumber().contains(needle))
                              || String.valueOf(receipt.subject()).contains(needle)
                              || (seesNames && String.valueOf(receipt.applicantName()).contains(needle));
            if (!matches) {
                continue;
            }
            RequestState state = stateOf(view);
            if (status == null || status.isBlank() || status.equals(state.status())) {
                found.add(state);
            }
        }
        found.sort(Comparator.comparing(RequestState::receivedOn).reversed());
        return found;
    }

    private static final java.util.Set<String> SEARCHABLE_STATUSES =
            java.util.Set.of("OPEN", "AWAITING_CORRECTION", "AWAITING_PAYMENT", "PAUSED", "DECIDED");

    private RequestState stateOf(RequestView view) {
        RequestView.Receipt receipt = view.receipt();
        // personal data in full for the agency's own officers only
        boolean seesPersonalData = cn.foi.access.Caller.current().filter(c -> c.seesPersonalDataOf(receipt.agencyId())).isPresent();
        var details = view.applicantDetails();
        RequestState.Applicant applicant = new RequestState.Applicant(
                receipt.applicantType(), String.valueOf(PersonalData.forCaller(receipt.applicantName(), receipt.agencyId())),
                details == null ? null : seesPersonalData ? details.shown() : details.masked());
        Integer carriedOverInto = receipt.imported() ? receipt.firstYear() : null;
        RequestView.Decision decision = view.decision();
        LocalDate decidedOn = decision == null ? null : decision.decidedOn();
        var state = new RequestState.Builder(view.requestId(), view.caseNumber(), view.assignment(), receipt.agencyId(), receipt.receivedOn(), receipt.channel(),
                                             applicant, receipt.subject(), carriedOverInto,
                                             decision == null ? null : decision.code(), decidedOn, view.correction(),
                                             view.extension(), view.consultations(), view.fee());
        // the clock's state by the same rule as the worklist and the metrics (Deadlines.asOf of today): a stop begun
        // after the due date does not undo the delay, so such a request shows its past due date
        RequestFacts facts = RequestFacts.of(view);
        RequestFacts.Stop stop = decidedOn == null ? facts.stop() : null;
        String status = (decidedOn == null ? RequestStatus.ofOpen(stop) : RequestStatus.DECIDED).name();
        if (stop != null && deadlines.now(facts).pausedBecause() != null) {
            return state.stopped(status, stop.reason().label(), stoppedClockExplanation(facts, stop));
        }
        LocalDate receivedOn = facts.receivedOn();
        LocalDate corrected = facts.correctionReceivedOn();
        LocalDate clockStartsOn = facts.clockStartsOn();
        int extensionDays = facts.extensionWorkingDays();
        List<WorkingDayCalendar.Pause> pauses = facts.pausesUntilAnswer();
        Deadline deadline = deadlines.of(receivedOn, clockStartsOn, extensionDays, pauses);
        List<String> explanation = new java.util.ArrayList<>(deadline.explanation());
        if (corrected != null) {
            explanation.add(0, receivedOn + " 收到申请；" + corrected + " 收到补正，自补正之日重新计算（第三十条）");
        }
        if (view.extension() != null) {
            explanation.add(explanation.size() - 1, "其中原期限 " + cn.foi.events.rules.AnswerPeriod.workingDaysFor(receivedOn) + " 个工作日（至 "
                            + deadlines.originalDueOn(receivedOn, clockStartsOn, pauses)
                            + "），经 " + view.extension().approvedBy() + " 批准延长 " + extensionDays
                            + " 个工作日（第三十三条）");
        }
        return state.running(status, deadline.dueOn(),
                             decidedOn == null ? deadlines.workingDaysLeft(deadline.dueOn()) : null,
                             decidedOn == null ? null : Deadlines.timeliness(decidedOn, deadlines.originalDueOn(receivedOn, clockStartsOn, pauses),
                                                                             deadline.dueOn()),
                             deadline.provisional(), explanation);
    }

    private static List<String> stoppedClockExplanation(RequestFacts facts, RequestFacts.Stop stop) {
        return switch (stop.reason()) {
            case AWAITING_CORRECTION -> List.of(facts.receivedOn() + " 收到申请",
                    stop.since() + " 告知补正，答复期限停止计算",
                    "申请人补正期限 " + stop.applicantDueOn() + "；收到补正后重新计算 "
                            + cn.foi.events.rules.AnswerPeriod.workingDaysFor(facts.receivedOn()) + " 个工作日（第三十条）");
            case AWAITING_PAYMENT -> List.of(facts.clockStartsOn() + " 起算",
                    stop.since() + " 发出收费通知，等待缴费期间答复期限暂停计算",
                    "缴费期限 " + stop.applicantDueOn() + "；缴费后恢复计算，逾期未缴费的按“"
                    + cn.foi.events.codes.ResultCode.OTHER_FEE_UNPAID.label() + "”办结");
            case CONSULTING -> List.of(facts.clockStartsOn() + " 起算",
                    stop.since() + " 起征求意见，答复期限暂停计算；收到意见后恢复（第三十二条、第三十四条）");
        };
    }

    /** The request's events, oldest first, each with its business date, when and by whom it was recorded. */
    @GetMapping("/api/requests/{requestId}/history")
    RequestState.History history(@PathVariable String requestId) {
        RequestView view = find(requestId);
        List<HistoryEntry> events = view.history().stream().sorted(Comparator.comparingLong(HistoryEntry::globalIndex)).toList();
        java.util.Map<Long, String> digests = store.digestsAt(events.stream().map(HistoryEntry::globalIndex).toList());
        // a request's events are recorded by one or two people: each looked up once
        java.util.Map<String, String> names = new java.util.HashMap<>();
        java.util.Map<Long, cn.foi.query.letter.LetterFacts.Available> letters = cn.foi.query.letter.LetterFacts.byHistoryEntry(view);
        return new RequestState.History(requestId, view.receipt().agencyId(), events.stream().map(e -> new RequestState.SealedEntry(
                e, digests.get(e.globalIndex()), e.recordedBy() == null ? null : names.computeIfAbsent(e.recordedBy(), this::shownName),
                letters.get(e.globalIndex()))).toList());
    }

    /** The display name of whoever recorded an event (their login when they have none, or when the account is gone). */
    private String shownName(String username) {
        return users.find(username).map(cn.foi.access.UserAccount::shownName).orElse(username);
    }

    private RequestView find(String requestId) {
        return readModel.request(requestId)
                        .filter(RequestView::isReceived)
                        .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                                                            "申请 " + requestId + " 不存在 (unknown request)"));
    }
}
