package cn.foi.infra;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * H2 backend that makes every write durable before it is acknowledged: the write command runs, then the
 * MVStore is committed and (optionally) fsynced, all while holding one lock.
 * <p>
 * The lock matters because {@link MVStore#commit()} persists the whole store: without it a commit issued
 * for one client could persist another client's half-applied write (e.g. document stored, unique index not
 * yet updated), which a crash would then leave behind.
 */
final class DurableH2Backend extends H2Backend {

    /** Lower-case command names, as dispatched by AbstractMongoBackend / AbstractMongoDatabase. */
    private static final Set<String> WRITE_COMMANDS = Set.of(
        "insert", "update", "delete", "findandmodify",
        "create", "createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection");

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
    private static final int COMPACT_ON_CLOSE_MILLIS = 2_000;
    private static final long HOUSEKEEPING_PERIOD_SECONDS = 1;
    /** Chunks less full than this get their live pages rewritten, so that the chunk can be freed. */
    private static final int TARGET_FILL_RATE = 80;
    private static final int HOUSEKEEPING_WRITE_LIMIT = 4 * 1024 * 1024; // bounds the pause it imposes on writers

    private final MVStore store;
    private final boolean fsync;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object durability = new Object();
    /** Writes applied to the store / writes known to be in the file (and synced). Guarded as noted. */
    private long appliedWrites; // writeLock
    private long durableWrites; // durability monitor
    private final ScheduledExecutorService housekeeper;

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
        if (fsync) {
            // Freed chunks may be overwritten after this long (default 45 s guards against unflushed OS
            // buffers; every commit here is fsynced), which bounds the file size under sustained writes.
            store.setRetentionTime(10_000);
        }
        // Opening existing databases may have touched metadata maps.
        flush();
        // With auto-commit disabled MVStore runs no background thread, so nothing would rewrite partly
        // live chunks and the file would grow by every commit's chunk (tens of KB per write) forever.
        housekeeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mongo-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeper.scheduleWithFixedDelay(this::housekeeping,
            HOUSEKEEPING_PERIOD_SECONDS, HOUSEKEEPING_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void housekeeping() {
        writeLock.lock();
        try {
            if (!store.isClosed() && store.compact(TARGET_FILL_RATE, HOUSEKEEPING_WRITE_LIMIT)) {
                flush();
            }
        } catch (RuntimeException e) {
            log.warn("MVStore housekeeping failed; will retry", e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            long version;
            writeLock.lock();
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                // Also after a failed command: an unordered/partial batch may have applied some documents.
                version = ++appliedWrites;
                writeLock.unlock();
                awaitDurable(version);
            }
        }
        Document response = super.handleCommand(channel, databaseName, command, query);
        // Safety net for writes hidden in other commands (e.g. aggregate with $out, implicit collection creation).
        if (store.hasUnsavedChanges()) {
            long version;
            writeLock.lock();
            try {
                version = ++appliedWrites;
            } finally {
                writeLock.unlock();
            }
            awaitDurable(version);
        }
        return response;
    }

    /**
     * Group commit: a write is acknowledged only once a commit (and fsync) that includes it has finished.
     * Writers queue on one monitor; whoever holds it commits everything applied so far (under the write
     * lock, so no half-applied write is saved) and syncs; those queued behind, whose writes were applied
     * meanwhile, then find them already durable. One writer waits for one commit; many share one.
     */
    private void awaitDurable(long version) {
        synchronized (durability) {
            if (durableWrites >= version) {
                return;
            }
            long target;
            writeLock.lock();
            try {
                target = appliedWrites;
                if (!store.isClosed() && store.hasUnsavedChanges()) {
                    commit();
                }
            } finally {
                writeLock.unlock();
            }
            if (fsync && !store.isClosed()) {
                store.sync();
            }
            durableWrites = target;
        }
    }

    @Override
    public void close() {
        // No shutdownNow(): interrupting a thread inside FileChannel I/O closes the channel under MVStore.
        housekeeper.shutdown();
        try {
            if (!housekeeper.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("MVStore housekeeping still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeLock.lock();
        try {
            // Every commit writes a new chunk; reclaim that space now rather than let the file only grow.
            if (!store.isClosed()) {
                flush();
                store.compactFile(COMPACT_ON_CLOSE_MILLIS);
            }
        } catch (RuntimeException e) {
            log.warn("MVStore compaction on close failed; data is intact, file just stays larger", e);
        } finally {
            writeLock.unlock();
        }
        super.close(); // closes (and syncs) the MVStore
    }

    private void flush() {
        if (store.isClosed() || !store.hasUnsavedChanges()) {
            return;
        }
        commit();
        if (fsync) {
            store.sync();
        }
    }
}
