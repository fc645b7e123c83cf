package cn.foi.query.deadline;

import cn.foi.events.codes.ApplicantType;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.view.RequestView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An officer's worklist: open requests, most urgent first (overdue ones at the top). */
@RestController
class WorklistController {

    private final Ledger ledger;
    private final ReadModel readModel;
    private final Deadlines deadlines;
    private final Clock clock;

    WorklistController(Ledger ledger, ReadModel readModel, Deadlines deadlines, Clock clock) {
        this.ledger = ledger;
        this.readModel = readModel;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** One open request on the worklist: its due date and working days left, or why its clock is stopped. */
    record Item(String requestId, String caseNumber, String status, RequestView.Assignment assignee, LocalDate receivedOn, ApplicantType applicantType, String subject, LocalDate dueOn,
                Integer workingDaysLeft, boolean overdue, Boolean dueDateProvisional, String pausedBecause, LocalDate pausedSince,
                LocalDate applicantDueOn) {
    }

    record Worklist(String agencyId, LocalDate asOf, List<Item> requests) {
    }

    /** The states an open request's clock can be in, as {@code status} filters them. */
    private static final java.util.Set<String> OPEN_STATUSES = java.util.Set.of("OPEN", "AWAITING_CORRECTION", "AWAITING_PAYMENT", "PAUSED");

    /**
     * The agency's open requests, most urgent first. Filters (together): {@code assignee} (a user name), {@code status}
     * (OPEN: the clock runs; AWAITING_CORRECTION, AWAITING_PAYMENT, PAUSED: stopped), {@code dueWithin} (due within that
     * many working days, overdue ones included). {@code status} is the request's as its own page says it (what it waits
     * for), even where a stop begun after the due date leaves its clock running.
     */
    @GetMapping("/api/agencies/{agencyId}/worklist")
    Worklist worklist(@PathVariable String agencyId,
                      @org.springframework.web.bind.annotation.RequestParam(required = false) String assignee,
                      @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
                      @org.springframework.web.bind.annotation.RequestParam(required = false) Integer dueWithin) {
        if (ledger.agencyName(agencyId).isEmpty()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)");
        }
        if (status != null && !status.isBlank() && !OPEN_STATUSES.contains(status)) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "未知的办理状态 " + status + "，可选 " + new java.util.TreeSet<>(OPEN_STATUSES)
                                                           + " (unknown status)");
        }
        if (dueWithin != null && (dueWithin < 0 || dueWithin > 60)) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "dueWithin 应为 0 到 60 个工作日 (dueWithin must be 0..60)");
        }
        List<RequestFacts> open = ledger.openRequests(agencyId);
        Map<String, RequestView> views = readModel.requests(open.stream().map(RequestFacts::requestId)
                                                                .collect(Collectors.toSet()));
        List<Item> items = new ArrayList<>();
        for (RequestFacts facts : open) {
            RequestView view = views.get(facts.requestId());
            String subject = view == null || !view.isReceived() ? null : view.receipt().subject();
            String caseNumber = view == null ? null : view.caseNumber();
            RequestView.Assignment assigned = view == null ? null : view.assignment();
            if (assignee != null && !assignee.isBlank() && (assigned == null || !assigned.username().equals(assignee.strip()))) {
                continue;
            }
            // its state as the request page says it (what it waits for), whether or not its clock still runs
            RequestFacts.Stop stop = facts.stop();
            String state = cn.foi.query.projection.RequestStatus.ofOpen(stop).name();
            if (status != null && !status.isBlank() && !status.equals(state)) {
                continue;
            }
            // stopped or due as Deadlines.asOf says of today: the same rule the metrics apply to any past day
            Deadlines.ClockState clock = deadlines.now(facts);
            if (clock.pausedBecause() != null) {
                if (dueWithin != null) {
                    continue; // a stopped clock is due within no number of days
                }
                items.add(new Item(facts.requestId(), caseNumber, state, assigned, facts.receivedOn(), facts.applicantType(), subject, null, null, false, null,
                                   clock.pausedBecause(), stop == null ? null : stop.since(), stop == null ? null : stop.applicantDueOn()));
            } else {
                int left = deadlines.workingDaysLeft(clock.dueOn());
                if (dueWithin != null && left > dueWithin) {
                    continue;
                }
                boolean provisional = deadlines.of(facts.receivedOn(), facts.clockStartsOn(), facts.extensionWorkingDays(), facts.pauses()).provisional();
                items.add(new Item(facts.requestId(), caseNumber, state, assigned, facts.receivedOn(), facts.applicantType(), subject, clock.dueOn(), left, left < 0,
                                   provisional, null, null, null));
            }
        }
        // most urgent first; paused requests (no running deadline) after every running one
        items.sort(Comparator.comparing(Item::workingDaysLeft, Comparator.nullsLast(Comparator.naturalOrder()))
                             .thenComparing(Item::receivedOn));
        return new Worklist(agencyId, LocalDate.now(clock), items);
    }
}
