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
    record Item(String requestId, String caseNumber, LocalDate receivedOn, ApplicantType applicantType, String subject, LocalDate dueOn,
                Integer workingDaysLeft, boolean overdue, Boolean dueDateProvisional, String pausedBecause, LocalDate pausedSince,
                LocalDate applicantDueOn) {
    }

    record Worklist(String agencyId, LocalDate asOf, List<Item> requests) {
    }

    @GetMapping("/api/agencies/{agencyId}/worklist")
    Worklist worklist(@PathVariable String agencyId) {
        if (ledger.agencyName(agencyId).isEmpty()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)");
        }
        List<RequestFacts> open = ledger.openRequests(agencyId);
        Map<String, RequestView> views = readModel.requests(open.stream().map(RequestFacts::requestId)
                                                                .collect(Collectors.toSet()));
        List<Item> items = new ArrayList<>();
        for (RequestFacts facts : open) {
            RequestView view = views.get(facts.requestId());
            String subject = view == null || !view.isReceived() ? null : view.receipt().subject();
            String caseNumber = view == null ? null : view.caseNumber();
            // stopped or due as Deadlines.asOf says of today: the same rule the metrics apply to any past day
            Deadlines.ClockState clock = deadlines.now(facts);
            if (clock.pausedBecause() != null) {
                RequestFacts.Stop stop = facts.stop();
                items.add(new Item(facts.requestId(), caseNumber, facts.receivedOn(), facts.applicantType(), subject, null, null, false, null,
                                   clock.pausedBecause(), stop == null ? null : stop.since(), stop == null ? null : stop.applicantDueOn()));
            } else {
                int left = deadlines.workingDaysLeft(clock.dueOn());
                boolean provisional = deadlines.of(facts.receivedOn(), facts.clockStartsOn(), facts.extensionWorkingDays(), facts.pauses()).provisional();
                items.add(new Item(facts.requestId(), caseNumber, facts.receivedOn(), facts.applicantType(), subject, clock.dueOn(), left, left < 0,
                                   provisional, null, null, null));
            }
        }
        // most urgent first; paused requests (no running deadline) after every running one
        items.sort(Comparator.comparing(Item::workingDaysLeft, Comparator.nullsLast(Comparator.naturalOrder()))
                             .thenComparing(Item::receivedOn));
        return new Worklist(agencyId, LocalDate.now(clock), items);
    }
}
