package cn.foi.query.table;

import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.projection.ReviewFacts;
import cn.foi.query.projection.TableSnapshot;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The annual tables of an agency, counted from the ledger's facts by {@link TableCells}: now (computed once per change
 * of the agency's facts, so an idle agency's table costs a map lookup) or as they stood at any recorded moment (the
 * same facts, each seen as it was then: no replay of the log).
 */
@Component
public class AnnualTables implements TableSnapshot {

    private final Ledger ledger;
    private final Clock clock;
    private final Map<String, Computed> computed = new ConcurrentHashMap<>();

    private record Computed(long version, AnnualTable table) {
    }

    public AnnualTables(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The current tables; empty for an unknown agency. */
    public Optional<AnnualTable> of(String agencyId, int year) {
        // cached under the version read before computing: one computed while facts were changing is replaced next time
        long version = ledger.version(agencyId);
        Computed cached = computed.get(agencyId + "/" + year);
        if (cached != null && cached.version() == version) {
            return Optional.of(cached.table());
        }
        Optional<AnnualTable> table = count(agencyId, year, null);
        table.ifPresent(t -> computed.put(agencyId + "/" + year, new Computed(version, t)));
        return table;
    }

    /**
     * The tables as they stood at {@code moment} (recorded time; null for now): the current tables with only the
     * requests and reviews recorded since taken back to how they stood then; every other fact is the same then as now,
     * so a table as of a recent moment costs a pass over the facts and no classification of the unchanged ones.
     */
    public Optional<AnnualTable> asOf(String agencyId, int year, Instant moment) {
        if (moment == null) {
            return of(agencyId, year);
        }
        long version = ledger.version(agencyId);
        Optional<AnnualTable> now = of(agencyId, year);
        if (now.isEmpty()) {
            return now;
        }
        Map<ApplicationRow, Map<ApplicantColumn, Integer>> counts = new EnumMap<>(ApplicationRow.class);
        now.get().applications().forEach((row, cells) -> counts.put(row, new EnumMap<>(cells)));
        for (RequestFacts current : ledger.requests(agencyId)) {
            RequestFacts then = current.asOf(moment);
            if (then == current) {
                continue; // recorded as it is now before the moment
            }
            ApplicantColumn column = ApplicantColumn.of(current.applicantType());
            TableCells.rowsOf(current, year).forEach(row -> counts.get(row).merge(column, -1, Integer::sum));
            if (then != null) {
                // in the column of the applicant type as it stood then (a corrected receipt may have changed it)
                ApplicantColumn columnThen = ApplicantColumn.of(then.applicantType());
                TableCells.rowsOf(then, year).forEach(row -> counts.get(row).merge(columnThen, 1, Integer::sum));
            }
        }
        Map<String, Integer> reviews = new HashMap<>(now.get().reviews());
        for (ReviewFacts current : ledger.reviews(agencyId)) {
            ReviewFacts then = current.asOf(moment);
            if (then == current) {
                continue;
            }
            TableCells.cellOf(current, year).ifPresent(cell -> {
                reviews.merge(cell, -1, Integer::sum);
                reviews.merge(TableCells.totalOf(current), -1, Integer::sum);
            });
            if (then != null) {
                TableCells.cellOf(then, year).ifPresent(cell -> {
                    reviews.merge(cell, 1, Integer::sum);
                    reviews.merge(TableCells.totalOf(then), 1, Integer::sum);
                });
            }
        }
        if (ledger.version(agencyId) != version) {
            return count(agencyId, year, moment); // facts changed while adjusting: count them all, as they are
        }
        return Optional.of(AnnualTable.of(agencyId, now.get().agencyName(), year, counts, reviews)
                                      .withProactive(ledger.proactiveAsOf(agencyId, year, moment)));
    }

    private Optional<AnnualTable> count(String agencyId, int year, Instant moment) {
        Optional<String> name = ledger.agencyName(agencyId);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Map<ApplicationRow, Map<ApplicantColumn, Integer>> counts = new EnumMap<>(ApplicationRow.class);
        for (RequestFacts current : ledger.requests(agencyId)) {
            RequestFacts request = current.asOf(moment);
            if (request == null) {
                continue;
            }
            ApplicantColumn column = ApplicantColumn.of(request.applicantType());
            for (ApplicationRow row : TableCells.rowsOf(request, year)) {
                if (row != ApplicationRow.TOTAL_HANDLED) { // derived by the table from the result rows
                    counts.computeIfAbsent(row, r -> new EnumMap<>(ApplicantColumn.class)).merge(column, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> reviews = new HashMap<>();
        for (ReviewFacts current : ledger.reviews(agencyId)) {
            ReviewFacts review = current.asOf(moment);
            if (review == null) {
                continue;
            }
            TableCells.cellOf(review, year).ifPresent(cell -> {
                reviews.merge(cell, 1, Integer::sum);
                reviews.merge(TableCells.totalOf(review), 1, Integer::sum);
            });
        }
        return Optional.of(AnnualTable.of(agencyId, name.get(), year, counts, reviews)
                                      .withProactive(ledger.proactiveAsOf(agencyId, year, moment)));
    }

    /**
     * The requests counted in one cell of table 三 (as of {@code moment}, null for now), by the same rules as the
     * table: what an auditor follows from a figure to the requests behind it.
     */
    public List<RequestFacts> requestsIn(String agencyId, int year, ApplicationRow row, ApplicantColumn column, Instant moment) {
        List<RequestFacts> found = new ArrayList<>();
        for (RequestFacts current : ledger.requests(agencyId)) {
            RequestFacts request = current.asOf(moment);
            if (request != null && TableCells.countsIn(request, year, row, column)) {
                found.add(request);
            }
        }
        found.sort(Comparator.comparing(RequestFacts::receivedOn).thenComparing(RequestFacts::requestId));
        return found;
    }

    /** A request whose cells of table 三 differ between two moments: the rows it counted in then, and now. */
    public record RequestChange(String requestId, ApplicantColumn columnBefore, ApplicantColumn column, java.util.Set<ApplicationRow> before,
                                java.util.Set<ApplicationRow> after) {
    }

    /**
     * The requests that moved between cells of table 三 from one moment to another (null: now): received, answered,
     * carried, or recorded in between. Their moves are exactly the differences of the two tables' cells.
     */
    public List<RequestChange> changedBetween(String agencyId, int year, Instant from, Instant to) {
        List<RequestChange> changes = new ArrayList<>();
        for (RequestFacts current : ledger.requests(agencyId)) {
            RequestFacts then = current.asOf(from);
            RequestFacts later = current.asOf(to);
            java.util.Set<ApplicationRow> before = then == null ? java.util.Set.of() : TableCells.rowsOf(then, year);
            java.util.Set<ApplicationRow> after = later == null ? java.util.Set.of() : TableCells.rowsOf(later, year);
            // a corrected applicant type moves a request between columns in the same rows
            ApplicantColumn columnBefore = ApplicantColumn.of((then == null ? current : then).applicantType());
            ApplicantColumn columnAfter = ApplicantColumn.of((later == null ? current : later).applicantType());
            if (!before.equals(after) || !before.isEmpty() && columnBefore != columnAfter) {
                changes.add(new RequestChange(current.requestId(), columnBefore, columnAfter, before, after));
            }
        }
        changes.sort(Comparator.comparing(RequestChange::requestId));
        return changes;
    }

    /** Every table of every agency, keyed "agency/year": what a rebuild must reproduce. */
    @Override
    public Map<String, Object> all() {
        Map<String, Object> tables = new LinkedHashMap<>();
        int thisYear = LocalDate.now(clock).getYear();
        for (String agencyId : ledger.agencies().keySet().stream().sorted().toList()) {
            for (int year : ledger.yearsOf(agencyId, thisYear)) {
                tables.put(agencyId + "/" + year, of(agencyId, year).orElseThrow());
            }
        }
        return tables;
    }
}
