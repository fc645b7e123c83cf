package cn.foi.query.audit;

import cn.foi.events.published.LogVerifier;
import cn.foi.query.eventlog.EventStoreReader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The auditor's proof that the event log is as it was written: every digest recomputed from the stored events, in
 * store order, streaming (one window of commits at a time; the verifier keeps only each aggregate's last digest).
 * One verification runs at a time; its progress can be read while it runs.
 */
public class LogAudit {

    /** An export's or a report's provenance: the last event it counted and the log's head digest after it. */
    public record BasedOn(long globalIndex, String head) {
    }

    /** A provenance checked against the verified log: does the log's head at that index equal the one named? */
    public record BasedOnCheck(long globalIndex, String head, String logHead, boolean matches) {
    }

    public record Verification(long events, int aggregates, boolean verified, String head,
                               LogVerifier.Mismatch firstMismatch, BasedOnCheck basedOn,
                               Instant checkedAt, double seconds) {
    }

    /** While a verification runs: how many events are verified of how many the log holds. */
    public record Progress(boolean running, long verifiedEvents, long storedEvents, Instant startedAt) {
    }

    private final EventStoreReader store;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress(false, 0, 0, null));

    public LogAudit(EventStoreReader store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Verifies the whole log; with {@code basedOn}, also whether the log's head at its index is the one it names. */
    public Verification verify(BasedOn basedOn) {
        oneAtATime.lock();
        try {
            Instant started = clock.instant();
            long stored = store.head();
            progress.set(new Progress(true, 0, stored, started));
            LogVerifier verifier = new LogVerifier(basedOn == null ? -1 : basedOn.globalIndex());
            store.forEachCommit(commit -> {
                boolean intact = verifier.accept(commit);
                if (verifier.events() % 10_000 < 500) {
                    progress.set(new Progress(true, verifier.events(), stored, started));
                }
                return intact;
            });
            // as far as the log reached when the walk began (its hint included): commits stored since are not missing
            verifier.expectEnd(stored);
            BasedOnCheck check = null;
            if (basedOn != null) {
                String logHead = verifier.verified() ? verifier.watchedHead() : null;
                check = new BasedOnCheck(basedOn.globalIndex(), basedOn.head(), logHead,
                                         logHead != null && logHead.equalsIgnoreCase(basedOn.head()));
            }
            Instant done = clock.instant();
            return new Verification(verifier.events(), verifier.aggregates(), verifier.verified(), verifier.head(),
                                    verifier.firstMismatch(), check, done,
                                    Duration.between(started, done).toMillis() / 1000.0);
        } finally {
            progress.set(new Progress(false, 0, 0, null));
            oneAtATime.unlock();
        }
    }

    public Progress progress() {
        return progress.get();
    }

    /** The last provenance read: every table answer asks for the same one until the projection moves on. */
    private volatile BasedOn lastRead;

    /** Where the projection stands in the log: the last event counted and the stored head digest after it. */
    public BasedOn basedOn(long storedEnd) {
        BasedOn known = lastRead;
        if (known != null && known.globalIndex() == storedEnd - 1) {
            return known;
        }
        BasedOn read = new BasedOn(storedEnd - 1, store.headAfter(storedEnd - 1));
        if (read.head() != null) {
            lastRead = read;
        }
        return read;
    }
}
