package cn.foi.query.projection;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projection's write-behind cache, against the same MongoDB-wire stand-in the embedded default runs. */
class WriteBehindTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> requests;
    private final AtomicInteger finds = new AtomicInteger();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")) {
                            finds.incrementAndGet();
                        }
                    }
                }).build());
        requests = client.getDatabase("foi_query_test").getCollection("requests");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static Map<String, Document> docs(Document... documents) {
        Map<String, Document> byId = new HashMap<>();
        for (Document doc : documents) {
            byId.put(doc.getString("_id"), doc);
        }
        return byId;
    }

    /** A new document with this id changed in the cache, as the projection would after applying an event. */
    private static void change(WriteBehind<Document> cache, String id, long lastSeq) {
        cache.changed(docs(new Document("_id", id).append("lastSeq", lastSeq)), Set.of(id));
    }

    /**
     * A cache with room for one document, after a drop, that wrote "a" and then "b": the second write begins by
     * evicting what no longer fits now that the first has landed — "a", the eldest.
     */
    private WriteBehind<Document> withAWrittenAndEvicted(long aSeq) {
        WriteBehind<Document> cache = WriteBehind.ofDocuments(requests, 1);
        cache.dropped();
        change(cache, "a", aSeq);
        change(cache, "b", aSeq + 1);
        cache.takeChanges().run();
        cache.takeChanges().run();
        return cache;
    }

    @Test
    void after_a_drop_nothing_is_read_back_and_each_document_is_written_once_per_flush() {
        WriteBehind<Document> cache = WriteBehind.ofDocuments(requests, 100);
        cache.dropped();

        assertThat(cache.load(Set.of("a", "b"))).isEmpty();
        Document a = new Document("_id", "a").append("lastSeq", 0L);
        cache.changed(docs(a, new Document("_id", "b").append("lastSeq", 0L)), Set.of("a", "b"));
        a.put("lastSeq", 1L); // a second event in the same flush window: still one write
        cache.takeChanges().run();
        assertThat(requests.countDocuments()).isEqualTo(2);

        Map<String, Document> loaded = cache.load(Set.of("a"));
        loaded.get("a").put("lastSeq", 2L);
        cache.changed(loaded, Set.of("a"));
        cache.takeChanges().run(); // stored already: replaced, not inserted twice

        assertThat(finds).hasValue(0);
        assertThat(requests.countDocuments()).isEqualTo(2);
        assertThat(requests.find(new Document("_id", "a")).first().getLong("lastSeq")).isEqualTo(2L);
        assertThat(cache.counts()).isEqualTo(new WriteBehind.Counts(2, 1, 0));
    }

    @Test
    void a_write_is_counted_once_it_has_landed_and_a_failed_one_not_at_all() {
        WriteBehind<Document> cache = WriteBehind.ofDocuments(requests, 100);
        cache.dropped();
        change(cache, "a", 0);
        Runnable write = cache.takeChanges();
        assertThat(cache.counts().inserted()).as("taken, not landed").isZero();
        write.run();
        assertThat(cache.counts()).isEqualTo(new WriteBehind.Counts(1, 0, 0));

        requests.insertOne(new Document("_id", "b").append("lastSeq", 0L)); // behind the cache's back: its insert fails
        change(cache, "b", 1);
        Runnable failing = cache.takeChanges();
        assertThatThrownBy(failing::run).isInstanceOf(com.mongodb.MongoBulkWriteException.class);
        assertThat(cache.counts()).isEqualTo(new WriteBehind.Counts(1, 0, 0));
    }

    @Test
    void an_evicted_document_is_read_back_from_the_collection_and_replaced_there() {
        WriteBehind<Document> cache = withAWrittenAndEvicted(3);

        Map<String, Document> loaded = cache.load(Set.of("a"));
        assertThat(finds).hasPositiveValue();
        assertThat(loaded.get("a").getLong("lastSeq")).isEqualTo(3L);
        loaded.get("a").put("lastSeq", 5L);
        cache.changed(loaded, Set.of("a"));
        cache.takeChanges().run();
        assertThat(requests.countDocuments(new Document("_id", "a"))).isEqualTo(1);
        assertThat(requests.find(new Document("_id", "a")).first().getLong("lastSeq")).isEqualTo(5L);
        assertThat(cache.counts()).as("a and b inserted, a read back and replaced").isEqualTo(new WriteBehind.Counts(2, 1, 1));
    }

    @Test
    void after_a_drop_a_new_document_is_never_looked_for_even_once_others_were_evicted() {
        WriteBehind<Document> cache = withAWrittenAndEvicted(0);

        assertThat(cache.load(Set.of("c"))).isEmpty();
        assertThat(finds).hasValue(0);
        assertThat(cache.load(Set.of("a", "c"))).containsOnlyKeys("a"); // written, evicted: read back
        assertThat(finds).hasValue(1);
    }

    @Test
    void a_document_whose_write_is_in_flight_stays_in_memory_until_the_next_flush() {
        WriteBehind<Document> cache = WriteBehind.ofDocuments(requests, 1);
        cache.dropped();
        change(cache, "a", 7);
        change(cache, "b", 8);
        Runnable inFlight = cache.takeChanges(); // not landed yet

        // the next batch touches "a": it must see its own latest state, not the collection's (empty) one
        assertThat(cache.load(Set.of("a")).get("a").getLong("lastSeq")).isEqualTo(7L);
        assertThat(finds).hasValue(0);
        inFlight.run();
    }

    @Test
    void after_a_start_only_ids_the_collection_may_hold_are_looked_up() {
        requests.insertOne(new Document("_id", "a").append("lastSeq", 4L));
        WriteBehind<Document> cache = WriteBehind.ofDocuments(requests, 100);
        assertThat(cache.load(Set.of("a"))).containsOnlyKeys("a"); // nothing known yet: asked
        assertThat(finds).hasValue(1);

        WriteBehind<Document> started = WriteBehind.ofDocuments(requests, 100);
        started.holds(java.util.List.of("a")); // what the ledger was loaded from
        assertThat(started.load(Set.of("b", "c"))).isEmpty();
        assertThat(finds).hasValue(1); // certainly new: not asked
        assertThat(started.load(Set.of("a", "b")).get("a").getLong("lastSeq")).isEqualTo(4L);
        assertThat(finds).hasValue(2);
    }

    @Test
    void forgotten_changes_give_way_to_what_was_written() {
        WriteBehind<Document> cache = WriteBehind.ofDocuments(requests, 100);
        cache.dropped();
        Document a = new Document("_id", "a").append("lastSeq", 1L);
        cache.changed(docs(a), Set.of("a"));
        cache.takeChanges().run();
        a.put("lastSeq", 2L);
        cache.changed(docs(a), Set.of("a"));

        cache.forget(); // a failed batch: the consumer replays from its committed offsets

        assertThat(cache.load(Set.of("a")).get("a").getLong("lastSeq")).isEqualTo(1L);
        assertThat(cache.unflushed()).isZero();
    }

    @Test
    void a_write_carries_the_documents_as_they_were_when_it_was_taken() {
        WriteBehind<Document> cache = WriteBehind.ofDocuments(requests, 100);
        cache.dropped();
        Document a = new Document("_id", "a").append("lastSeq", 1L);
        cache.changed(docs(a), Set.of("a"));
        Runnable write = cache.takeChanges();

        a.put("lastSeq", 2L); // the projection goes on while the write runs on the writer thread
        write.run();

        assertThat(requests.find(new Document("_id", "a")).first().getLong("lastSeq")).isEqualTo(1L);
    }

    @Test
    void a_rebuild_holds_back_what_will_change_again_and_writes_it_once_at_its_end() {
        WriteBehind<Document> cache = new WriteBehind<>(requests, 100, doc -> doc, WriteBehind.bson(doc -> doc), doc -> false,
                                                        doc -> doc.containsKey("result"));
        cache.dropped();
        change(cache, "open", 0);
        cache.changed(docs(new Document("_id", "answered").append("lastSeq", 1L).append("result", "DISCLOSED")), Set.of("answered"));

        cache.takeChanges(true).run();
        assertThat(requests.countDocuments()).as("only the answered request is written").isEqualTo(1);
        assertThat(cache.unflushed()).as("the open one is held").isEqualTo(1);

        cache.changed(docs(new Document("_id", "open").append("lastSeq", 1L).append("result", "DISCLOSED")), Set.of("open"));
        cache.takeChanges(false).run();

        assertThat(requests.countDocuments()).isEqualTo(2);
        assertThat(cache.counts()).as("each inserted once, none replaced").isEqualTo(new WriteBehind.Counts(2, 0, 0));
        assertThat(cache.unflushed()).isZero();
    }

    @Test
    void the_last_flush_writes_what_is_still_held() {
        WriteBehind<Document> cache = new WriteBehind<>(requests, 100, doc -> doc, WriteBehind.bson(doc -> doc), doc -> false, doc -> false);
        cache.dropped();
        change(cache, "open", 0);

        cache.takeChanges(true).run();
        assertThat(requests.countDocuments()).isZero();
        cache.takeChanges(false).run();

        assertThat(requests.find().first().getString("_id")).isEqualTo("open");
    }
}
