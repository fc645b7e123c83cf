package cn.foi.query.eventlog;

import cn.foi.command.eventstore.CommitLogEventStorageEngine;
import cn.foi.events.published.EventLogLayout;
import cn.foi.events.published.LogVerifier;
import cn.foi.infra.EmbeddedInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's walk over the store: every commit in order, and a gap longer than its window of lookups still found. */
class EventStoreReaderTest {

    @TempDir
    static Path dataDir;
    static EmbeddedInfrastructure infra;
    static MongoClient client;

    @BeforeAll
    static void start() {
        infra = EmbeddedInfrastructure.start(dataDir, 0, 0);
        client = MongoClients.create(infra.mongoUri());
    }

    @AfterAll
    static void stop() {
        client.close();
        infra.close();
    }

    private static MongoDatabase storeOf(int commits) {
        MongoDatabase database = client.getDatabase("store_" + System.nanoTime());
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        CommitLogEventStorageEngine engine = CommitLogEventStorageEngine.builder().database(database).eventSerializer(serializer)
                                                                        .snapshotSerializer(serializer).build();
        engine.ensureIndexes();
        List<List<DomainEventMessage<?>>> history = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
            history.add(List.of(new GenericDomainEventMessage<>("Test", "a-" + i, 0, "event " + i)));
        }
        engine.importHistory(history);
        return database;
    }

    private static LogVerifier verify(MongoDatabase database) {
        EventStoreReader reader = new EventStoreReader(database, new ObjectMapper());
        LogVerifier verifier = new LogVerifier();
        reader.forEachCommit(verifier::accept);
        verifier.expectEnd(reader.head());
        return verifier;
    }

    @Test
    void an_intact_log_is_walked_to_its_end() {
        LogVerifier verifier = verify(storeOf(1_200));
        assertThat(verifier.firstMismatch()).isNull();
        assertThat(verifier.events()).isEqualTo(1_200);
    }

    @Test
    void a_gap_longer_than_a_window_of_lookups_is_found_not_taken_for_the_end() {
        MongoDatabase database = storeOf(1_200);
        database.getCollection(EventLogLayout.COMMITS).deleteMany(new Document("_id", new Document("$gte", 300L).append("$lt", 900L)));
        // the hint says nothing of the log beyond the gap either
        database.getCollection(EventLogLayout.COMMITS + EventLogLayout.META_SUFFIX).deleteMany(new Document());
        LogVerifier verifier = verify(database);
        assertThat(verifier.firstMismatch()).isNotNull();
        assertThat(verifier.firstMismatch().globalIndex()).isEqualTo(300);
        assertThat(verifier.firstMismatch().detail()).isEqualTo("全局序号 300 至 899 的事件不在日志中（被删除）");
    }
}
