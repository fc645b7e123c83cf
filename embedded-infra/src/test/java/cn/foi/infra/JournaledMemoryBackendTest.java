package cn.foi.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;

class JournaledMemoryBackendTest {

    @TempDir
    Path dir;

    private <T> T withServer(java.util.function.Function<MongoCollection<Document>, T> work) {
        MongoServer server = new MongoServer(new JournaledMemoryBackend(dir, false));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            return work.apply(client.getDatabase("db").getCollection("things"));
        } finally {
            // no server.shutdown(): the backend is abandoned as by a killed process, journal not closed
            server.shutdownNow();
        }
    }

    @Test
    void acknowledged_writes_and_unique_indexes_survive_a_process_that_never_shut_down() {
        withServer(things -> {
            things.createIndex(Indexes.ascending("key", "seq"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", 1L).append("key", "a").append("seq", 0));
            things.insertOne(new Document("_id", 2L).append("key", "a").append("seq", 1));
            things.updateOne(new Document("_id", 2L), new Document("$set", new Document("note", "改过")));
            things.deleteOne(new Document("_id", 1L));
            return null;
        });
        withServer(things -> {
            assertThat(things.countDocuments()).isEqualTo(1);
            assertThat(things.find(new Document("_id", 2L)).first().getString("note")).isEqualTo("改过");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 3L).append("key", "a").append("seq", 1)))
                    .isInstanceOf(MongoWriteException.class);
            things.insertOne(new Document("_id", 4L).append("key", "b").append("seq", 0));
            return null;
        });
        // a second replay of the compacted journal plus the appended write
        long count = withServer(MongoCollection::countDocuments);
        assertThat(count).isEqualTo(2);
    }

    @Test
    void a_record_cut_short_by_a_crash_is_ignored() throws Exception {
        withServer(things -> {
            things.insertOne(new Document("_id", 1L));
            return null;
        });
        Files.write(dir.resolve("journal.bson"), new byte[]{42, 0, 0, 0, 3, 'i'}, StandardOpenOption.APPEND);
        long count = withServer(MongoCollection::countDocuments);
        assertThat(count).isEqualTo(1);
    }
}
