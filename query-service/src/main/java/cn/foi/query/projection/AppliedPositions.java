package cn.foi.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event store's global indexes whose events the projection has applied, as disjoint ranges. Events reach the
 * projection out of global order (the topic has several partitions, and a repaired event comes late), so ranges
 * appear, grow and merge; once everything is in, it is one range from 0. Thread-safe: the consumer adds, readers ask.
 */
public final class AppliedPositions {

    /** A range of global indexes, both ends included. */
    public record Range(long first, long last) {
        public long size() {
            return last - first + 1;
        }
    }

    private final TreeMap<Long, Long> lastByFirst = new TreeMap<>();
    private long count;

    public synchronized void add(long index) {
        Map.Entry<Long, Long> below = lastByFirst.floorEntry(index);
        if (below != null && below.getValue() >= index) {
            return; // already applied (a duplicate delivery)
        }
        long first = index;
        long last = index;
        if (below != null && below.getValue() == index - 1) {
            first = below.getKey();
        }
        Long nextLast = lastByFirst.remove(index + 1);
        if (nextLast != null) {
            last = nextLast;
        }
        lastByFirst.put(first, last);
        count++;
    }

    public synchronized void clear() {
        lastByFirst.clear();
        count = 0;
    }

    /** How many distinct indexes were applied. */
    public synchronized long count() {
        return count;
    }

    /** The end of the applied prefix: every index below it is applied (0 when index 0 is not). */
    public synchronized long contiguousEnd() {
        Map.Entry<Long, Long> first = lastByFirst.firstEntry();
        return first == null || first.getKey() != 0 ? 0 : first.getValue() + 1;
    }

    /** The indexes below {@code head} not applied, as ranges, at most {@code limit} of them. */
    public synchronized List<Range> missingBelow(long head, int limit) {
        List<Range> missing = new ArrayList<>();
        long next = 0;
        for (Map.Entry<Long, Long> applied : lastByFirst.entrySet()) {
            if (next >= head || missing.size() >= limit) {
                return missing;
            }
            if (applied.getKey() > next) {
                missing.add(new Range(next, Math.min(applied.getKey(), head) - 1));
            }
            next = applied.getValue() + 1;
        }
        if (next < head && missing.size() < limit) {
            missing.add(new Range(next, head - 1));
        }
        return missing;
    }

    /** How many indexes below {@code head} are not applied. */
    public synchronized long missingCountBelow(long head) {
        long applied = 0;
        for (Map.Entry<Long, Long> range : lastByFirst.entrySet()) {
            if (range.getKey() >= head) {
                break;
            }
            applied += Math.min(range.getValue(), head - 1) - range.getKey() + 1;
        }
        return Math.max(0, head - applied);
    }
}
