package cn.foi.command.eventstore;

import static cn.foi.events.published.EventLogLayout.*;
import static cn.foi.events.published.LogDigest.DIGEST;
import static cn.foi.events.published.LogDigest.GENESIS;
import static cn.foi.events.published.LogDigest.HEAD;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An Axon event storage engine on MongoDB whose every read is an exact-key lookup.
 * <p>
 * Each append of one aggregate's events is ONE document (a "commit"), so it is atomic without
 * transactions. Commits carry a gap-free global sequence: a commit's {@code _id} is the global index of
 * its first event and {@code lastIndex} that of its last; a writer proposes {@code _id = lastIndex + 1}
 * of the newest commit it knows, and the unique {@code _id} rejects a concurrent writer that proposed
 * the same. Because a commit can only be proposed after its predecessor was visible, readers that follow
 * the chain never skip an event (no look-back window, no timestamp heuristics), and a tracking token is
 * one number ({@link GlobalSequenceTrackingToken}) however long the history grows.
 * <p>
 * Optimistic concurrency per aggregate is a unique index on (aggregateIdentifier, firstSequenceNumber):
 * a writer that loaded the aggregate up to sequence n proposes a commit starting at n + 1, and collides
 * with any commit already starting there. Loading an aggregate follows its commits by that exact key.
 */
public class CommitLogEventStorageEngine extends AbstractEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(CommitLogEventStorageEngine.class);
    static final String AGGREGATE_STREAM_INDEX = "aggregate_stream";
    /** Bounds how far back a reader looks for the commit holding a given index (see {@link #commitHolding}). */
    static final int MAX_EVENTS_PER_COMMIT = 1000;
    private static final int HEAD_HINT_EVERY = 64;
    private static final int MIN_WINDOW = 8;
    private static final int IDS_PER_QUERY = 100;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> meta;
    private final int batchSize;
    private final Object appendLock = new Object();
    private final ConcurrentLinkedQueue<PendingCommit> pending = new ConcurrentLinkedQueue<>();
    private volatile long nextIndex = -1;
    /** The log's head digest before {@link #nextIndex}; known whenever nextIndex is. */
    private String headDigest = GENESIS;
    private final LogSeal seal = new LogSeal();
    private long commitsSinceHint;

    private CommitLogEventStorageEngine(Builder builder) {
        super(builder);
        this.commits = builder.database.getCollection(builder.collectionName)
                                       .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.meta = builder.database.getCollection(builder.collectionName + META_SUFFIX);
        this.batchSize = builder.batchSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes this engine relies on; idempotent. */
    public void ensureIndexes() {
        commits.createIndex(Indexes.ascending(AGGREGATE_ID, FIRST_SEQUENCE_NUMBER),
                            new IndexOptions().unique(true).name(AGGREGATE_STREAM_INDEX));
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<PendingCommit> mine = new ArrayList<>();
        for (List<DomainEventMessage<?>> commitEvents : splitByAggregate(events)) {
            mine.add(new PendingCommit(commitEvents, serialize(commitEvents, serializer), mine));
        }
        pending.addAll(mine);
        // Group commit: whoever holds the lock inserts every commit queued so far in one ordered bulk
        // insert; callers queued meanwhile usually find their commits already stored.
        synchronized (appendLock) {
            if (!mine.get(mine.size() - 1).isSettled()) {
                List<PendingCommit> batch = new ArrayList<>();
                PendingCommit next;
                while ((next = pending.poll()) != null) {
                    batch.add(next);
                }
                try {
                    insertInOrder(batch);
                } catch (RuntimeException e) {
                    nextIndex = -1; // unknown outcome: rediscover the end of the log before the next append
                    batch.forEach(commit -> commit.failWithItsUnitOfWork(
                            new EventStoreException("Could not store events", e)));
                }
            }
        }
        for (PendingCommit commit : mine) {
            commit.throwIfFailed();
        }
    }

    /**
     * Inserts the commits at the next global indexes, in order. An ordered bulk insert stops at the
     * first refused commit: those before it are stored (and contiguous), that one is settled as failed
     * (with the not yet stored commits of its unit of work), and the rest are tried again after it.
     */
    private void insertInOrder(List<PendingCommit> batch) {
        List<PendingCommit> remaining = batch;
        while (!remaining.isEmpty()) {
            long start = nextIndex();
            List<Document> documents = new ArrayList<>(remaining.size());
            List<String> heads = new ArrayList<>(remaining.size());
            Map<String, LogSeal.Tip> batchTips = new HashMap<>();
            long index = start;
            String head = headDigest;
            for (PendingCommit commit : remaining) {
                head = sealInto(commit.events, commit.serialized, head, batchTips);
                documents.add(commitDocument(index, commit.events, commit.serialized).append(HEAD, head));
                heads.add(head);
                index += commit.events.size();
            }
            try {
                commits.insertMany(documents, new InsertManyOptions().ordered(true));
                remaining.forEach(PendingCommit::stored);
                remember(remaining);
                nextIndex = index;
                headDigest = head;
                maybeWriteHeadHint();
                return;
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().isEmpty()) {
                    throw e; // e.g. a write concern error: the outcome of the whole batch is unknown
                }
                int failedAt = e.getWriteErrors().get(0).getIndex();
                long stored = start;
                for (PendingCommit commit : remaining.subList(0, failedAt)) {
                    commit.stored();
                    stored += commit.events.size();
                }
                remember(remaining.subList(0, failedAt));
                nextIndex = stored;
                headDigest = failedAt == 0 ? headDigest : heads.get(failedAt - 1);
                PendingCommit refused = remaining.get(failedAt);
                DomainEventMessage<?> first = refused.events.get(0);
                if (e.getWriteErrors().get(0).getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    refused.failWithItsUnitOfWork(new EventStoreException(
                            "Could not store events of " + first.getAggregateIdentifier(), e));
                } else if (commitStartingAt(first.getAggregateIdentifier(), first.getSequenceNumber()) != null) {
                    seal.forget(first.getAggregateIdentifier()); // another writer's events: read them next time
                    refused.failWithItsUnitOfWork(new ConcurrencyException(String.format(
                            "Aggregate %s already has an event at sequence %d: it was changed concurrently",
                            first.getAggregateIdentifier(), first.getSequenceNumber()), e));
                } else {
                    // another writer took this global index: find the new end of the log and try again
                    log.debug("Global index {} taken by another writer; retrying", nextIndex);
                    nextIndex = -1;
                }
                remaining = remaining.subList(failedAt, remaining.size()).stream()
                                     .filter(commit -> !commit.isSettled()).toList();
            }
        }
    }

    /**
     * Seals one commit's serialized events (their digests chained from the aggregate's previous event) and answers
     * the log's head after it. {@code batchTips} holds the aggregates' last digests of commits earlier in the batch.
     */
    private String sealInto(List<DomainEventMessage<?>> events, List<Document> serialized, String head,
                            Map<String, LogSeal.Tip> batchTips) {
        DomainEventMessage<?> first = events.get(0);
        String aggregateId = first.getAggregateIdentifier();
        long firstSequence = first.getSequenceNumber();
        LogSeal.Tip inBatch = batchTips.get(aggregateId);
        String previous = inBatch != null && inBatch.sequence() == firstSequence - 1 ? inBatch.digest()
                                                                                  : previousDigest(aggregateId, firstSequence);
        String after = LogSeal.seal(first.getType(), aggregateId, serialized, previous, head);
        Document last = serialized.get(serialized.size() - 1);
        batchTips.put(aggregateId, new LogSeal.Tip(last.getLong(SEQUENCE_NUMBER), last.getString(DIGEST)));
        return after;
    }

    /** The digest of the aggregate's event before {@code sequence}: remembered, or read from its commits. */
    private String previousDigest(String aggregateId, long sequence) {
        if (sequence == 0) {
            return GENESIS;
        }
        String remembered = seal.digestAt(aggregateId, sequence - 1);
        if (remembered != null) {
            return remembered;
        }
        long next = 0;
        Document commit;
        while ((commit = commitStartingAt(aggregateId, next)) != null) {
            for (Document event : commit.getList(EVENTS, Document.class)) {
                if (event.getLong(SEQUENCE_NUMBER) == sequence - 1) {
                    return event.getString(DIGEST);
                }
            }
            next = commit.getLong(LAST_SEQUENCE_NUMBER) + 1;
        }
        // the aggregate has no such event: the unique index will refuse this commit as a concurrent change
        return GENESIS;
    }

    private void remember(List<PendingCommit> storedCommits) {
        for (PendingCommit commit : storedCommits) {
            Document last = commit.serialized.get(commit.serialized.size() - 1);
            seal.remember(commit.events.get(0).getAggregateIdentifier(),
                          new LogSeal.Tip(last.getLong(SEQUENCE_NUMBER), last.getString(DIGEST)));
        }
    }

    /** One aggregate's events of one unit of work, waiting to be stored. */
    private static final class PendingCommit {
        private final List<DomainEventMessage<?>> events;
        private final List<Document> serialized;
        private final List<PendingCommit> unitOfWork;
        private boolean stored;
        private RuntimeException failure;

        PendingCommit(List<DomainEventMessage<?>> events, List<Document> serialized, List<PendingCommit> unitOfWork) {
            this.events = events;
            this.serialized = serialized;
            this.unitOfWork = unitOfWork;
        }

        void stored() {
            stored = true;
        }

        boolean isSettled() {
            return stored || failure != null;
        }

        void failWithItsUnitOfWork(RuntimeException cause) {
            for (PendingCommit commit : unitOfWork) {
                if (!commit.stored && commit.failure == null) {
                    commit.failure = cause;
                }
            }
        }

        void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
            if (!stored) {
                throw new EventStoreException("Events of " + events.get(0).getAggregateIdentifier()
                                              + " were not stored");
            }
        }
    }

    private List<List<DomainEventMessage<?>>> splitByAggregate(List<? extends EventMessage<?>> events) {
        // one commit per aggregate, in the order the aggregates first appear: a bulk entry's case numbers (one book,
        // its events between the requests') are one commit, the first, so a number another writer took refuses the
        // append before any of it is stored
        Map<String, List<DomainEventMessage<?>>> byAggregate = new java.util.LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new EventStoreException("Only aggregate events are stored; got " + event.getPayloadType());
            }
            byAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>()).add(domainEvent);
        }
        List<List<DomainEventMessage<?>>> result = new ArrayList<>(byAggregate.values());
        for (List<DomainEventMessage<?>> commit : result) {
            if (commit.size() > MAX_EVENTS_PER_COMMIT) {
                throw new EventStoreException("A single commit may hold at most " + MAX_EVENTS_PER_COMMIT + " events");
            }
        }
        return result;
    }

    /**
     * Appends many commits with one bulk insert: for importing an existing history (a migration, or the
     * benchmark's seed), not for commands. Each list is one aggregate's commit.
     */
    public void importHistory(List<List<DomainEventMessage<?>>> commitsToImport) {
        synchronized (appendLock) {
            long start = nextIndex();
            List<Document> documents = new ArrayList<>(commitsToImport.size());
            Map<String, LogSeal.Tip> batchTips = new HashMap<>();
            String head = headDigest;
            for (List<DomainEventMessage<?>> events : commitsToImport) {
                List<Document> serialized = serialize(events, getEventSerializer());
                head = sealInto(events, serialized, head, batchTips);
                documents.add(commitDocument(start, events, serialized).append(HEAD, head));
                start += events.size();
            }
            commits.insertMany(documents);
            nextIndex = start;
            headDigest = head;
            writeHeadHint();
        }
    }

    private static List<Document> serialize(List<DomainEventMessage<?>> events, Serializer serializer) {
        List<Document> serialized = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            SerializedObject<String> payload = serializer.serialize(event.getPayload(), String.class);
            SerializedObject<String> metaData = serializer.serialize(event.getMetaData(), String.class);
            serialized.add(new Document(EVENT_IDENTIFIER, event.getIdentifier())
                                   .append(SEQUENCE_NUMBER, event.getSequenceNumber())
                                   .append(PAYLOAD_TYPE, payload.getType().getName())
                                   .append(PAYLOAD_REVISION, payload.getType().getRevision())
                                   .append(PAYLOAD, payload.getData())
                                   .append(META_DATA, metaData.getData())
                                   .append(TIMESTAMP, event.getTimestamp().toString()));
        }
        return serialized;
    }

    private static Document commitDocument(long start, List<DomainEventMessage<?>> events, List<Document> serialized) {
        DomainEventMessage<?> first = events.get(0);
        return new Document("_id", start)
                .append(LAST_INDEX, start + events.size() - 1)
                .append(AGGREGATE_ID, first.getAggregateIdentifier())
                .append(AGGREGATE_TYPE, first.getType())
                .append(FIRST_SEQUENCE_NUMBER, first.getSequenceNumber())
                .append(LAST_SEQUENCE_NUMBER, events.get(events.size() - 1).getSequenceNumber())
                .append(EVENTS, serialized);
    }

    private long nextIndex() {
        if (nextIndex < 0) {
            long end = findEndOfLog();
            headDigest = headBefore(end);
            nextIndex = end;
        }
        return nextIndex;
    }

    /** The log's head digest before global index {@code index} (a commit boundary): the head its commit stored. */
    private String headBefore(long index) {
        if (index == 0) {
            return GENESIS;
        }
        Document last = commitHolding(index - 1);
        String head = last == null ? null : last.getString(HEAD);
        if (head == null) {
            throw new EventStoreException("The commit before global index " + index + " is not sealed with the log's head digest");
        }
        return head;
    }

    /**
     * Seals the commits stored before the log had digests (a store written by an earlier version): once, in store
     * order, before the first append. They are sealed as they stand at the upgrade; what was changed before it
     * cannot be found, what is changed after it can.
     */
    public void sealUnsealedHistory() {
        synchronized (appendLock) {
            long end = findEndOfLog();
            if (end == 0 || commitHolding(end - 1).getString(HEAD) != null) {
                return;
            }
            Map<String, String> lastDigest = new HashMap<>();
            String head = GENESIS;
            long sealed = 0;
            for (long from = 0; from < end; ) {
                TreeMap<Long, Document> byStart = new TreeMap<>();
                findByIds(LongStream.range(from, Math.min(end, from + batchSize)).boxed().toList())
                        .forEach(c -> byStart.put(c.getLong(FIRST_INDEX), c));
                if (!byStart.containsKey(from)) {
                    throw new EventStoreException("No commit starts at global index " + from + " below the end of the log " + end
                                                  + ": the log cannot be sealed until it is repaired");
                }
                Document commit;
                while ((commit = byStart.get(from)) != null) {
                    String aggregateId = commit.getString(AGGREGATE_ID);
                    List<Document> events = commit.getList(EVENTS, Document.class);
                    String after = LogSeal.seal(commit.getString(AGGREGATE_TYPE), aggregateId, events,
                                                lastDigest.getOrDefault(aggregateId, GENESIS), head);
                    if (commit.getString(HEAD) == null) {
                        commits.updateOne(Filters.eq(FIRST_INDEX, from),
                                          new Document("$set", new Document(EVENTS, events).append(HEAD, after)));
                        sealed++;
                    }
                    head = after;
                    lastDigest.put(aggregateId, events.get(events.size() - 1).getString(DIGEST));
                    from = commit.getLong(LAST_INDEX) + 1;
                }
            }
            log.info("Sealed {} commits stored before the log had digests", sealed);
            nextIndex = -1;
        }
    }

    /** Walks the commit chain from the last hint: a few exact-key lookups, never a scan. */
    private long findEndOfLog() {
        Document hint = meta.find(Filters.eq("_id", HEAD_HINT_ID)).first();
        long probe = hint == null ? 0 : hint.getLong(HEAD_HINT_NEXT);
        Document commit;
        while ((commit = commits.find(Filters.eq("_id", probe)).first()) != null) {
            probe = commit.getLong(LAST_INDEX) + 1;
        }
        return probe;
    }

    private void maybeWriteHeadHint() {
        if (++commitsSinceHint >= HEAD_HINT_EVERY) {
            writeHeadHint();
        }
    }

    /** The hint only shortens the walk in {@link #findEndOfLog}; it is never trusted as the end. */
    public void writeHeadHint() {
        synchronized (appendLock) {
            if (nextIndex >= 0) {
                meta.replaceOne(Filters.eq("_id", HEAD_HINT_ID), new Document("_id", HEAD_HINT_ID).append(HEAD_HINT_NEXT, nextIndex),
                                new ReplaceOptions().upsert(true));
                commitsSinceHint = 0;
            }
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        // Aggregates here are short (a request has a handful of events) and cached: no snapshots.
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    // ---------------------------------------------------------------- aggregate streams

    private Document commitStartingAt(String aggregateIdentifier, long firstSequenceNumber) {
        // A plain document, not Filters.and (which renders as $and): the embedded server uses an index
        // only for a query whose keys are exactly the index's keys.
        return commits.find(new Document(AGGREGATE_ID, aggregateIdentifier)
                                    .append(FIRST_SEQUENCE_NUMBER, firstSequenceNumber)).first();
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        List<DomainEventData<?>> result = new ArrayList<>();
        long sequence = 0;
        Document commit;
        while ((commit = commitStartingAt(identifier, sequence)) != null) {
            List<Document> events = commit.getList(EVENTS, Document.class);
            for (Document event : events) {
                if (event.getLong(SEQUENCE_NUMBER) >= firstSequenceNumber) {
                    result.add(toDomainEventData(commit, event));
                }
            }
            Document last = events.get(events.size() - 1);
            if (last.getString(DIGEST) != null) {
                seal.remember(identifier, new LogSeal.Tip(last.getLong(SEQUENCE_NUMBER), last.getString(DIGEST)));
            }
            sequence = commit.getLong(LAST_SEQUENCE_NUMBER) + 1;
        }
        return result.stream();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long sequence = 0;
        Long last = null;
        Document commit;
        while ((commit = commitStartingAt(aggregateIdentifier, sequence)) != null) {
            last = commit.getLong(LAST_SEQUENCE_NUMBER);
            sequence = last + 1;
        }
        return Optional.ofNullable(last);
    }

    // ---------------------------------------------------------------- tracking

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        long from = trackingToken == null ? 0 : indexOf(trackingToken) + 1;
        Iterator<TrackedEventData<?>> iterator = new Iterator<>() {
            private long next = from;
            // Asking for ids beyond the end costs lookups too: start with a small window (a reader at
            // the head asks for a few ids) and widen it while the log keeps filling it (catching up).
            private int window = MIN_WINDOW;
            // only the caller's token can point into the middle of a commit; later batches start at a commit
            private Iterator<TrackedEventData<?>> batch = fetch(true);

            private Iterator<TrackedEventData<?>> fetch(boolean mayStartMidCommit) {
                List<TrackedEventData<?>> events = fetchFrom(next, window, mayStartMidCommit);
                window = events.size() >= window ? Math.min(window * 4, batchSize) : MIN_WINDOW;
                return events.iterator();
            }

            @Override
            public boolean hasNext() {
                if (!batch.hasNext()) {
                    batch = fetch(false);
                }
                return batch.hasNext();
            }

            @Override
            public TrackedEventData<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TrackedEventData<?> event = batch.next();
                next = indexOf(event.trackingToken()) + 1;
                return event;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    private static long indexOf(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        throw new IllegalArgumentException("Unsupported token type " + token.getClass().getName());
    }

    /**
     * Reads the events with global index {@code from} onwards, up to about one batch, in order. The
     * candidate commit starts are looked up by exact {@code _id}s; the chain stops at the first index no
     * commit holds, which is the end of the log.
     */
    List<TrackedEventData<?>> fetchFrom(long from, int window, boolean mayStartMidCommit) {
        TreeMap<Long, Document> byStart = new TreeMap<>();
        List<Long> candidates = LongStream.range(from, from + window).boxed().toList();
        findByIds(candidates).forEach(c -> byStart.put(c.getLong("_id"), c));
        if (!byStart.containsKey(from)) {
            noticeGap(from, byStart);
            // At the end of the log as this process knows it, nothing can hold `from` yet: no look-back.
            if (!mayStartMidCommit || (nextIndex >= 0 && from >= nextIndex)) {
                return List.of();
            }
            Document holding = commitHolding(from);
            if (holding == null) {
                return List.of();
            }
            byStart.put(holding.getLong("_id"), holding);
        }
        List<TrackedEventData<?>> result = new ArrayList<>();
        long index = from;
        Document commit;
        while ((commit = floorCommit(byStart, index)) != null) {
            long start = commit.getLong("_id");
            List<Document> events = commit.getList(EVENTS, Document.class);
            for (int i = (int) (index - start); i < events.size(); i++) {
                result.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(start + i),
                                                         toDomainEventData(commit, events.get(i))));
            }
            index = commit.getLong(LAST_INDEX) + 1;
        }
        return result;
    }

    /** Per missing index, when a reader first found commits beyond it (readers at other positions keep their own). */
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> gapsSeen = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Commits beyond {@code from} while none holds it: an append below the head still in flight (or a foreign writer).
     * Readers wait there rather than pass it, for ever; one that lasts says so in the log, once, after a while.
     */
    private void noticeGap(long from, TreeMap<Long, Document> beyond) {
        if (beyond.isEmpty() || beyond.firstKey() <= from || commitHolding(from) != null) {
            return;
        }
        if (gapsSeen.size() > 100) {
            gapsSeen.clear(); // closed gaps are not removed one by one: forget them all now and then
        }
        long now = System.nanoTime();
        Long since = gapsSeen.putIfAbsent(from, now);
        if (since != null && since != Long.MIN_VALUE && now - since > java.util.concurrent.TimeUnit.SECONDS.toNanos(10)) {
            gapsSeen.put(from, Long.MIN_VALUE); // said once
            log.warn("Global index {} is still missing while later commits exist: readers wait for it", from);
        }
    }

    /**
     * The commits starting at these indexes, by exact-key lookups in chunks: the embedded store matches every
     * commit it finds against the whole {@code $in} list, so one query of n ids costs n² comparisons there.
     */
    private List<Document> findByIds(List<Long> ids) {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            commits.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))).forEach(found::add);
        }
        return found;
    }

    private static Document floorCommit(TreeMap<Long, Document> byStart, long index) {
        var entry = byStart.floorEntry(index);
        if (entry == null || entry.getValue().getLong(LAST_INDEX) < index) {
            return null;
        }
        return entry.getValue();
    }

    /** The commit whose range holds {@code index} when it is not a commit start (a token mid-commit). */
    private Document commitHolding(long index) {
        // commits are short: look a little way back first, the whole bound only if needed
        for (int lookBack : new int[]{16, MAX_EVENTS_PER_COMMIT}) {
            List<Long> candidates = LongStream.rangeClosed(Math.max(0, index - lookBack + 1), index).boxed().toList();
            Document best = null;
            for (Document c : findByIds(candidates)) {
                if (c.getLong("_id") <= index && (best == null || c.getLong("_id") > best.getLong("_id"))) {
                    best = c;
                }
            }
            if (best != null) {
                return best.getLong(LAST_INDEX) >= index ? best : null;
            }
        }
        return null;
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long end = findEndOfLog();
        return end == 0 ? null : new GlobalSequenceTrackingToken(end - 1);
    }

    /** Binary search over global indexes by exact lookups: timestamps grow with the index. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 0;
        long high = findEndOfLog();
        while (low < high) {
            long mid = (low + high) >>> 1;
            Document commit = commitHolding(mid);
            Instant at = Instant.parse(commit.getList(EVENTS, Document.class).get(0).getString(TIMESTAMP));
            if (at.isBefore(dateTime)) {
                low = commit.getLong(LAST_INDEX) + 1;
            } else {
                high = commit.getLong("_id");
            }
        }
        return low == 0 ? null : new GlobalSequenceTrackingToken(low - 1);
    }

    /** Number of events stored (the end of the global sequence). */
    public long size() {
        return findEndOfLog();
    }

    private static DomainEventData<String> toDomainEventData(Document commit, Document event) {
        return new GenericDomainEventEntry<>(commit.getString(AGGREGATE_TYPE), commit.getString(AGGREGATE_ID),
                                             event.getLong(SEQUENCE_NUMBER), event.getString(EVENT_IDENTIFIER),
                                             event.getString(TIMESTAMP), event.getString(PAYLOAD_TYPE),
                                             event.getString(PAYLOAD_REVISION), event.getString(PAYLOAD),
                                             event.getString(META_DATA));
    }

    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private String collectionName = COMMITS;
        private int batchSize = 500;

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collectionName(String collectionName) {
            this.collectionName = collectionName;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("A MongoDatabase is required");
            }
        }

        public CommitLogEventStorageEngine build() {
            return new CommitLogEventStorageEngine(this);
        }
    }
}
