package cn.foi.query.deadline;

import cn.foi.events.calendar.WorkingDayCalendar.Deadline;
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
import java.util.LinkedHashMap;
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

    @GetMapping("/api/agencies/{agencyId}/worklist")
    Map<String, Object> worklist(@PathVariable String agencyId) {
        if (ledger.agencyName(agencyId).isEmpty()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)");
        }
        List<RequestFacts> open = ledger.openRequests(agencyId);
        Map<String, RequestView> views = readModel.requests(open.stream().map(RequestFacts::requestId)
                                                            .collect(Collectors.toSet()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (RequestFacts facts : open) {
            RequestView view = views.get(facts.requestId());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("requestId", facts.requestId());
            item.put("receivedOn", facts.receivedOn());
            item.put("applicantType", facts.applicantType());
            item.put("subject", view == null || !view.isReceived() ? null : view.receipt().subject());
            if (facts.stop() != null) {
                item.put("dueOn", null);
                item.put("workingDaysLeft", null);
                item.put("overdue", false);
                item.put("pausedBecause", facts.stop().reason().label());
                item.put("pausedSince", facts.stop().since());
                item.put("applicantDueOn", facts.stop().applicantDueOn());
            } else {
                Deadline deadline = deadlines.of(facts.clockStartsOn(), facts.extensionWorkingDays(), facts.pauses());
                int left = deadlines.workingDaysLeft(deadline.dueOn());
                item.put("dueOn", deadline.dueOn());
                item.put("workingDaysLeft", left);
                item.put("overdue", left < 0);
                item.put("dueDateProvisional", deadline.provisional());
            }
            items.add(item);
        }
        // most urgent first; paused requests (no running deadline) after every running one
        items.sort(Comparator.<Map<String, Object>, Integer>comparing(i -> (Integer) i.get("workingDaysLeft"),
                                                                      Comparator.nullsLast(Comparator.naturalOrder()))
                             .thenComparing(i -> (LocalDate) i.get("receivedOn")));
        return Map.of("agencyId", agencyId, "asOf", LocalDate.now(clock), "requests", items);
    }
}
