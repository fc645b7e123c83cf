package cn.foi.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.BulkWriteOptions;
import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents of one read-model collection as the projection last left them, kept in memory between
 * batches and written back when the consumer flushes. While the consumer catches up (a rebuild, a start
 * from empty) a request touched by several batches is then read never and written once per flush instead
 * of once per batch. A Bloom filter of the ids the collection may hold (filled at start-up from the
 * documents the ledger is loaded from, and by every write) tells which ids are certainly new, so a new
 * request's document is never looked up: only documents written earlier and no longer in memory are read.
 * Only the consumer thread uses it; the writes it hands out run elsewhere.
 */
final class WriteBehind<V> {

    /** Exact-key lookups per query: the embedded store matches each found document against the whole list. */
    private static final int IDS_PER_QUERY = 100;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final MongoCollection<RawBsonDocument> raw;
    /** How a value is read from its stored document, and stored. */
    private final java.util.function.Function<Document, V> decode;
    private final java.util.function.Function<V, RawBsonDocument> encode;
    /** Whether a value is not expected to change again soon: only such values are written by a rebuild before its end. */
    private final java.util.function.Predicate<V> settled;
    /** Held back by a rebuild at most (beyond, everything is written): the values kept unwritten stay in memory. */
    static final int HELD_AT_MOST = 200_000;
    /** Whether a stored document is in a shape an earlier version wrote: rewritten when read at start-up. */
    private final java.util.function.Predicate<Document> outdated;
    private final int capacity;
    private final LinkedHashMap<String, V> documents = new LinkedHashMap<>(1024, 0.75f, true);
    /** Ids of documents in memory that are in the collection too (or taken for writing): replaced, not inserted. */
    private final Set<String> stored = new HashSet<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    /**
     * Every id the collection may hold (no false negatives; about 1 % false positives up to its expected
     * size, more beyond it until the next start sizes it again); null while unknown: then every id is looked up.
     */
    private BloomFilter<CharSequence> mayHold;
    private static final long MIN_EXPECTED_IDS = 2_000_000;

    /**
     * Since the last drop (a rebuild's start): documents inserted and replaced by writes that landed whole, and
     * documents read back (evicted, or forgotten after a failure, and needed again).
     */
    record Counts(long inserted, long replaced, long readBack) {
        Counts plus(Counts other) {
            return new Counts(inserted + other.inserted, replaced + other.replaced, readBack + other.readBack);
        }
    }

    // counted by the writer thread once a write has landed, read by the consumer thread
    private final java.util.concurrent.atomic.AtomicLong inserted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong replaced = new java.util.concurrent.atomic.AtomicLong();
    private long readBack;

    Counts counts() {
        return new Counts(inserted.get(), replaced.get(), readBack);
    }

    /** A collection whose values are the stored documents themselves. */
    static WriteBehind<Document> ofDocuments(MongoCollection<Document> collection, int capacity) {
        return new WriteBehind<>(collection, capacity, doc -> doc, bson(doc -> doc), doc -> false, doc -> true);
    }

    WriteBehind(MongoCollection<Document> collection, int capacity, java.util.function.Function<Document, V> decode,
                java.util.function.Function<V, RawBsonDocument> encode, java.util.function.Predicate<Document> outdated,
                java.util.function.Predicate<V> settled) {
        this.collection = collection;
        this.settled = settled;
        this.outdated = outdated;
        this.decode = decode;
        this.encode = encode;
        this.raw = collection.withDocumentClass(RawBsonDocument.class);
        this.capacity = capacity;
    }

    /** The documents with these ids, from memory or else from the collection; absent ids are new. */
    Map<String, V> load(Set<String> ids) {
        Map<String, V> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            V doc = documents.get(id);
            if (doc != null) {
                found.put(id, doc);
            } else {
                missing.add(id);
            }
        }
        if (mayHold != null) {
            missing.removeIf(id -> !mayHold.mightContain(id));
        }
        if (!missing.isEmpty()) {
            for (Document doc : find(collection, missing)) {
                String id = doc.getString("_id");
                V value = decode.apply(doc);
                documents.put(id, value);
                stored.add(id);
                found.put(id, value);
                readBack++;
            }
        }
        return found;
    }

    /** These documents changed: they are written at the next flush. */
    void changed(Map<String, V> docs, Set<String> ids) {
        for (String id : ids) {
            documents.put(id, docs.get(id));
            dirty.add(id);
        }
    }

    int unflushed() {
        return dirty.size();
    }

    private record Change<V>(String id, V value, boolean stored) {
    }

    /**
     * Takes every changed document for writing (new ones inserted, cheaper than upserts) and trims memory. The
     * documents are encoded now, on both cores, because the projection goes on changing them while the returned
     * write runs on another thread; that write sends the encoded bytes as they are.
     */
    Runnable takeChanges() {
        return takeChanges(false);
    }

    /**
     * As {@link #takeChanges()}; with {@code holdUnsettled} (a rebuild's flushes before its end), a document that
     * is expected to change again ({@code settled} says no: a request not yet answered) stays in memory, unwritten, so
     * it is inserted once instead of inserted and then replaced. At most {@link #HELD_AT_MOST} are held.
     */
    Runnable takeChanges(boolean holdUnsettled) {
        // Evicted before taking: the previous write has landed (the consumer waits for it before the next
        // flush), and what is taken now stays in memory until then; evicting it while its write is in flight
        // would read back an older document, or none, and write over the newer one.
        evictBeyondCapacity();
        if (dirty.isEmpty()) {
            return () -> { };
        }
        // looked up here, one thread: a get reorders the access-ordered map
        List<Change<V>> changes = new ArrayList<>(dirty.size());
        List<Change<V>> unsettled = new ArrayList<>();
        for (String id : dirty) {
            Change<V> change = new Change<>(id, documents.get(id), stored.contains(id));
            (holdUnsettled && !settled.test(change.value()) ? unsettled : changes).add(change);
        }
        if (unsettled.size() > HELD_AT_MOST) {
            changes.addAll(unsettled);
            unsettled.clear();
        }
        dirty.clear();
        unsettled.forEach(change -> dirty.add(change.id()));
        if (changes.isEmpty()) {
            return () -> { };
        }
        long replaces = changes.stream().filter(c -> c.stored()).count();
        long inserts = changes.size() - replaces;
        List<WriteModel<RawBsonDocument>> writes = changes.parallelStream().map(change -> {
            RawBsonDocument encoded = encode.apply(change.value());
            return change.stored()
                   ? (WriteModel<RawBsonDocument>) new ReplaceOneModel<>(Filters.eq("_id", change.id()), encoded, UPSERT)
                   : new InsertOneModel<>(encoded);
        }).toList();
        for (Change<V> change : changes) {
            stored.add(change.id());
            if (mayHold != null) {
                mayHold.put(change.id());
            }
        }
        // distinct ids: the order of the writes does not matter
        return () -> {
            raw.bulkWrite(writes, UNORDERED);
            inserted.addAndGet(inserts);
            replaced.addAndGet(replaces);
        };
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<String, V>> eldest = documents.entrySet().iterator();
        while (documents.size() > capacity && eldest.hasNext()) {
            String id = eldest.next().getKey();
            if (dirty.contains(id)) {
                continue; // changed since the last write: it goes in the next one
            }
            eldest.remove();
            stored.remove(id);
        }
    }

    /**
     * Reads every document of the collection (at start-up, to load the ledger) and learns the ids it holds:
     * from here on new ids need no lookup. A document in an earlier version's shape is written again in the
     * current one, so the store's queries (by date, say) see one shape.
     */
    void readAll(java.util.function.Consumer<V> each) {
        List<String> ids = new ArrayList<>();
        List<WriteModel<RawBsonDocument>> rewrites = new ArrayList<>();
        long rewritten = 0;
        for (Document doc : collection.find()) {
            String id = doc.getString("_id");
            ids.add(id);
            V value = decode.apply(doc);
            if (outdated.test(doc)) {
                rewrites.add(new ReplaceOneModel<>(Filters.eq("_id", id), encode.apply(value)));
            }
            if (rewrites.size() == REWRITES_PER_BULK) {
                raw.bulkWrite(rewrites, UNORDERED);
                rewritten += rewrites.size();
                rewrites.clear();
            }
            each.accept(value);
        }
        if (!rewrites.isEmpty()) {
            raw.bulkWrite(rewrites, UNORDERED);
            rewritten += rewrites.size();
        }
        if (rewritten > 0) {
            org.slf4j.LoggerFactory.getLogger(WriteBehind.class).info("Rewrote {} documents of {} in the current shape",
                                                                      rewritten, collection.getNamespace().getCollectionName());
        }
        holds(ids);
    }

    private static final int REWRITES_PER_BULK = 1_000;

    /** The ids the collection holds now: from here on new ids need no lookup. */
    void holds(List<String> ids) {
        mayHold = newFilter(ids.size());
        ids.forEach(mayHold::put);
    }

    private static BloomFilter<CharSequence> newFilter(long holding) {
        return BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), Math.max(MIN_EXPECTED_IDS, 2 * holding), 0.01);
    }

    /** The collection was dropped: it holds nothing. */
    void dropped() {
        inserted.set(0);
        replaced.set(0);
        readBack = 0;
        documents.clear();
        dirty.clear();
        stored.clear();
        mayHold = newFilter(0);
    }

    /**
     * After a failed batch: what is in memory may be ahead of the collection, so read it again from there. The
     * filter keeps every id whose write was taken, landed or not: a false positive costs one lookup.
     */
    void forget() {
        documents.clear();
        dirty.clear();
        stored.clear();
    }

    private static final Codec<Document> DOCUMENT_CODEC =
            com.mongodb.MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    /** An encoder to a {@code Document}, made one to stored bytes. */
    static <V> java.util.function.Function<V, RawBsonDocument> bson(java.util.function.Function<V, Document> encode) {
        return value -> new RawBsonDocument(encode.apply(value), DOCUMENT_CODEC);
    }

    static List<Document> find(MongoCollection<Document> collection, List<String> ids) {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))).forEach(found::add);
        }
        return found;
    }
}
