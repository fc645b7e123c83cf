package cn.foi.query.completeness;

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
        YearCounts plus(YearCounts other) {
            return new YearCounts(received + other.received, imported + other.imported, decided + other.decided);
        }
    }

    /** agencyId → year → counts, from every event below {@code head} (the head the positions were compared with). */
    public Map<String, TreeMap<Integer, YearCounts>> countsByAgencyYear(long head) {
        Map<String, TreeMap<Integer, YearCounts>> counts = new HashMap<>();
        try (var cursor = commits.find(Filters.lt(FIRST_INDEX, head)).iterator()) {
            while (cursor.hasNext()) {
                Document commit = cursor.next();
                List<Document> events = commit.getList(EVENTS, Document.class);
                long first = commit.getLong(FIRST_INDEX);
                for (int i = 0; i < events.size() && first + i < head; i++) {
                    count(counts, events.get(i));
                }
            }
        }
        return counts;
    }

    private void count(Map<String, TreeMap<Integer, YearCounts>> counts, Document event) {
        String type = simpleName(event.getString(PAYLOAD_TYPE));
        YearCounts one = switch (type) {
            case "RequestReceived" -> new YearCounts(1, 0, 0);
            case "OpenRequestImported" -> new YearCounts(0, 1, 0);
            case "RequestDecided" -> new YearCounts(0, 0, 1);
            default -> null;
        };
        if (one == null) {
            return;
        }
        JsonNode payload = payload(event);
        int year = "OpenRequestImported".equals(type) ? payload.path("carriedOverInto").asInt()
                                                      : LocalDate.parse(businessDate(type, payload)).getYear();
        counts.computeIfAbsent(text(payload, "agencyId"), a -> new TreeMap<>()).merge(year, one, YearCounts::plus);
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
            case "RequestDecided" -> "decidedOn";
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
