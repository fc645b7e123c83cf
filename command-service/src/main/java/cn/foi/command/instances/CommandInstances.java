package cn.foi.command.instances;

import cn.foi.command.calendar.CalendarBook;
import cn.foi.command.problem.Unavailable;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.caching.Cache;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The running instances of the command service, and the one lease under which a command runs alone across all
 * of them (decision 0013). Every instance keeps a heartbeat document in MongoDB and watches the lease: when another
 * instance holds it, the watcher takes this instance's write lock (so its commands in flight are stored first and no
 * new one starts) and says so in its heartbeat; the holder runs its command once every live instance has. When the
 * lease is released, the watcher forgets what other instances may have changed (cached aggregates, the calendar)
 * before this instance's commands go on.
 */
@Component
public class CommandInstances {

    private static final Logger log = LoggerFactory.getLogger(CommandInstances.class);
    private static final String LEASE = "exclusive-command";

    private final MongoCollection<Document> instances;
    private final MongoCollection<Document> leases;
    private final Cache aggregateCache;
    private final CalendarBook calendarBook;
    private final Duration staleAfter;
    private final Duration leaseFor;
    private final Duration pauseTimeout;
    private final Duration watchEvery;
    private final String me = UUID.randomUUID().toString();
    /** Commands share it; an exclusive command here, or the watcher for one elsewhere, holds it alone. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final CountDownLatch watchedOnce = new CountDownLatch(1);
    private final Thread watcher;
    private volatile boolean running = true;
    /** The lease this instance holds while one of its commands runs alone; renewed by the watcher. */
    private volatile String held;
    /** Whether another instance is live: then a cached aggregate may be stale (see {@link #forgetIfShared}). */
    private volatile boolean othersLive;
    /** Written by the watcher thread only. */
    private String pausedFor;
    private long lastBeat;

    CommandInstances(MongoDatabase commandDatabase, Cache aggregateCache, CalendarBook calendarBook,
                     @Value("${foi.instances.stale-after:PT20S}") Duration staleAfter,
                     @Value("${foi.instances.lease-for:PT2M}") Duration leaseFor,
                     @Value("${foi.instances.pause-timeout:PT30S}") Duration pauseTimeout,
                     @Value("${foi.instances.watch-every:PT0.05S}") Duration watchEvery) {
        this.instances = commandDatabase.getCollection("command_instances");
        this.leases = commandDatabase.getCollection("command_leases");
        this.aggregateCache = aggregateCache;
        this.calendarBook = calendarBook;
        this.staleAfter = staleAfter;
        this.leaseFor = leaseFor;
        this.pauseTimeout = pauseTimeout;
        this.watchEvery = watchEvery;
        try {
            leases.insertOne(new Document("_id", LEASE).append("holder", null).append("leaseId", null));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        watcher = new Thread(this::watch, "command-instances-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    ReentrantReadWriteLock lock() {
        return lock;
    }

    /** Commands wait until this instance has looked at the lease once: one may have been taken before it started. */
    void awaitWatching() throws InterruptedException {
        if (!watchedOnce.await(pauseTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new Unavailable("命令服务尚未就绪，请稍后重试 (the command service is not ready yet)");
        }
    }

    /**
     * Takes the lease (waiting while another instance holds it) and waits until every other live instance has
     * paused. The caller holds this instance's write lock only after this returns (see {@link ExclusiveCommands}),
     * so that this instance's watcher can pause it for another instance's lease meanwhile.
     */
    String acquire() {
        String leaseId = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + pauseTimeout.toNanos();
        while (true) {
            Date now = new Date();
            var taken = leases.updateOne(
                    Filters.and(Filters.eq("_id", LEASE),
                                Filters.or(Filters.eq("holder", null), Filters.lt("expiresAt", now))),
                    Updates.combine(Updates.set("holder", me), Updates.set("leaseId", leaseId),
                                    Updates.set("since", now),
                                    Updates.set("expiresAt", new Date(now.getTime() + leaseFor.toMillis()))));
            if (taken.getModifiedCount() == 1) {
                held = leaseId;
                return leaseId;
            }
            if (System.nanoTime() > deadline) {
                throw new Unavailable("另一命令服务实例正在执行年度关闭或机构调整，请稍后重试 "
                                      + "(another instance is running a year close or a move; try again)");
            }
            LockSupport.parkNanos(watchEvery.toNanos());
        }
    }

    /** Waits until every other live instance has paused for {@code leaseId}; releases it and refuses otherwise. */
    void awaitOthersPaused(String leaseId) {
        long deadline = System.nanoTime() + pauseTimeout.toNanos();
        while (!othersPausedFor(leaseId)) {
            if (System.nanoTime() > deadline) {
                release(leaseId);
                throw new Unavailable("其他命令服务实例未能在 " + pauseTimeout.toSeconds() + " 秒内暂停，未执行，请稍后重试 "
                                      + "(another command-service instance did not pause in time; nothing was done)");
            }
            LockSupport.parkNanos(watchEvery.toNanos());
        }
    }

    private boolean othersPausedFor(String leaseId) {
        Date liveSince = new Date(System.currentTimeMillis() - staleAfter.toMillis());
        for (Document other : instances.find(Filters.and(Filters.ne("_id", me), Filters.gt("seenAt", liveSince)))) {
            if (!leaseId.equals(other.getString("pausedFor"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Just before the exclusive command's events are stored: the lease is still this instance's and has not run out
     * (extended by then, so it cannot run out while they are written). Otherwise other instances may have resumed, and
     * the command is refused with nothing stored.
     */
    void confirmHeld(String leaseId) {
        Date now = new Date();
        var still = leases.updateOne(Filters.and(Filters.eq("_id", LEASE), Filters.eq("leaseId", leaseId), Filters.gt("expiresAt", now)),
                                     Updates.set("expiresAt", new Date(now.getTime() + leaseFor.toMillis())));
        if (still.getModifiedCount() != 1) {
            throw new Unavailable("执行期间与其他命令服务实例的协调已失效，未保存，请重试 (the lease ran out; nothing was stored)");
        }
    }

    /**
     * With other instances live, a cached aggregate may miss what they stored since: forgotten before a command loads
     * it, so it is read from the store (a single instance keeps its cache).
     */
    public void forgetIfShared(String aggregateId) {
        if (othersLive && aggregateId != null) {
            aggregateCache.remove(aggregateId);
        }
    }

    void release(String leaseId) {
        if (leaseId.equals(held)) {
            held = null;
        }
        leases.updateOne(Filters.and(Filters.eq("_id", LEASE), Filters.eq("leaseId", leaseId)),
                         Updates.combine(Updates.set("holder", null), Updates.set("leaseId", null)));
    }

    private void watch() {
        while (running) {
            try {
                beat();
                // after the heartbeat: an instance that takes the lease after this read waits for this one's pause
                String remote = remoteLease();
                if (pausedFor == null && remote != null) {
                    pause(remote);
                } else if (pausedFor != null && !pausedFor.equals(remote)) {
                    resume();
                    continue; // another lease may already be held: pause for it at once
                }
                watchedOnce.countDown();
            } catch (RuntimeException e) {
                log.warn("Could not watch the command-service lease: {}", e.toString());
            }
            LockSupport.parkNanos(watchEvery.toNanos());
        }
    }

    private void beat() {
        long now = System.currentTimeMillis();
        // five beats in the time after which an instance counts as gone; each beat is a write the embedded store journals
        if (now - lastBeat >= staleAfter.toMillis() / 5) {
            instances.updateOne(Filters.eq("_id", me), Updates.combine(Updates.set("seenAt", new Date(now)),
                                                                      Updates.set("pausedFor", pausedFor)),
                                new UpdateOptions().upsert(true));
            lastBeat = now;
            othersLive = instances.countDocuments(Filters.and(Filters.ne("_id", me),
                                                              Filters.gt("seenAt", new Date(now - staleAfter.toMillis())))) > 0;
            String holding = held;
            if (holding != null) { // a long exclusive command keeps its lease
                leases.updateOne(Filters.and(Filters.eq("_id", LEASE), Filters.eq("leaseId", holding)),
                                 Updates.set("expiresAt", new Date(now + leaseFor.toMillis())));
            }
        }
    }

    private String remoteLease() {
        Document lease = leases.find(Filters.eq("_id", LEASE)).first();
        if (lease == null || lease.getString("holder") == null || me.equals(lease.getString("holder"))) {
            return null;
        }
        Date expiresAt = lease.getDate("expiresAt");
        return expiresAt != null && expiresAt.after(new Date()) ? lease.getString("leaseId") : null;
    }

    private void pause(String leaseId) {
        // commands in flight here finish (and are stored) first; keep beating meanwhile, or this would look dead
        while (!tryWriteLock()) {
            if (!running) {
                return; // leaving: no more heartbeats once the instance's record is gone
            }
            lastBeat = 0;
            beat();
            if (!leaseId.equals(remoteLease())) {
                return;
            }
        }
        pausedFor = leaseId;
        lastBeat = 0;
        beat();
    }

    private boolean tryWriteLock() {
        try {
            return lock.writeLock().tryLock(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    private void resume() {
        try {
            // the other instance may have changed any aggregate, and published a calendar notice
            aggregateCache.removeAll();
            calendarBook.forget();
        } finally {
            pausedFor = null;
            lock.writeLock().unlock();
        }
        lastBeat = 0;
        beat();
    }

    @PreDestroy
    void leave() throws InterruptedException {
        running = false;
        watcher.interrupt();
        watcher.join(5_000);
        instances.deleteOne(Filters.eq("_id", me));
    }
}
