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

    /** Working days from the clock's start to the answer, paused days excluded; null figures when nothing was answered. */
    record ProcessingTime(int count, BigDecimal medianWorkingDays, BigDecimal meanWorkingDays, Integer minWorkingDays,
                          Integer maxWorkingDays) {
    }

    /** A request still open at the end of the year (or today), with its clock as it stood then. */
    record Pending(String requestId, LocalDate receivedOn, cn.foi.events.codes.ApplicantType applicantType, LocalDate dueOn,
                   boolean overdue, int workingDaysOverdue, String pausedBecause) {
    }

    /** The open requests already past their due date then, and what that means. */
    record Backlog(int count, List<String> requestIds, String meaning) {
    }

    record Metrics(String agencyId, int year, LocalDate asOf, ProcessingTime answered, Map<String, Integer> timeliness,
                   int pending, List<Pending> oldestPending, Backlog backlog) {
    }

    @GetMapping("/api/agencies/{agencyId}/metrics/{year}")
    Metrics metrics(@PathVariable String agencyId, @PathVariable int year) {
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

        List<Pending> oldest = new ArrayList<>();
        List<String> backlog = new ArrayList<>();
        for (RequestFacts facts : pending) {
            Deadlines.ClockState state = deadlines.asOf(facts, asOf);
            if (state.overdue()) {
                backlog.add(facts.requestId());
            }
            if (oldest.size() < OLDEST_SHOWN) {
                oldest.add(new Pending(facts.requestId(), facts.receivedOn(), facts.applicantType(), state.dueOn(), state.overdue(),
                                       state.workingDaysOverdue(), state.pausedBecause()));
            }
        }

        return new Metrics(agencyId, year, asOf, processingTime(taken), timeliness, pending.size(), oldest,
                           new Backlog(backlog.size(), backlog, "截至 " + asOf + " 仍未答复且已超过答复期限的申请"));
    }

    /** Count, median, mean, minimum and maximum working days; null figures when nothing was answered. */
    private static ProcessingTime processingTime(List<Integer> workingDays) {
        if (workingDays.isEmpty()) {
            return new ProcessingTime(0, null, null, null, null);
        }
        List<Integer> sorted = workingDays.stream().sorted().toList();
        int n = sorted.size();
        // one decimal place for both, so an even count's median (x.5) and the mean read alike
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2)).setScale(1)
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
                            .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        BigDecimal mean = BigDecimal.valueOf(sorted.stream().mapToLong(Integer::longValue).sum())
                                    .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        return new ProcessingTime(n, median, mean, sorted.get(0), sorted.get(n - 1));
    }
}
