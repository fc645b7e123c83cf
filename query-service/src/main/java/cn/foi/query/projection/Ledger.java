package cn.foi.query.projection;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact facts of every request and review, per agency, in memory: tables are computed from them on demand
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

    /** Table 二 as recorded at {@code moment} (null: now): its latest version recorded by then. */
    public Map<String, Map<String, java.math.BigDecimal>> proactiveAsOf(String agencyId, int year, java.time.Instant moment) {
        Map<String, Map<String, java.math.BigDecimal>> figures = Map.of();
        for (ProactiveVersion version : proactiveByAgencyYear.getOrDefault(agencyId + "/" + year, java.util.List.of())) {
            if (moment == null || version.recordedAt() == null || !version.recordedAt().isAfter(moment)) {
                figures = version.figures();
            }
        }
        return figures;
    }

    /** Since when an agency stood under {@code parentId} (null: at the top); {@code since} null: from before times were kept. */
    public record Placement(String parentId, java.time.Instant since) {
    }

    /** Where an agency stands in the tree, when it was registered and when it closed which year: what a roll-up asks. */
    public record TreeFacts(java.time.Instant registeredAt, java.util.List<Placement> placements, Map<Integer, java.time.Instant> closedAt,
                            Map<Integer, java.time.Instant> publishedAt) {
        public TreeFacts {
            placements = java.util.List.copyOf(placements);
            closedAt = Map.copyOf(closedAt);
            publishedAt = Map.copyOf(publishedAt);
        }
    }

    private final Map<String, TreeFacts> tree = new ConcurrentHashMap<>();

    public void putTree(String agencyId, TreeFacts facts) {
        tree.put(agencyId, facts);
    }

    /** The agency an agency stood under at {@code moment} (null: now); null at the top. */
    public String parentAsOf(String agencyId, java.time.Instant moment) {
        String parent = null;
        TreeFacts facts = tree.get(agencyId);
        if (facts != null) {
            for (Placement placement : facts.placements()) {
                if (moment == null || placement.since() == null || !placement.since().isAfter(moment)) {
                    parent = placement.parentId();
                }
            }
        }
        return parent;
    }

    /** Whether the agency had closed {@code year} by {@code moment} (null: now). */
    public boolean closedAsOf(String agencyId, int year, java.time.Instant moment) {
        TreeFacts facts = tree.get(agencyId);
        if (facts == null || !facts.closedAt().containsKey(year)) {
            return false;
        }
        java.time.Instant at = facts.closedAt().get(year);
        return moment == null || at == null || !at.isAfter(moment);
    }

    /** Whether the agency had published its report of {@code year} by {@code moment} (null: now). */
    public boolean publishedAsOf(String agencyId, int year, java.time.Instant moment) {
        TreeFacts facts = tree.get(agencyId);
        java.time.Instant at = facts == null ? null : facts.publishedAt().get(year);
        return at != null && (moment == null || !at.isAfter(moment));
    }

    /** Whether the agency was registered by {@code moment} (null: now). */
    public boolean registeredBy(String agencyId, java.time.Instant moment) {
        if (!agencyNames.containsKey(agencyId)) {
            return false;
        }
        TreeFacts facts = tree.get(agencyId);
        return moment == null || facts == null || facts.registeredAt() == null || !facts.registeredAt().isAfter(moment);
    }

    /**
     * The agency and every agency under it at {@code moment} (null: now), in tree order: each agency followed by those
     * under it, siblings by id. Empty if the agency was not registered then.
     */
    public java.util.List<String> subtree(String root, java.time.Instant moment) {
        if (!registeredBy(root, moment)) {
            return java.util.List.of();
        }
        Map<String, java.util.List<String>> children = new java.util.HashMap<>();
        for (String agencyId : agencyNames.keySet()) {
            if (registeredBy(agencyId, moment)) {
                String parent = parentAsOf(agencyId, moment);
                if (parent != null) {
                    children.computeIfAbsent(parent, p -> new java.util.ArrayList<>()).add(agencyId);
                }
            }
        }
        java.util.List<String> members = new java.util.ArrayList<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>(java.util.List.of(root));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!next.isEmpty()) {
            String agencyId = next.pop();
            if (!seen.add(agencyId)) {
                continue; // a cycle is refused when a move is made; never loop should one be stored anyway
            }
            members.add(agencyId);
            java.util.List<String> below = new java.util.ArrayList<>(children.getOrDefault(agencyId, java.util.List.of()));
            below.sort(java.util.Comparator.reverseOrder());
            below.forEach(next::push);
        }
        return members;
    }

    /** The agencies above an agency now, nearest first. */
    public java.util.List<String> ancestors(String agencyId) {
        java.util.List<String> above = new java.util.ArrayList<>();
        for (String parent = parentAsOf(agencyId, null); parent != null && !above.contains(parent) && !parent.equals(agencyId);
             parent = parentAsOf(parent, null)) {
            above.add(parent);
        }
        return above;
    }

    public void putReview(String agencyId, ReviewFacts facts) {
        changed(agencyId);
        reviewsByAgency.computeIfAbsent(agencyId, id -> new ConcurrentHashMap<>()).put(facts.reviewId(), facts);
        changed(agencyId);
    }

    public void putAgency(String agencyId, String name) {
        agencyNames.put(agencyId, name);
        requestsByAgency.computeIfAbsent(agencyId, id -> new ConcurrentHashMap<>());
        changed(agencyId);
    }

    public void putRequest(String agencyId, RequestFacts facts) {
        changed(agencyId); // before too: a reader that began before the write and ends after it sees a new version
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
        tree.clear();
        versions.values().forEach(java.util.concurrent.atomic.AtomicLong::incrementAndGet);
        agencyNames.clear();
        requestsByAgency.clear();
        reviewsByAgency.clear();
        proactiveByAgencyYear.clear();
        calendar = cn.foi.events.calendar.WorkingDayCalendar.shipped();
    }

    /** Every review of the agency, pending or concluded. */
    public java.util.Collection<ReviewFacts> reviews(String agencyId) {
        return java.util.List.copyOf(reviewsByAgency.getOrDefault(agencyId, Map.of()).values());
    }

    /** Changes with every change of the agency's facts: what was computed from them under another value is stale. */
    public long version(String agencyId) {
        return versions.computeIfAbsent(agencyId, id -> new java.util.concurrent.atomic.AtomicLong()).get();
    }

    private final Map<String, java.util.concurrent.atomic.AtomicLong> versions = new ConcurrentHashMap<>();

    /** Bumped after the facts changed. */
    private void changed(String agencyId) {
        versions.computeIfAbsent(agencyId, id -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
    }
}
