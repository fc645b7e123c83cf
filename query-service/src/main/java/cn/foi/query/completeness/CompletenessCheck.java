package cn.foi.query.completeness;

import cn.foi.events.published.RepublishRequested;
import cn.foi.query.projection.AppliedPositions;
import cn.foi.query.projection.EventConsumer;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.RequestFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Whether the projection holds every event of the event store, proved against the store itself: by its positions
 * (every global index below the store's head applied) and per agency and year (requests received, imported and
 * decided, counted in the store and in the tables). A gap below the head can be an event still on its way (a
 * partition behind another, the publisher behind the store); one that outlasts {@code grace} while the consumer has
 * nothing left to read is missing, and is repaired by asking the command service to publish it again.
 */
public class CompletenessCheck {

    private static final Logger log = LoggerFactory.getLogger(CompletenessCheck.class);
    private static final int SHOWN_RANGES = 100;
    private static final int DESCRIBED_EVENTS = 200;

    private final EventStoreReader store;
    private final AppliedPositions applied;
    private final Ledger ledger;
    private final EventConsumer consumer;
    private final Consumer<RepublishRequested> republish;
    private final Duration grace;
    private final Clock clock;

    private volatile Head head = new Head(-1, Instant.EPOCH);
    /** When the lowest gap now below the head was first seen (null: none), and the last repair asked for. */
    private Instant gapSince;
    private long gapAt = -1;
    private volatile Repair lastRepair;
    private volatile Report lastReport;

    private record Head(long index, Instant readAt) {
    }

    /** What the last repair asked the command service to publish again. */
    public record Repair(Instant requestedAt, List<AppliedPositions.Range> ranges, long events, String reason) {
    }

    /** Every table answer carries this: is the projection complete up to the store's head? */
    public record Status(boolean complete, long storeHead, long projectedUpTo, long missing, boolean rebuilding) {
    }

    public record AgencyYear(String agencyId, int year, EventStoreReader.YearCounts stored,
                             EventStoreReader.YearCounts projected, boolean equal) {
    }

    public record Report(boolean complete, Instant checkedAt, long storeHead, long projectedUpTo, long applied,
                         long missing, List<AppliedPositions.Range> missingRanges,
                         List<EventStoreReader.StoredEvent> missingEvents, List<AgencyYear> agencyYears,
                         boolean rebuilding, Repair lastRepair) {
    }

    public CompletenessCheck(EventStoreReader store, AppliedPositions applied, Ledger ledger, EventConsumer consumer,
                             Consumer<RepublishRequested> republish, Duration grace, Clock clock) {
        this.store = store;
        this.applied = applied;
        this.ledger = ledger;
        this.consumer = consumer;
        this.republish = republish;
        this.grace = grace;
        this.clock = clock;
    }

    /** Cheap: the store's head is read at most once a second (a few exact-key lookups). */
    public Status status() {
        long storeHead = head(Duration.ofSeconds(1));
        long missing = applied.missingCountBelow(storeHead);
        boolean rebuilding = consumer.rebuildStatus().running();
        return new Status(missing == 0 && !rebuilding, storeHead, applied.contiguousEnd(), missing, rebuilding);
    }

    private long head(Duration maxAge) {
        Head known = head;
        Instant now = clock.instant();
        if (known.index() < 0 || known.readAt().plus(maxAge).isBefore(now)) {
            known = new Head(store.head(), now);
            head = known;
        }
        return known.index();
    }

    /** The whole comparison, now: positions, the missing events described, every agency and year. */
    public Report check() {
        long storeHead = head(Duration.ZERO);
        List<AppliedPositions.Range> ranges = applied.missingBelow(storeHead, SHOWN_RANGES);
        List<Long> firstMissing = new ArrayList<>();
        for (AppliedPositions.Range range : ranges) {
            for (long i = range.first(); i <= range.last() && firstMissing.size() < DESCRIBED_EVENTS; i++) {
                firstMissing.add(i);
            }
        }
        List<AgencyYear> agencyYears = compareAgencyYears();
        long missing = applied.missingCountBelow(storeHead);
        boolean rebuilding = consumer.rebuildStatus().running();
        Report report = new Report(missing == 0 && !rebuilding && agencyYears.stream().allMatch(AgencyYear::equal),
                                   clock.instant(), storeHead, applied.contiguousEnd(), applied.count(), missing, ranges,
                                   store.describe(firstMissing), agencyYears, rebuilding, lastRepair);
        lastReport = report;
        return report;
    }

    public Report lastReport() {
        return lastReport;
    }

    private List<AgencyYear> compareAgencyYears() {
        Map<String, TreeMap<Integer, EventStoreReader.YearCounts>> stored = store.countsByAgencyYear();
        Map<String, TreeMap<Integer, EventStoreReader.YearCounts>> projected = new TreeMap<>();
        for (String agencyId : ledger.agencies().keySet()) {
            for (RequestFacts request : ledger.requests(agencyId)) {
                TreeMap<Integer, EventStoreReader.YearCounts> years = projected.computeIfAbsent(agencyId, a -> new TreeMap<>());
                if (request.imported()) {
                    years.merge(request.firstYear(), new EventStoreReader.YearCounts(0, 1, 0), EventStoreReader.YearCounts::plus);
                } else {
                    years.merge(request.receivedOn().getYear(), new EventStoreReader.YearCounts(1, 0, 0), EventStoreReader.YearCounts::plus);
                }
                if (request.decidedOn() != null) {
                    years.merge(request.decidedOn().getYear(), new EventStoreReader.YearCounts(0, 0, 1), EventStoreReader.YearCounts::plus);
                }
            }
        }
        TreeMap<String, TreeMap<Integer, Boolean>> keys = new TreeMap<>();
        stored.forEach((agency, years) -> years.keySet().forEach(y -> keys.computeIfAbsent(agency, a -> new TreeMap<>()).put(y, true)));
        projected.forEach((agency, years) -> years.keySet().forEach(y -> keys.computeIfAbsent(agency, a -> new TreeMap<>()).put(y, true)));
        EventStoreReader.YearCounts none = new EventStoreReader.YearCounts(0, 0, 0);
        List<AgencyYear> result = new ArrayList<>();
        keys.forEach((agency, years) -> years.keySet().forEach(year -> {
            EventStoreReader.YearCounts s = stored.getOrDefault(agency, new TreeMap<>()).getOrDefault(year, none);
            EventStoreReader.YearCounts p = projected.getOrDefault(agency, new TreeMap<>()).getOrDefault(year, none);
            result.add(new AgencyYear(agency, year, s, p, s.equals(p)));
        }));
        return result;
    }

    /**
     * One round of the watch (every few seconds): a gap below the head that outlasts the grace period while the
     * consumer has read everything on the topic is missing; it is reported and published again, once per grace period.
     */
    public synchronized void watch() {
        if (!consumer.isReady() || consumer.rebuildStatus().running()) {
            gapSince = null;
            return;
        }
        long storeHead = head(Duration.ZERO);
        List<AppliedPositions.Range> gaps = applied.missingBelow(storeHead, SHOWN_RANGES);
        if (gaps.isEmpty()) {
            gapSince = null;
            gapAt = -1;
            return;
        }
        Instant now = clock.instant();
        if (gapSince == null || gapAt != gaps.get(0).first()) {
            gapSince = now;
            gapAt = gaps.get(0).first();
            return;
        }
        if (consumer.progress().lag() > 0 || gapSince.plus(grace).isAfter(now)) {
            return; // still reading, or not yet long enough to tell an event in flight from a lost one
        }
        repair(gaps, "projection lacks events below the store's head for more than " + grace.toSeconds() + " s");
        gapSince = now; // ask again only if the same gap outlasts another grace period
    }

    /** Asks the command service to publish these events again. */
    public synchronized Repair repair(List<AppliedPositions.Range> gaps, String reason) {
        long events = gaps.stream().mapToLong(AppliedPositions.Range::size).sum();
        log.warn("Projection incomplete: {} events stored but not projected ({}); asking for them to be published again: {}",
                 events, reason, gaps);
        republish.accept(new RepublishRequested(
                gaps.stream().map(g -> new RepublishRequested.Range(g.first(), g.last())).toList(), reason, clock.instant()));
        Repair repair = new Repair(clock.instant(), gaps, events, reason);
        lastRepair = repair;
        return repair;
    }

    /** The gaps below the head now (for a repair asked for by hand). */
    public List<AppliedPositions.Range> gapsNow() {
        return applied.missingBelow(head(Duration.ZERO), SHOWN_RANGES);
    }
}
