package cn.foi.query.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.foi.events.published.EventLogLayout.*;

/**
 * Reads the command service's event store, read-only, to compare the projection with it: where the log ends, what
 * the events at given indexes are, and how many requests each agency received and decided per year. Every read is
 * an exact-key lookup except {@link #countsByAgencyYear()}, a scan of the whole log (on demand only).
 */
public class EventStoreReader {

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> meta;
    private final ObjectMapper json;

    public EventStoreReader(MongoDatabase commandDatabase, ObjectMapper json) {
        // majority: on a replica set, never a write that a failover could still take back
        this.commits = commandDatabase.getCollection(COMMITS).withReadConcern(ReadConcern.MAJORITY);
        this.meta = commandDatabase.getCollection(COMMITS + META_SUFFIX).withReadConcern(ReadConcern.MAJORITY);
        this.json = json;
    }

    /** The end of the log: the global index the next event will get (the number of events stored). */
    public long head() {
        Document hint = meta.find(Filters.eq("_id", HEAD_HINT_ID)).first();
        long probe = hint == null ? 0 : hint.getLong(HEAD_HINT_NEXT);
        Document commit;
        while ((commit = commits.find(Filters.eq(FIRST_INDEX, probe)).first()) != null) {
            probe = commit.getLong(LAST_INDEX) + 1;
        }
        return probe;
    }

    /** Where the store's own hint says the log once reached (written now and then by the command service). */
    public long hintedEnd() {
        Document hint = meta.find(Filters.eq("_id", HEAD_HINT_ID)).first();
        return hint == null ? 0 : hint.getLong(HEAD_HINT_NEXT);
    }

    /**
     * Feeds the commits to {@code consumer} in store order from global index 0, as long as it answers true, by
     * exact-key lookups of a window of indexes at a time (the embedded store compares each commit it finds with the
     * whole {@code $in} list: chunks of 100). Where no commit starts at the next index but later ones exist in the
     * window, the next of them is fed (the consumer sees the gap); the walk ends where the window finds none.
     * <p>
     * The next window is read on a second thread while the consumer works through the current one (its start is known
     * as soon as the current one is read: after its last commit), so a consumer that hashes every event, as the
     * log's verification does, takes about the time of the reading alone on two cores, not the sum of both.
     */
    public void forEachCommit(java.util.function.Predicate<Document> consumer) {
        java.util.concurrent.ExecutorService reading = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "event-store-read-ahead");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long next = 0;
            java.util.concurrent.Future<TreeMap<Long, Document>> ahead = reading.submit(windowFrom(next));
            while (true) {
                TreeMap<Long, Document> byStart = await(ahead);
                if (byStart.isEmpty()) {
                    // a whole window without a commit: the end, unless commits lie beyond a longer gap (fed, so the
                    // consumer sees the gap). A range query, once (on a real MongoDB an index seek).
                    Document beyond = commits.find(Filters.gte(FIRST_INDEX, next)).limit(1).first();
                    if (beyond != null) {
                        consumer.test(beyond);
                    }
                    return;
                }
                for (Document commit : byStart.values()) {
                    next = Math.max(next, commit.getLong(LAST_INDEX) + 1);
                }
                ahead = reading.submit(windowFrom(next));
                for (Document commit : byStart.values()) {
                    if (!consumer.test(commit)) {
                        ahead.cancel(false); // not interrupted: the driver would close its connection
                        return;
                    }
                }
            }
        } finally {
            reading.shutdown(); // a window still being read ends on its own and is dropped
        }
    }

    /** The commits starting in the window of indexes from {@code start}, by their start. */
    private java.util.concurrent.Callable<TreeMap<Long, Document>> windowFrom(long start) {
        return () -> {
            TreeMap<Long, Document> byStart = new TreeMap<>();
            List<Long> window = java.util.stream.LongStream.range(start, start + WINDOW).boxed().toList();
            for (int from = 0; from < window.size(); from += IDS_PER_QUERY) {
                commits.find(Filters.in(FIRST_INDEX, window.subList(from, from + IDS_PER_QUERY)))
                       .forEach(c -> byStart.put(c.getLong(FIRST_INDEX), c));
            }
            return byStart;
        };
    }

    private static <T> T await(java.util.concurrent.Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Reading the event store failed", e.getCause());
        }
    }

    private static final int WINDOW = 500;
    private static final int IDS_PER_QUERY = 100;

    /** The stored digest of each event at these global indexes (an index no commit holds is left out). */
    public Map<Long, String> digestsAt(List<Long> indexes) {
        Map<Long, String> digests = new HashMap<>();
        for (long index : indexes) {
            Document commit = commitHolding(index);
            if (commit != null) {
                digests.put(index, commit.getList(EVENTS, Document.class).get((int) (index - commit.getLong(FIRST_INDEX)))
                                         .getString(cn.foi.events.published.LogDigest.DIGEST));
            }
        }
        return digests;
    }

    /**
     * The log's head digest, as stored, after the event at {@code index} ({@link cn.foi.events.published.LogDigest#GENESIS}
     * for -1): the head of its commit, or chained from the commit before it when the index falls inside a commit.
     * Null when the store holds no such event.
     */
    public String headAfter(long index) {
        if (index < 0) {
            return cn.foi.events.published.LogDigest.GENESIS;
        }
        Document commit = commitHolding(index);
        if (commit == null) {
            return null;
        }
        if (commit.getLong(LAST_INDEX) == index) {
            return commit.getString(cn.foi.events.published.LogDigest.HEAD);
        }
        long start = commit.getLong(FIRST_INDEX);
        String head = headAfter(start - 1);
        List<Document> events = commit.getList(EVENTS, Document.class);
        for (int i = 0; i <= index - start && head != null; i++) {
            head = cn.foi.events.published.LogDigest.nextHead(head, events.get(i).getString(cn.foi.events.published.LogDigest.DIGEST));
        }
        return head;
    }

    /**
     * The number of events recorded at or before {@code moment}: a binary search over the global indexes by the events'
     * timestamps, which grow with the index (writers running side by side may store a few milliseconds out of order).
     */
    public long endRecordedBy(java.time.Instant moment) {
        long low = 0;
        long high = head();
        while (low < high) {
            long mid = (low + high) >>> 1;
            Document commit = commitHolding(mid);
            if (commit == null) {
                return low;
            }
            Document event = commit.getList(EVENTS, Document.class).get((int) (mid - commit.getLong(FIRST_INDEX)));
            if (java.time.Instant.parse(event.getString(TIMESTAMP)).isAfter(moment)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** One stored event as an auditor reads it in a report of what is missing. */
    public record StoredEvent(long globalIndex, String aggregateId, String type, String agencyId, String businessDate) {
    }

    /** The events at these indexes, in their order; an index no commit holds is left out. */
    public List<StoredEvent> describe(List<Long> indexes) {
        List<StoredEvent> found = new ArrayList<>();
        for (long index : indexes) {
            Document commit = commitHolding(index);
            if (commit != null) {
                Document event = commit.getList(EVENTS, Document.class).get((int) (index - commit.getLong(FIRST_INDEX)));
                found.add(describe(index, commit, event));
            }
        }
        return found;
    }

    private Document commitHolding(long index) {
        // commits are short (one aggregate's events of one command): a few exact lookups backwards
        for (long start = index; start >= 0 && start > index - 1000; start--) {
            Document commit = commits.find(Filters.eq(FIRST_INDEX, start)).first();
            if (commit != null) {
                return commit.getLong(LAST_INDEX) >= index ? commit : null;
            }
        }
        return null;
    }

    private StoredEvent describe(long index, Document commit, Document event) {
        String type = simpleName(event.getString(PAYLOAD_TYPE));
        JsonNode payload = payload(event);
        return new StoredEvent(index, commit.getString(AGGREGATE_ID), type, text(payload, "agencyId"), businessDate(type, payload));
    }

    /** Requests received (NEW), imported as carried over, and decided, per agency and year, as the store holds them. */
    public record YearCounts(int received, int imported, int decided) {
        public YearCounts plus(YearCounts other) {
            return new YearCounts(received + other.received, imported + other.imported, decided + other.decided);
        }
    }

    /** agencyId → year → counts, from every event below {@code head} (the head the positions were compared with). */
    public Map<String, TreeMap<Integer, YearCounts>> countsByAgencyYear(long head) {
        Map<String, TreeMap<Integer, YearCounts>> counts = new HashMap<>();
        // a corrected receipt moves a received request's year, never an imported one's: those few are remembered
        java.util.Set<String> imported = new java.util.HashSet<>();
        // in the log's order: an import is seen before a correction of its receipt
        try (var cursor = commits.find(Filters.lt(FIRST_INDEX, head)).sort(com.mongodb.client.model.Sorts.ascending(FIRST_INDEX)).iterator()) {
            while (cursor.hasNext()) {
                Document commit = cursor.next();
                List<Document> events = commit.getList(EVENTS, Document.class);
                long first = commit.getLong(FIRST_INDEX);
                for (int i = 0; i < events.size() && first + i < head; i++) {
                    count(counts, events.get(i), imported);
                }
            }
        }
        return counts;
    }

    private void count(Map<String, TreeMap<Integer, YearCounts>> counts, Document event, java.util.Set<String> imported) {
        String type = simpleName(event.getString(PAYLOAD_TYPE));
        if (type.equals("ReceiptCorrected") || type.equals("DecisionCorrected") || type.equals("LegacyDecisionCorrected")) {
            moved(counts, type, payload(event), imported);
            return;
        }
        YearCounts one = switch (type) {
            case "RequestReceived" -> new YearCounts(1, 0, 0);
            case "OpenRequestImported" -> new YearCounts(0, 1, 0);
            // an answer under the 2008 Regulations is an answer too: the projection counts it in its year
            case "RequestDecided", "LegacyRequestDecided" -> new YearCounts(0, 0, 1);
            default -> null;
        };
        if (one == null) {
            return;
        }
        JsonNode payload = payload(event);
        if ("OpenRequestImported".equals(type)) {
            imported.add(text(payload, "requestId"));
        }
        int year = "OpenRequestImported".equals(type) ? payload.path("carriedOverInto").asInt()
                                                      : LocalDate.parse(businessDate(type, payload)).getYear();
        counts.computeIfAbsent(text(payload, "agencyId"), a -> new TreeMap<>()).merge(year, one, YearCounts::plus);
    }

    /**
     * A correction that moved a receipt or an answer into another year: counted in the corrected year, no longer in the
     * earlier one (as the projection counts it).
     */
    private static void moved(Map<String, TreeMap<Integer, YearCounts>> counts, String type, JsonNode payload, java.util.Set<String> imported) {
        boolean receipt = type.equals("ReceiptCorrected");
        if (receipt && imported.contains(text(payload, "requestId"))) {
            return; // counted in the year it was carried into, whatever its date of receipt
        }
        String field = receipt ? "receivedOn" : "decidedOn";
        int before = LocalDate.parse(text(payload, "previous" + Character.toUpperCase(field.charAt(0)) + field.substring(1))).getYear();
        int after = LocalDate.parse(text(payload, field)).getYear();
        if (before == after) {
            return;
        }
        var years = counts.computeIfAbsent(text(payload, "agencyId"), a -> new TreeMap<>());
        years.merge(before, receipt ? new YearCounts(-1, 0, 0) : new YearCounts(0, 0, -1), YearCounts::plus);
        years.merge(after, receipt ? new YearCounts(1, 0, 0) : new YearCounts(0, 0, 1), YearCounts::plus);
    }

    private JsonNode payload(Document event) {
        try {
            return json.readTree(event.getString(PAYLOAD));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The stored event " + event.get("eventIdentifier") + " cannot be read", e);
        }
    }

    private static String businessDate(String type, JsonNode payload) {
        String field = switch (type) {
            case "RequestReceived", "OpenRequestImported" -> "receivedOn";
            case "RequestDecided", "LegacyRequestDecided" -> "decidedOn";
            default -> null;
        };
        return field == null ? null : text(payload, field);
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
