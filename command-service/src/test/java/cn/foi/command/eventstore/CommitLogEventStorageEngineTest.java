package cn.foi.command.eventstore;

import cn.foi.events.published.EventLogLayout;
import cn.foi.events.published.LogDigest;
import cn.foi.events.published.LogVerifier;
import org.bson.Document;
import cn.foi.infra.EmbeddedInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The storage engine against a real Mongo-wire server: concurrent writers (two engine instances, as
 * two processes would be) and a reader tracking the log while it grows.
 */
class CommitLogEventStorageEngineTest {

    @TempDir
    static Path dataDir;
    static EmbeddedInfrastructure infra;
    static MongoClient client;
    MongoDatabase database;

    @BeforeAll
    static void startMongo() {
        infra = EmbeddedInfrastructure.start(dataDir, 0, 0);
        client = MongoClients.create(infra.mongoUri());
    }

    @AfterAll
    static void stop() {
        client.close();
        infra.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("store_" + System.nanoTime());
    }

    private CommitLogEventStorageEngine engine() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        CommitLogEventStorageEngine engine = CommitLogEventStorageEngine.builder().database(database)
                                                                        .eventSerializer(serializer)
                                                                        .snapshotSerializer(serializer)
                                                                        .batchSize(100).build();
        engine.ensureIndexes();
        return engine;
    }

    private static DomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, aggregate + "#" + sequence);
    }

    @Test
    void concurrent_writers_and_a_tracking_reader_see_every_event_exactly_once_in_one_global_order() throws Exception {
        CommitLogEventStorageEngine writerA = engine();
        CommitLogEventStorageEngine writerB = engine();
        CommitLogEventStorageEngine reader = engine();
        int writers = 8;
        int aggregatesPerWriter = 60;
        int eventsPerAggregate = 5;
        int expected = writers * aggregatesPerWriter * eventsPerAggregate;

        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Long> seenIndexes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread tracker = new Thread(() -> {
            TrackingToken token = null;
            while (writing.get() || seen.size() < expected) {
                try (var stream = reader.readEvents(token, false)) {
                    List<? extends TrackedEventMessage<?>> batch = stream.toList();
                    if (batch.isEmpty()) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // idle reader, not an assertion wait
                    }
                    for (TrackedEventMessage<?> message : batch) {
                        seen.add((String) message.getPayload());
                        seenIndexes.add(((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex());
                        token = message.trackingToken();
                    }
                }
            }
        });
        tracker.start();

        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            CommitLogEventStorageEngine engine = w % 2 == 0 ? writerA : writerB;
            int writer = w;
            done.add(pool.submit(() -> {
                go.await();
                for (int a = 0; a < aggregatesPerWriter; a++) {
                    String aggregate = "w" + writer + "-a" + a;
                    // a commit of one event, then one of several: both shapes interleave with other writers
                    engine.appendEvents(List.of(event(aggregate, 0)));
                    List<DomainEventMessage<?>> rest = new ArrayList<>();
                    for (int s = 1; s < eventsPerAggregate; s++) {
                        rest.add(event(aggregate, s));
                    }
                    engine.appendEvents(rest);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        writing.set(false);
        pool.shutdown();
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= expected);
        tracker.join();

        assertThat(seen).hasSize(expected).doesNotHaveDuplicates();
        assertThat(seenIndexes).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, expected).boxed().toList());
        // per aggregate, events are seen in sequence order
        Map<String, List<Integer>> perAggregate = new HashMap<>();
        for (String payload : seen) {
            String[] parts = payload.split("#");
            perAggregate.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        assertThat(perAggregate).hasSize(writers * aggregatesPerWriter);
        perAggregate.values().forEach(seqs -> assertThat(seqs).containsExactly(0, 1, 2, 3, 4));
        assertThat(reader.size()).isEqualTo(expected);
        // two writers interleaving group commits still leave one unbroken chain of digests
        LogVerifier verifier = verify();
        assertThat(verifier.firstMismatch()).isNull();
        assertThat(verifier.events()).isEqualTo(expected);
        assertThat(verifier.aggregates()).isEqualTo(writers * aggregatesPerWriter);
    }

    private LogVerifier verify() {
        LogVerifier verifier = new LogVerifier();
        for (Document commit : database.getCollection(EventLogLayout.COMMITS).find().sort(new Document("_id", 1))) {
            if (!verifier.accept(commit)) {
                break;
            }
        }
        return verifier;
    }

    @Test
    void every_event_is_sealed_and_a_changed_removed_or_reordered_event_is_named() {
        CommitLogEventStorageEngine engine = engine();
        engine.appendEvents(List.of(event("a", 0), event("a", 1)));
        engine.appendEvents(List.of(event("b", 0)));
        engine.appendEvents(List.of(event("a", 2)));
        engine.appendEvents(List.of(event("c", 0)));
        assertThat(verify().verified()).isTrue();
        assertThat(verify().head()).isNotEqualTo(LogDigest.GENESIS).hasSize(64);
        var commits = database.getCollection(EventLogLayout.COMMITS);
        List<Document> original = commits.find().sort(new Document("_id", 1)).into(new ArrayList<>());

        // changed: one payload edited in place
        Document edited = Document.parse(original.get(2).toJson());
        edited.getList(EventLogLayout.EVENTS, Document.class).get(0).put(EventLogLayout.PAYLOAD, "\"a#9\"");
        commits.replaceOne(new Document("_id", 3L), edited);
        assertThat(verify().firstMismatch()).isEqualTo(new LogVerifier.Mismatch("a", 2L, 3, "事件内容与其摘要不符（存储后被改动）"));

        // changed with its digest recomputed: the log's head no longer agrees
        String forged = LogDigest.ofEvent(LogDigest.fields("Test", "a", edited.getList(EventLogLayout.EVENTS, Document.class).get(0)),
                                          original.get(0).getList(EventLogLayout.EVENTS, Document.class).get(1).getString(LogDigest.DIGEST));
        edited.getList(EventLogLayout.EVENTS, Document.class).get(0).put(LogDigest.DIGEST, forged);
        commits.replaceOne(new Document("_id", 3L), edited);
        assertThat(verify().firstMismatch().globalIndex()).isEqualTo(3);
        assertThat(verify().firstMismatch().detail()).startsWith("日志头摘要与重算结果不符");

        // a commit's first sequence number moved: loading the aggregate would skip its events (not under the digests)
        commits.replaceOne(new Document("_id", 3L), original.get(2));
        Document moved = Document.parse(original.get(2).toJson());
        moved.put(EventLogLayout.FIRST_SEQUENCE_NUMBER, 99L);
        commits.replaceOne(new Document("_id", 3L), moved);
        assertThat(verify().firstMismatch().detail()).startsWith("提交记载的首末序号与其事件不符");

        // removed: a whole commit deleted
        commits.replaceOne(new Document("_id", 3L), original.get(2));
        assertThat(verify().verified()).isTrue();
        commits.deleteOne(new Document("_id", 2L));
        assertThat(verify().firstMismatch().detail()).isEqualTo("全局序号 2 至 2 的事件不在日志中（被删除）");

        // reordered: two single-event commits swap their places
        commits.insertOne(original.get(1));
        Document b = Document.parse(original.get(1).toJson());
        Document a2 = Document.parse(original.get(2).toJson());
        b.put("_id", 3L);
        b.put(EventLogLayout.LAST_INDEX, 3L);
        a2.put("_id", 2L);
        a2.put(EventLogLayout.LAST_INDEX, 2L);
        commits.deleteMany(new Document());
        commits.insertMany(List.of(original.get(0), a2, b, original.get(3)));
        assertThat(verify().firstMismatch().globalIndex()).isEqualTo(2);
        assertThat(verify().verified()).isFalse();
    }

    @Test
    void a_log_stored_before_digests_is_sealed_once_and_later_appends_continue_its_chain() {
        CommitLogEventStorageEngine old = engine();
        for (int i = 0; i < 40; i++) {
            old.appendEvents(List.of(event("r" + (i % 7), i / 7)));
        }
        var commits = database.getCollection(EventLogLayout.COMMITS);
        commits.updateMany(new Document(), new Document("$unset", new Document(LogDigest.HEAD, "").append("events.$[].digest", "")));
        assertThat(verify().firstMismatch().detail()).startsWith("事件没有摘要");

        CommitLogEventStorageEngine upgraded = engine();
        upgraded.sealUnsealedHistory();
        assertThat(verify().verified()).isTrue();
        String head = verify().head();
        upgraded.sealUnsealedHistory();
        assertThat(verify().head()).isEqualTo(head);

        // an aggregate the new engine never read continues its chain from the store
        upgraded.appendEvents(List.of(event("r5", 5)));
        engine().appendEvents(List.of(event("r5", 6), event("new", 0)));
        LogVerifier verifier = verify();
        assertThat(verifier.firstMismatch()).isNull();
        assertThat(verifier.events()).isEqualTo(43);
    }

    @Test
    void an_event_committed_late_below_the_head_is_still_delivered_in_its_place() {
        // the commits a writer would make at indexes 0 and 1, made elsewhere and then stored in the wrong order here,
        // as a slow writer's append (or a foreign one) would land below a commit already visible
        MongoDatabase target = database;
        database = client.getDatabase("scratch_" + System.nanoTime());
        engine().appendEvents(List.of(event("early", 0)));
        engine().appendEvents(List.of(event("late-neighbour", 0)));
        var written = database.getCollection(EventLogLayout.COMMITS).find().sort(new org.bson.Document("_id", 1)).into(new ArrayList<>());
        database = target;
        CommitLogEventStorageEngine reader = engine();
        var commits = database.getCollection(EventLogLayout.COMMITS);

        commits.insertOne(written.get(1));
        // index 0 is not there: a reader waits at the gap, it never passes it
        try (var stream = reader.readEvents(null, false)) {
            assertThat(stream.toList()).isEmpty();
        }
        commits.insertOne(written.get(0));
        try (var stream = reader.readEvents(null, false)) {
            assertThat(stream.map(m -> (String) m.getPayload()).toList()).containsExactly("early#0", "late-neighbour#0");
        }
    }

    @Test
    void a_stale_writer_of_the_same_aggregate_is_refused_and_stores_nothing() {
        CommitLogEventStorageEngine one = engine();
        CommitLogEventStorageEngine other = engine();
        one.appendEvents(List.of(event("r-1", 0)));
        // both writers have now seen r-1 up to sequence 0; one of them moves it on by a commit of two
        one.appendEvents(List.of(event("r-1", 1), event("r-1", 2)));
        assertThatThrownBy(() -> other.appendEvents(List.of(event("r-1", 1))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(other.size()).isEqualTo(3);
        assertThat(other.readEvents("r-1").asStream().map(m -> (Object) m.getPayload()).toList())
                .containsExactly("r-1#0", "r-1#1", "r-1#2");
        other.appendEvents(List.of(event("r-1", 3)));
        assertThat(verify().firstMismatch()).isNull();
    }

    @Test
    void many_concurrent_attempts_on_one_aggregate_store_exactly_one_event_per_sequence() throws Exception {
        List<CommitLogEventStorageEngine> engines = List.of(engine(), engine(), engine(), engine());
        engines.get(0).appendEvents(List.of(event("r-1", 0)));
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CommitLogEventStorageEngine engine = engines.get(i % engines.size());
            attempts.add(pool.submit(() -> {
                go.await();
                try {
                    engine.appendEvents(List.of(event("r-1", 1)));
                } catch (ConcurrencyException e) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : attempts) {
            f.get();
        }
        pool.shutdown();
        assertThat(refused).hasValue(7);
        assertThat(engines.get(1).readEvents("r-1").asStream().count()).isEqualTo(2);
        assertThat(engines.get(1).lastSequenceNumberFor("r-1")).contains(1L);
    }

    @Test
    void commits_grouped_into_one_insert_are_stored_or_refused_one_by_one() throws Exception {
        CommitLogEventStorageEngine engine = engine();
        engine.appendEvents(List.of(event("hot", 0)));
        int threads = 16;
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            attempts.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                    engine.appendEvents(List.of(event("own-" + thread + "-" + i, 0), event("own-" + thread + "-" + i, 1)));
                }
                try {
                    engine.appendEvents(List.of(event("hot", 1)));
                } catch (ConcurrencyException e) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : attempts) {
            f.get();
        }
        pool.shutdown();
        assertThat(refused).hasValue(threads - 1);
        long expected = 1 + threads * 20 * 2 + 1;
        assertThat(engine.size()).isEqualTo(expected);
        List<Long> indexes = engine.readEvents(null, false)
                                   .map(m -> ((GlobalSequenceTrackingToken) m.trackingToken()).getGlobalIndex()).toList();
        assertThat(indexes).containsExactlyElementsOf(java.util.stream.LongStream.range(0, expected).boxed().toList());
        assertThat(engine.readEvents("hot").asStream().count()).isEqualTo(2);
    }

    @Test
    void a_token_in_the_middle_of_a_commit_resumes_with_the_rest_of_it() {
        CommitLogEventStorageEngine engine = engine();
        engine.appendEvents(List.of(event("a", 0)));
        engine.appendEvents(List.of(event("b", 0), event("b", 1), event("b", 2)));
        engine.appendEvents(List.of(event("c", 0)));
        List<Object> rest = engine.readEvents(new GlobalSequenceTrackingToken(2), false)
                                  .map(TrackedEventMessage::getPayload).collect(Collectors.toList());
        assertThat(rest).containsExactly("b#2", "c#0");
    }

    @Test
    void head_tail_and_time_tokens() {
        CommitLogEventStorageEngine engine = engine();
        assertThat(engine.createHeadToken()).isNull();
        engine.appendEvents(List.of(event("a", 0), event("a", 1)));
        Instant between = Instant.now();
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Test", "b", 0, "b#0")));
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createTokenAt(between)).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void a_new_engine_on_an_existing_log_continues_the_global_sequence() {
        CommitLogEventStorageEngine first = engine();
        for (int i = 0; i < 100; i++) {
            first.appendEvents(List.of(event("x" + i, 0)));
        }
        first.writeHeadHint();
        for (int i = 100; i < 130; i++) {
            first.appendEvents(List.of(event("x" + i, 0)));
        }
        CommitLogEventStorageEngine second = engine();
        second.appendEvents(List.of(event("y", 0)));
        Map<Long, Object> byIndex = new ConcurrentHashMap<>();
        second.readEvents(null, false).forEach(m -> byIndex.put(
                ((GlobalSequenceTrackingToken) m.trackingToken()).getGlobalIndex(), m.getPayload()));
        assertThat(byIndex).hasSize(131).containsEntry(130L, "y#0");
    }
}
