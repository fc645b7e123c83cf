package cn.foi.query.completeness;

import cn.foi.query.eventlog.EventStoreReader;
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
    /** More missing than this is not repaired event by event: the report says so, and a rebuild is the remedy. */
    static final long MAX_REPAIR_EVENTS = 100_000;
    /** The same gap asked for this often and still missing is not one publishing again can close. */
    private static final int REPAIRS_PER_GAP = 3;
    /** A head read longer ago than this (the watch failing: the store away) makes completeness unknown. */
    private static final Duration HEAD_TRUSTED_FOR = Duration.ofSeconds(15);

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
    private int repairsOfGap;
    private volatile Repair lastRepair;

    private record Head(long index, Instant readAt) {
    }

    /** What the last repair asked the command service to publish again. */
    public record Repair(Instant requestedAt, List<AppliedPositions.Range> ranges, long events, String reason) {
    }

    /**
     * Every table answer carries this: is the projection complete up to the store's head, as read at {@code headReadAt}
     * (by the watch, every few seconds: a table answer never waits for the store)?
     */
    public record Status(boolean complete, long storeHead, Instant headReadAt, long projectedUpTo, long missing,
                         boolean rebuilding) {
    }

    /**
     * {@code behind}: the tables count fewer than the store holds (something is missing). Projected counts are taken
     * after the store was read up to its head, so events arriving meanwhile can make them higher, never lower.
     */
    public record AgencyYear(String agencyId, int year, EventStoreReader.YearCounts stored,
                             EventStoreReader.YearCounts projected, boolean equal, boolean behind) {
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

    /** Cheap: the head the watch last read; unknown (not complete) until it has read one. */
    public Status status() {
        Head known = head;
        boolean rebuilding = consumer.rebuildStatus().running();
        if (known.index() < 0 || known.readAt().plus(HEAD_TRUSTED_FOR).isBefore(clock.instant())
            || (known.index() == 0 && applied.count() > 0)) { // never read, too old, or not the store projected from
            return new Status(false, -1, null, applied.contiguousEnd(), -1, rebuilding);
        }
        long missing = applied.missingCountBelow(known.index());
        return new Status(missing == 0 && !rebuilding, known.index(), known.readAt(), applied.contiguousEnd(), missing, rebuilding);
    }

    /** Reads the store's head now (a few exact-key lookups) and keeps it for the table answers. */
    private long readHead() {
        Head read = new Head(store.head(), clock.instant());
        head = read;
        return read.index();
    }

    /** The whole comparison, now: positions, the missing events described, every agency and year. */
    public synchronized Report check() {
        long storeHead = readHead();
        List<AppliedPositions.Range> ranges = applied.missingBelow(storeHead, SHOWN_RANGES);
        List<Long> firstMissing = new ArrayList<>();
        for (AppliedPositions.Range range : ranges) {
            for (long i = range.first(); i <= range.last() && firstMissing.size() < DESCRIBED_EVENTS; i++) {
                firstMissing.add(i);
            }
        }
        List<AgencyYear> agencyYears = compareAgencyYears(storeHead);
        if (agencyYears.stream().anyMatch(AgencyYear::behind) && store.head() > storeHead) {
            // a correction stored after the head was read moves a count out of a year in the projection before the store
            // count sees it: compared once more at the new head, so that a year is not called behind for that alone
            storeHead = readHead();
            agencyYears = compareAgencyYears(storeHead);
            ranges = applied.missingBelow(storeHead, SHOWN_RANGES);
        }
        long missing = applied.missingCountBelow(storeHead);
        boolean rebuilding = consumer.rebuildStatus().running();
        boolean sameStore = storeHead > 0 || applied.count() == 0;
        return new Report(sameStore && missing == 0 && !rebuilding && agencyYears.stream().noneMatch(AgencyYear::behind),
                                   clock.instant(), storeHead, applied.contiguousEnd(), applied.count(), missing, ranges,
                                   store.describe(firstMissing), agencyYears, rebuilding, lastRepair);
    }

    private List<AgencyYear> compareAgencyYears(long storeHead) {
        Map<String, TreeMap<Integer, EventStoreReader.YearCounts>> stored = store.countsByAgencyYear(storeHead);
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
            boolean isShort = p.received() < s.received() || p.imported() < s.imported() || p.decided() < s.decided();
            result.add(new AgencyYear(agency, year, s, p, s.equals(p), isShort));
        }));
        return result;
    }

    /**
     * One round of the watch (every few seconds): a gap below the head that outlasts the grace period while the
     * consumer has read everything on the topic is missing; it is reported and published again, once per grace period.
     */
    public synchronized void watch() {
        long storeHead = readHead();
        if (!consumer.isReady() || consumer.rebuildStatus().running()) {
            gapSince = null;
            return;
        }
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
            repairsOfGap = 0;
            return;
        }
        if (!caughtUp() || gapSince.plus(grace).isAfter(now) || repairsOfGap > REPAIRS_PER_GAP) {
            return; // still reading, not yet long enough to tell an event in flight from a lost one, or given up
        }
        if (repairsOfGap++ == REPAIRS_PER_GAP) {
            log.error("Events from global index {} are still missing after being published again {} times: they are not "
                      + "projected in order (see the completeness report); the watch stops asking for them", gapAt, REPAIRS_PER_GAP);
            return;
        }
        repair(gaps, "projection lacks events below the store's head for more than " + grace.toSeconds() + " s");
        gapSince = now; // ask again only if the same gap outlasts another grace period
    }

    /**
     * The consumer has read everything on the topic, as measured a moment ago, and is applying without failing: after
     * an outage the last lag figure stands (0, from before it) while the consumer still cannot write what it reads.
     */
    private boolean caughtUp() {
        return consumer.failure() == null && consumer.progressAgeMillis() < 2_000 && consumer.progress().lag() == 0;
    }

    /** Asks the command service to publish these events again. */
    public synchronized Repair repair(List<AppliedPositions.Range> gaps, String reason) {
        long events = gaps.stream().mapToLong(AppliedPositions.Range::size).sum();
        if (events > MAX_REPAIR_EVENTS) {
            throw new IllegalStateException("缺少 " + events + " 条事件，过多而不宜逐条补发：请重建投影");
        }
        log.warn("Projection incomplete: {} events stored but not projected ({}); asking for them to be published again: {}",
                 events, reason, gaps);
        republish.accept(new RepublishRequested(
                gaps.stream().map(g -> new RepublishRequested.Range(g.first(), g.last())).toList(), reason, clock.instant()));
        Repair repair = new Repair(clock.instant(), gaps, events, reason);
        lastRepair = repair;
        return repair;
    }

    /**
     * A repair asked for by hand, now: not during a rebuild (everything is a gap then) nor while the consumer still
     * has records to read (they may be the very events). Null when nothing is missing.
     */
    public Repair repairNow() {
        if (consumer.rebuildStatus().running()) {
            throw new IllegalStateException("投影正在重建，重建完成后再补发缺少的事件");
        }
        if (!caughtUp()) {
            throw new IllegalStateException("查询端还有尚未读取或尚未写入的事件，完成后再补发缺少的事件");
        }
        List<AppliedPositions.Range> gaps = applied.missingBelow(readHead(), SHOWN_RANGES);
        return gaps.isEmpty() ? null : repair(gaps, "asked for by an administrator");
    }
}
