package cn.foi.query.metrics;

import cn.foi.query.deadline.Deadlines;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.RequestFacts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Processing-time figures of an agency's year: how long answers took in working days (paused days
 * excluded), how many were on time, the oldest requests still pending, and the backlog (open and past
 * due) at the end of the year — or today, for the year still running.
 */
@RestController
class MetricsController {

    private static final int OLDEST_SHOWN = 10;

    private final Ledger ledger;
    private final Deadlines deadlines;
    private final Clock clock;

    MetricsController(Ledger ledger, Deadlines deadlines, Clock clock) {
        this.ledger = ledger;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GetMapping("/api/agencies/{agencyId}/metrics/{year}")
    Map<String, Object> metrics(@PathVariable String agencyId, @PathVariable int year) {
        if (ledger.agencyName(agencyId).isEmpty()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)");
        }
        LocalDate today = LocalDate.now(clock);
        if (year > today.getYear()) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, year + " 年尚未开始 (year " + year + " has not started)");
        }
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate asOf = endOfYear.isBefore(today) ? endOfYear : today;

        List<Integer> taken = new ArrayList<>();
        Map<String, Integer> timeliness = new LinkedHashMap<>(Map.of("ON_TIME", 0, "ON_TIME_AFTER_EXTENSION", 0, "LATE", 0));
        List<RequestFacts> pending = new ArrayList<>();
        for (RequestFacts facts : ledger.requests(agencyId)) {
            if (facts.isDecidedIn(year)) {
                taken.add(deadlines.workingDaysTaken(facts));
                timeliness.merge(deadlines.timelinessOf(facts), 1, Integer::sum);
            } else if (facts.isOpenAtEndOf(year)) {
                pending.add(facts);
            }
        }
        pending.sort(Comparator.comparing(RequestFacts::receivedOn).thenComparing(RequestFacts::requestId));

        List<Map<String, Object>> oldest = new ArrayList<>();
        List<String> backlog = new ArrayList<>();
        for (RequestFacts facts : pending) {
            Deadlines.ClockState state = deadlines.asOf(facts, asOf);
            if (state.overdue()) {
                backlog.add(facts.requestId());
            }
            if (oldest.size() < OLDEST_SHOWN) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("requestId", facts.requestId());
                item.put("receivedOn", facts.receivedOn());
                item.put("applicantType", facts.applicantType());
                item.put("dueOn", state.dueOn());
                item.put("overdue", state.overdue());
                item.put("workingDaysOverdue", state.workingDaysOverdue());
                item.put("pausedBecause", state.pausedBecause());
                oldest.add(item);
            }
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("year", year);
        body.put("asOf", asOf);
        body.put("answered", processingTime(taken));
        body.put("timeliness", timeliness);
        body.put("pending", pending.size());
        body.put("oldestPending", oldest);
        body.put("backlog", Map.of("count", backlog.size(), "requestIds", backlog,
                                   "meaning", "截至 " + asOf + " 仍未答复且已超过答复期限的申请"));
        return body;
    }

    /** Count, median, mean, minimum and maximum working days; null figures when nothing was answered. */
    private static Map<String, Object> processingTime(List<Integer> workingDays) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("count", workingDays.size());
        if (workingDays.isEmpty()) {
            figures.put("medianWorkingDays", null);
            figures.put("meanWorkingDays", null);
            figures.put("minWorkingDays", null);
            figures.put("maxWorkingDays", null);
            return figures;
        }
        List<Integer> sorted = workingDays.stream().sorted().toList();
        int n = sorted.size();
        // one decimal place for both, so an even count's median (x.5) and the mean read alike
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2)).setScale(1)
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
                            .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        BigDecimal mean = BigDecimal.valueOf(sorted.stream().mapToLong(Integer::longValue).sum())
                                    .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        figures.put("medianWorkingDays", median);
        figures.put("meanWorkingDays", mean);
        figures.put("minWorkingDays", sorted.get(0));
        figures.put("maxWorkingDays", sorted.get(n - 1));
        return figures;
    }
}
