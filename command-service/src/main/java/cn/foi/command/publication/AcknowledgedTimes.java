package cn.foi.command.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When Kafka acknowledged the events this process published most recently, and whether an event asked for again
 * is still in flight to the query side. Bounded whatever the publishing rate: a ring of the last {@link #CAPACITY}
 * global indexes (4 MiB), so at bulk-entry speed it still covers far more than the settle period, and an event it no
 * longer knows was published long enough ago to be sent again.
 */
final class AcknowledgedTimes {

    static final int CAPACITY = 1 << 18;

    private final long[] indexes = new long[CAPACITY];
    private final long[] acknowledgedAtMillis = new long[CAPACITY];

    AcknowledgedTimes() {
        java.util.Arrays.fill(indexes, -1);
    }

    synchronized void note(long globalIndex, Instant acknowledgedAt) {
        int slot = (int) (globalIndex % CAPACITY);
        indexes[slot] = globalIndex;
        acknowledgedAtMillis[slot] = acknowledgedAt.toEpochMilli();
    }

    /** When Kafka acknowledged this event as published by this process; empty if not known here. */
    synchronized Optional<Instant> of(long globalIndex) {
        int slot = (int) (globalIndex % CAPACITY);
        return indexes[slot] == globalIndex ? Optional.of(Instant.ofEpochMilli(acknowledgedAtMillis[slot])) : Optional.empty();
    }

    /**
     * Whether an event asked for again is still on its way rather than lost: Kafka acknowledged it less than
     * {@code settle} before the request was read. Both times are this host's clock (the query side's clock, which
     * wrote the request, may differ); an event not known here counts as published when this process started.
     */
    boolean inFlight(long globalIndex, Instant startedAt, Instant requestReadAt, Duration settle) {
        return of(globalIndex).orElse(startedAt).isAfter(requestReadAt.minus(settle));
    }
}
