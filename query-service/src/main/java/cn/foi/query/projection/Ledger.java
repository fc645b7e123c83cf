package cn.foi.query.projection;

import cn.foi.query.table.AnnualTable;
import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact facts of every request, per agency, in memory: tables are computed from them on demand
 * (microseconds for thousands of requests), so no counter can drift and the carried-over and
 * carried-forward rows follow from business dates for any year. It is derived from the persisted read
 * model at start-up and kept current by the projector.
 */
public class Ledger {

    private final Map<String, String> agencyNames = new ConcurrentHashMap<>();
    private final Map<String, Map<String, RequestFacts>> requestsByAgency = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ReviewFacts>> reviewsByAgency = new ConcurrentHashMap<>();

    private final Map<String, java.util.List<ProactiveVersion>> proactiveByAgencyYear = new ConcurrentHashMap<>();

    /** One recorded version of table 二 and when it was recorded (null: before times were kept). */
    public record ProactiveVersion(java.time.Instant recordedAt, Map<String, Map<String, java.math.BigDecimal>> figures) {
    }
    private volatile cn.foi.events.calendar.WorkingDayCalendar calendar = cn.foi.events.calendar.WorkingDayCalendar.shipped();

    /** The working-day calendar: the shipped years plus every notice published since. */
    public cn.foi.events.calendar.WorkingDayCalendar calendar() {
        return calendar;
    }

    public synchronized void putArrangement(cn.foi.events.calendar.YearArrangement arrangement) {
        calendar = calendar.with(arrangement);
    }

    /** Every version of table 二 an agency recorded for a year, oldest first. */
    public void putProactive(String agencyId, int year, java.util.List<ProactiveVersion> versions) {
        proactiveByAgencyYear.put(agencyId + "/" + year, java.util.List.copyOf(versions));
        changed(agencyId);
    }

    private Map<String, Map<String, java.math.BigDecimal>> proactiveAsOf(String agencyId, int year, java.time.Instant moment) {
        Map<String, Map<String, java.math.BigDecimal>> figures = Map.of();
        for (ProactiveVersion version : proactiveByAgencyYear.getOrDefault(agencyId + "/" + year, java.util.List.of())) {
            if (moment == null || version.recordedAt() == null || !version.recordedAt().isAfter(moment)) {
                figures = version.figures();
            }
        }
        return figures;
    }

    public void putReview(String agencyId, ReviewFacts facts) {
        reviewsByAgency.computeIfAbsent(agencyId, id -> new ConcurrentHashMap<>()).put(facts.reviewId(), facts);
        changed(agencyId);
    }

    public void putAgency(String agencyId, String name) {
        agencyNames.put(agencyId, name);
        requestsByAgency.computeIfAbsent(agencyId, id -> new ConcurrentHashMap<>());
        changed(agencyId);
    }

    public void putRequest(String agencyId, RequestFacts facts) {
        requestsByAgency.computeIfAbsent(agencyId, id -> new ConcurrentHashMap<>()).put(facts.requestId(), facts);
        changed(agencyId);
    }

    public Optional<String> agencyName(String agencyId) {
        return Optional.ofNullable(agencyNames.get(agencyId));
    }

    public Map<String, String> agencies() {
        return Map.copyOf(agencyNames);
    }

    /** Every year from the first in which the agency had a request up to {@code untilYear}. */
    public java.util.SortedSet<Integer> yearsOf(String agencyId, int untilYear) {
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        int first = untilYear;
        for (RequestFacts facts : requestsByAgency.getOrDefault(agencyId, Map.of()).values()) {
            first = Math.min(first, Math.min(facts.firstYear(), facts.receivedOn().getYear()));
            if (facts.decidedOn() != null) {
                untilYear = Math.max(untilYear, facts.decidedOn().getYear());
            }
        }
        for (int year = first; year <= untilYear; year++) {
            years.add(year);
        }
        return years;
    }

    /** Every request of the agency, decided or not. */
    public java.util.Collection<RequestFacts> requests(String agencyId) {
        return java.util.List.copyOf(requestsByAgency.getOrDefault(agencyId, Map.of()).values());
    }

    /** The agency's requests not yet decided, as of the events applied so far. */
    public java.util.List<RequestFacts> openRequests(String agencyId) {
        return requestsByAgency.getOrDefault(agencyId, Map.of()).values().stream()
                               .filter(facts -> facts.decidedOn() == null)
                               .toList();
    }

    public void clear() {
        computedTables.clear();
        versions.values().forEach(java.util.concurrent.atomic.AtomicLong::incrementAndGet);
        agencyNames.clear();
        requestsByAgency.clear();
        reviewsByAgency.clear();
        proactiveByAgencyYear.clear();
        calendar = cn.foi.events.calendar.WorkingDayCalendar.shipped();
    }

    /**
     * The current tables; computed once per change of the agency's facts (a table depends on nothing
     * else: business dates, not the clock), so repeated reads of an idle agency cost a map lookup.
     */
    public Optional<AnnualTable> tableOf(String agencyId, int year) {
        long version = versions.computeIfAbsent(agencyId, id -> new java.util.concurrent.atomic.AtomicLong()).get();
        ComputedTable cached = computedTables.get(agencyId + "/" + year);
        if (cached != null && cached.version() == version) {
            return Optional.of(cached.table());
        }
        Optional<AnnualTable> table = tableOf(agencyId, year, null);
        table.ifPresent(t -> computedTables.put(agencyId + "/" + year, new ComputedTable(version, t)));
        return table;
    }

    private record ComputedTable(long version, AnnualTable table) {
    }

    private final Map<String, ComputedTable> computedTables = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> versions = new ConcurrentHashMap<>();

    /**
     * Bumped after the facts changed: a table is cached under the version read before it was computed,
     * so one computed while facts were changing is replaced by the next read.
     */
    private void changed(String agencyId) {
        versions.computeIfAbsent(agencyId, id -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
    }

    /**
     * The tables as they stood at {@code moment} (recorded time; null for now): computed from the same
     * facts, each seen as it was then — no replay of the log.
     */
    public Optional<AnnualTable> tableOf(String agencyId, int year, java.time.Instant moment) {
        String name = agencyNames.get(agencyId);
        if (name == null) {
            return Optional.empty();
        }
        Map<ApplicationRow, Map<ApplicantColumn, Integer>> counts = new EnumMap<>(ApplicationRow.class);
        for (RequestFacts current : requestsByAgency.getOrDefault(agencyId, Map.of()).values()) {
            RequestFacts facts = current.asOf(moment);
            if (facts == null) {
                continue;
            }
            ApplicantColumn column = ApplicantColumn.of(facts.applicantType());
            if (facts.isNewIn(year)) {
                count(counts, ApplicationRow.NEW, column);
            }
            if (facts.isCarriedOverInto(year)) {
                count(counts, ApplicationRow.CARRIED_OVER, column);
            }
            if (facts.isDecidedIn(year)) {
                count(counts, ApplicationRow.of(facts.result()), column);
            }
            if (facts.isOpenAtEndOf(year)) {
                count(counts, ApplicationRow.CARRIED_FORWARD, column);
            }
        }
        Map<String, Integer> reviews = new java.util.HashMap<>();
        for (ReviewFacts current : reviewsByAgency.getOrDefault(agencyId, Map.of()).values()) {
            ReviewFacts review = current.asOf(moment);
            if (review == null) {
                continue;
            }
            String cell = null;
            if (review.isConcludedIn(year)) {
                cell = review.block().name() + "_" + review.result().name();
            } else if (review.isPendingAtEndOf(year)) {
                cell = review.block().name() + "_PENDING";
            }
            if (cell != null) {
                reviews.merge(cell, 1, Integer::sum);
                reviews.merge(review.block().name() + "_TOTAL", 1, Integer::sum);
            }
        }
        return Optional.of(AnnualTable.of(agencyId, name, year, counts, reviews)
                                      .withProactive(proactiveAsOf(agencyId, year, moment)));
    }

    /**
     * The requests counted in one cell of table 三 (as of {@code moment}, null for now), by the same rules
     * as the table: what an auditor follows from a figure to the requests behind it.
     */
    public java.util.List<RequestFacts> requestsIn(String agencyId, int year, ApplicationRow row, ApplicantColumn column,
                                                  java.time.Instant moment) {
        java.util.List<RequestFacts> found = new java.util.ArrayList<>();
        for (RequestFacts current : requestsByAgency.getOrDefault(agencyId, Map.of()).values()) {
            RequestFacts facts = current.asOf(moment);
            if (facts == null || column != ApplicantColumn.TOTAL && ApplicantColumn.of(facts.applicantType()) != column) {
                continue;
            }
            boolean counted = switch (row) {
                case NEW -> facts.isNewIn(year);
                case CARRIED_OVER -> facts.isCarriedOverInto(year);
                case CARRIED_FORWARD -> facts.isOpenAtEndOf(year);
                case TOTAL_HANDLED -> facts.isDecidedIn(year);
                default -> facts.isDecidedIn(year) && ApplicationRow.of(facts.result()) == row;
            };
            if (counted) {
                found.add(facts);
            }
        }
        found.sort(java.util.Comparator.comparing(RequestFacts::receivedOn).thenComparing(RequestFacts::requestId));
        return found;
    }

    private static void count(Map<ApplicationRow, Map<ApplicantColumn, Integer>> counts, ApplicationRow row,
                              ApplicantColumn column) {
        counts.computeIfAbsent(row, r -> new EnumMap<>(ApplicantColumn.class)).merge(column, 1, Integer::sum);
    }
}
