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


class JournaledMemoryBackendTest {

    @TempDir
    Path dir;

    private <T> T withServer(java.util.function.Function<MongoCollection<Document>, T> work) {
        return withDatabase(db -> work.apply(db.getCollection("things")));
    }

    private <T> T withDatabase(java.util.function.Function<com.mongodb.client.MongoDatabase, T> work) {
        MongoWireServer server = new MongoWireServer(new JournaledMemoryBackend(dir, false));
        InetSocketAddress address = server.bind(new InetSocketAddress("localhost", 0));
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            return work.apply(client.getDatabase("db"));
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
        Files.write(dir.resolve("journal-2.bson"), new byte[]{42, 0, 0, 0, 3, 'i'}, StandardOpenOption.APPEND);
        long count = withServer(MongoCollection::countDocuments);
        assertThat(count).isEqualTo(1);
    }

    @Test
    void write_commands_are_journaled_as_the_bytes_they_arrived_in_and_replay_to_the_same_state() throws Exception {
        withServer(things -> {
            things.insertMany(java.util.List.of(new Document("_id", 1L).append("名称", "甲"), new Document("_id", 2L)));
            things.updateOne(new Document("_id", 2L), new Document("$set", new Document("名称", "乙")));
            return null;
        });
        java.util.List<de.bwaldvogel.mongo.bson.Document> records = journalRecords();
        assertThat(records).filteredOn(r -> "insert".equals(r.get("cmd"))).singleElement()
                .satisfies(r -> assertThat(r).containsKey("frameLength").doesNotContainKey("q"));
        assertThat(records).filteredOn(r -> "update".equals(r.get("cmd"))).singleElement()
                .satisfies(r -> assertThat(r).containsKey("frameLength").doesNotContainKey("q"));
        withServer(things -> {
            assertThat(things.find(new Document("_id", 1L)).first().getString("名称")).isEqualTo("甲");
            assertThat(things.find(new Document("_id", 2L)).first().getString("名称")).isEqualTo("乙");
            return null;
        });
    }

    @Test
    void an_ordered_insert_stopped_by_a_duplicate_replays_to_the_documents_it_inserted() {
        withServer(things -> {
            assertThatThrownBy(() -> things.insertMany(java.util.List.of(
                    new Document("_id", 1L), new Document("_id", 2L), new Document("_id", 1L), new Document("_id", 3L))))
                    .isInstanceOf(com.mongodb.MongoBulkWriteException.class);
            return null;
        });
        long count = withServer(MongoCollection::countDocuments);
        assertThat(count).isEqualTo(2);
    }

    @Test
    void a_document_inserted_without_an_id_keeps_the_id_the_server_gave_it() {
        // the Java driver always sends an _id; a raw command, as other clients may send it, does not
        Object assigned = withDatabase(db -> {
            db.runCommand(new Document("insert", "things").append("documents", java.util.List.of(new Document("名称", "无编号"))));
            return db.getCollection("things").find().first().get("_id");
        });
        Object replayed = withServer(things -> things.find().first().get("_id"));
        assertThat(replayed).isEqualTo(assigned);
    }

    @Test
    void a_journal_of_the_former_format_is_replayed_once_and_kept_aside() throws Exception {
        io.netty.buffer.ByteBuf former = io.netty.buffer.Unpooled.buffer();
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(new de.bwaldvogel.mongo.bson.Document("db", "db")
                .append("cmd", "insert")
                .append("q", new de.bwaldvogel.mongo.bson.Document("insert", "things")
                        .append("documents", java.util.List.of(new de.bwaldvogel.mongo.bson.Document("_id", 1L).append("名称", "旧")))
                        .append("$db", "db")), former);
        Files.write(dir.resolve("journal.bson"), io.netty.buffer.ByteBufUtil.getBytes(former));

        withServer(things -> things.insertOne(new Document("_id", 2L)));
        assertThat(dir.resolve("journal.bson")).doesNotExist();
        assertThat(dir.resolve("journal.bson.migrated")).exists();
        String name = withServer(things -> {
            assertThat(things.countDocuments()).isEqualTo(2);
            return things.find(new Document("_id", 1L)).first().getString("名称");
        });
        assertThat(name).isEqualTo("旧");
    }

    @Test
    void a_journaled_message_that_cannot_be_decoded_stops_the_start_instead_of_being_skipped() throws Exception {
        withServer(things -> things.insertOne(new Document("_id", 1L)));
        io.netty.buffer.ByteBuf record = io.netty.buffer.Unpooled.buffer();
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(new de.bwaldvogel.mongo.bson.Document("db", "db")
                .append("cmd", "insert").append("frameLength", 8), record);
        record.writeBytes(new byte[]{8, 0, 0, 0, 1, 2, 3, 4}); // a length and no message
        Files.write(dir.resolve("journal-2.bson"), io.netty.buffer.ByteBufUtil.getBytes(record), StandardOpenOption.APPEND);

        assertThatThrownBy(() -> new JournaledMemoryBackend(dir, false)).hasMessageContaining("cannot be decoded");
    }

    @Test
    void a_former_journal_holding_wire_messages_in_binaries_is_migrated_whole() throws Exception {
        // the format journal.bson had briefly: {db, cmd, frame: <the message as binary>}
        withServer(things -> things.insertOne(new Document("_id", 7L).append("名称", "报文")));
        io.netty.buffer.ByteBuf former = io.netty.buffer.Unpooled.buffer();
        for (JournalRecord entry : journalEntries()) {
            de.bwaldvogel.mongo.bson.Document record = entry.header();
            if (entry.frame() != null) {
                record.remove("frameLength");
                record.append("frame", new de.bwaldvogel.mongo.bson.BinData(entry.frame()));
            }
            de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(record, former);
        }
        Files.delete(dir.resolve("journal-2.bson"));
        Files.write(dir.resolve("journal.bson"), io.netty.buffer.ByteBufUtil.getBytes(former));

        String name = withServer(things -> things.find(new Document("_id", 7L)).first().getString("名称"));
        assertThat(name).isEqualTo("报文");
    }

    @Test
    void a_former_journal_beside_the_new_one_is_kept_aside_if_older_and_refused_if_newer() throws Exception {
        withServer(things -> things.insertOne(new Document("_id", 1L)));
        Path former = dir.resolve("journal.bson");
        Files.write(former, new byte[0]);
        Files.setLastModifiedTime(former, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(dir.resolve("journal-2.bson")).toMillis() + 60_000));
        assertThatThrownBy(() -> new JournaledMemoryBackend(dir, false)).hasMessageContaining("is newer than");

        Files.setLastModifiedTime(former, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(dir.resolve("journal-2.bson")).toMillis() - 60_000));
        long count = withServer(MongoCollection::countDocuments);
        assertThat(count).isEqualTo(1);
        assertThat(former).doesNotExist();
        assertThat(dir.resolve("journal.bson.migrated")).exists();
    }

    /** A record of the journal: its BSON header and the wire message that follows it, if any. */
    private record JournalRecord(de.bwaldvogel.mongo.bson.Document header, byte[] frame) {
    }

    private java.util.List<JournalRecord> journalEntries() throws Exception {
        io.netty.buffer.ByteBuf bytes = io.netty.buffer.Unpooled.wrappedBuffer(Files.readAllBytes(dir.resolve("journal-2.bson")));
        java.util.List<JournalRecord> records = new java.util.ArrayList<>();
        while (bytes.isReadable()) {
            de.bwaldvogel.mongo.bson.Document header = de.bwaldvogel.mongo.wire.bson.BsonDecoder.decodeBson(bytes);
            byte[] frame = null;
            if (header.get("frameLength") instanceof Integer frameLength) {
                frame = new byte[frameLength];
                bytes.readBytes(frame);
            }
            records.add(new JournalRecord(header, frame));
        }
        return records;
    }

    private java.util.List<de.bwaldvogel.mongo.bson.Document> journalRecords() throws Exception {
        return journalEntries().stream().map(JournalRecord::header).toList();
    }
}
