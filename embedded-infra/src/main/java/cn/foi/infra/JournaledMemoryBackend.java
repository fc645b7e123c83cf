package cn.foi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * mongo-java-server's in-memory backend made durable by a write-ahead journal: every write command is
 * appended to {@code journal-2.bson} and then applied, before it is acknowledged, in one order; at
 * start-up the journal is replayed and rewritten compactly (indexes, then the documents).
 * <p>
 * A journal record is a BSON document {@code {db, cmd, q}} with the command as decoded, or a BSON header
 * {@code {db, cmd, frameLength}} followed by the wire message the command arrived in (see
 * {@link ReceivedWriteDecoder}): copying those bytes costs far less than encoding the decoded command again.
 * The journal of earlier versions ({@code journal.bson}, decoded commands only) is replayed once, rewritten as
 * {@code journal-2.bson} and kept as {@code journal.bson.migrated}: a build that knows only the old format then
 * finds no journal rather than one it would misread.
 * <p>
 * Why not the H2 file backend: measured here, its B-tree indexes compare keys by Java-serialising them
 * and every acknowledged write rewrites a chunk of pages, so lookups ran at ~1,000/s and writes at a
 * few hundred per second, slowing as data grew. The memory backend answers both in microseconds.
 * <p>
 * Durability: an appended record is in the operating system's file cache when the write is
 * acknowledged, so a killed process loses nothing; the file is forced to disk every 100 ms (MongoDB's
 * own default journal interval), or after every write when {@code fsync} is set.
 */
final class JournaledMemoryBackend extends MemoryBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledMemoryBackend.class);
    private static final Set<String> WRITE_COMMANDS = Set.of(
        "insert", "update", "delete", "findandmodify",
        "create", "createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection");
    private static final int INSERT_CHUNK = 1000;
    private static final long SYNC_INTERVAL_MILLIS = 100;

    private final Path journalFile;
    private final boolean fsync;
    private final ReentrantLock writeLock = new ReentrantLock();
    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int MAX_KEPT_BUFFER = 64 << 20;
    /** Reused under the write lock: growing a fresh buffer for every large insert was a tenth of the server's work. */
    private ByteBuf journalBuffer = Unpooled.buffer(INITIAL_BUFFER);
    private final Channel replayChannel = new EmbeddedChannel();
    /** Decodes journaled wire messages at replay with mongo-java-server's own decoder. */
    private final EmbeddedChannel frameReader = new EmbeddedChannel(new MongoWireProtocolHandler());
    private final ScheduledExecutorService syncer;
    private FileChannel journal;
    private volatile boolean unsynced;

    JournaledMemoryBackend(Path dir, boolean fsync) {
        this.fsync = fsync;
        this.journalFile = dir.resolve("journal-2.bson");
        Path formerJournal = dir.resolve("journal.bson");
        try {
            Files.createDirectories(dir);
            if (Files.exists(journalFile) && Files.exists(formerJournal)) {
                if (Files.getLastModifiedTime(formerJournal).compareTo(Files.getLastModifiedTime(journalFile)) > 0) {
                    // written after the migration, by a build that knows only the former journal
                    throw new IllegalStateException(formerJournal + " is newer than " + journalFile + ": it was written "
                            + "by an older version after this data directory was migrated; move one of them away");
                }
                keepAside(formerJournal); // a stop between the migration's compaction and this step
            }
            Path replayed = Files.exists(journalFile) || !Files.exists(formerJournal) ? journalFile : formerJournal;
            long records = replay(replayed);
            compact();
            if (replayed.equals(formerJournal)) {
                keepAside(formerJournal);
            }
            log.info("MongoDB stand-in: replayed {} journal records from {}", records, replayed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the journal " + journalFile, e);
        }
        syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mongo-journal-sync");
            t.setDaemon(true);
            return t;
        });
        if (!fsync) {
            syncer.scheduleWithFixedDelay(this::syncIfWritten, SYNC_INTERVAL_MILLIS, SYNC_INTERVAL_MILLIS,
                                          TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Collections that do not track their data size: the stand-in would otherwise encode every document it
     * stores once more just to count its bytes (a fifth of the server's work on inserts), and nothing here
     * reads collStats' sizes.
     */
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                    @Override
                    protected boolean tracksDataSize() {
                        return false;
                    }
                };
            }
        };
    }

    static boolean isWrite(String command) {
        return WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        if (!(message instanceof ReceivedWriteDecoder.ReceivedWrite write) || assignsIds(message.getDocument())) {
            return super.handleMessage(message);
        }
        String databaseName = message.getDatabaseName();
        String command = ReceivedWriteDecoder.commandOf(message.getDocument());
        return journalThenApply(() -> appendFrame(databaseName, command, write.frame()),
                                () -> super.handleCommand(message.getChannel(), databaseName, command, message.getDocument()));
    }

    /**
     * An insert of a document without {@code _id} gets one here before it is journaled: the journal must then hold
     * the command with that id, not the bytes as received, or a replay would assign another.
     */
    private static boolean assignsIds(Document command) {
        if (!"insert".equalsIgnoreCase(ReceivedWriteDecoder.commandOf(command))
            || !(command.get("documents") instanceof List<?> documents)) {
            return false;
        }
        for (Object document : documents) {
            if (!(document instanceof Document d) || !d.containsKey("_id")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!isWrite(command)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        assignMissingIds(command, query);
        return journalThenApply(() -> append(databaseName, command, query),
                                () -> super.handleCommand(channel, databaseName, command, query));
    }

    /**
     * Journals a write command, then applies it, one at a time, in the same order. Journaled first because reads
     * take no lock: a reader must never see a write that a kill could still take away (it could publish an event
     * whose global index the store then gives to another, decision 0008). A command that fails, even half-way
     * through an ordered batch, fails the same way when replayed on the same state.
     */
    private Document journalThenApply(Runnable journal, java.util.function.Supplier<Document> apply) {
        writeLock.lock();
        try {
            journal.run();
            return apply.get();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Ids are given before the command is journaled, as a driver would, so that a replay inserts the same ones. (An
     * upsert without {@code _id} still gets another id when replayed: nothing here refers to such a document by it.)
     */
    private static void assignMissingIds(String command, Document query) {
        if (!"insert".equalsIgnoreCase(command) || !(query.get("documents") instanceof List<?> documents)) {
            return;
        }
        for (Object document : documents) {
            if (document instanceof Document d && !d.containsKey("_id")) {
                d.put("_id", new de.bwaldvogel.mongo.bson.ObjectId());
            }
        }
    }

    private void append(String databaseName, String command, Document query) {
        appendRecord(new Document("db", databaseName).append("cmd", command).append("q", query), null);
    }

    /** Renames the former journal out of the way, never over an earlier one kept aside. */
    private static void keepAside(Path formerJournal) throws IOException {
        Path aside = formerJournal.resolveSibling("journal.bson.migrated");
        if (Files.exists(aside)) {
            aside = formerJournal.resolveSibling("journal.bson.migrated-" + System.currentTimeMillis());
        }
        Files.move(formerJournal, aside);
    }

    private void appendFrame(String databaseName, String command, byte[] frame) {
        appendRecord(new Document("db", databaseName).append("cmd", command).append("frameLength", frame.length), frame);
    }

    /** Appends the record (and the frame that follows it, if any) with one write. */
    private void appendRecord(Document record, byte[] frame) {
        ByteBuf buffer = journalBuffer.clear();
        try {
            BsonEncoder.encodeDocument(record, buffer);
            if (frame != null) {
                buffer.writeBytes(frame);
            }
            ByteBuffer bytes = buffer.nioBuffer();
            while (bytes.hasRemaining()) {
                journal.write(bytes);
            }
            if (fsync) {
                journal.force(false);
            } else {
                unsynced = true;
            }
        } catch (IOException e) {
            // Not journaled, so not applied either: the command fails and the client is told.
            throw new UncheckedIOException("Cannot append to the journal " + journalFile, e);
        } finally {
            if (buffer.capacity() > MAX_KEPT_BUFFER) { // one huge batch must not pin its memory for ever
                journalBuffer = Unpooled.buffer(INITIAL_BUFFER);
            }
        }
    }

    private void syncIfWritten() {
        if (!unsynced) {
            return;
        }
        unsynced = false;
        try {
            journal.force(false);
        } catch (IOException e) {
            unsynced = true;
            log.warn("Journal sync failed; will retry", e);
        }
    }

    private long replay(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long records = 0;
        try (java.io.DataInputStream in = new java.io.DataInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            byte[] lengthBytes = new byte[4];
            while (true) {
                int read = in.readNBytes(lengthBytes, 0, 4);
                if (read < 4) {
                    if (read > 0) {
                        log.warn("Ignoring a truncated journal record at its end");
                    }
                    break;
                }
                int length = ByteBuffer.wrap(lengthBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] bytes = new byte[length];
                System.arraycopy(lengthBytes, 0, bytes, 0, 4);
                if (length < 5 || in.readNBytes(bytes, 4, length - 4) < length - 4) {
                    // a record cut short by a crash mid-append was never acknowledged: drop it
                    log.warn("Ignoring a truncated journal record at its end");
                    break;
                }
                Document record = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
                Document command;
                if (record.get("frameLength") instanceof Integer frameLength) {
                    byte[] frame = new byte[frameLength];
                    if (in.readNBytes(frame, 0, frameLength) < frameLength) {
                        log.warn("Ignoring a truncated journal record at its end");
                        break;
                    }
                    command = decodeFrame(frame, records, file);
                } else if (record.get("frame") instanceof BinData frame) {
                    command = decodeFrame(frame.getData(), records, file); // written so by a build of 2026-12-01, briefly
                } else if (record.get("q") instanceof Document decoded) {
                    command = decoded;
                } else {
                    throw new IllegalStateException("Journal record " + records + " of " + file + " holds no command");
                }
                try {
                    super.handleCommand(replayChannel, (String) record.get("db"), (String) record.get("cmd"), command);
                } catch (RuntimeException e) {
                    // the command failed the same way when it was first run (e.g. a duplicate key)
                    log.debug("Replayed command failed as originally: {}", e.getMessage());
                }
                records++;
            }
        }
        return records;
    }

    /**
     * The command of a journaled wire message. One that cannot be decoded stops the start: skipping it would
     * lose an acknowledged write, and the compaction that follows would make the loss permanent.
     */
    private Document decodeFrame(byte[] frame, long recordIndex, Path file) {
        try {
            frameReader.writeInbound(Unpooled.wrappedBuffer(frame));
            if (frameReader.readInbound() instanceof MongoMessage message) {
                return message.getDocument();
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Journal record " + recordIndex + " of " + file + " cannot be decoded", e);
        }
        throw new IllegalStateException("Journal record " + recordIndex + " of " + file + " holds no command");
    }

    /** Rewrites the journal as the current state: per collection, its indexes, then its documents. */
    private void compact() throws IOException {
        Path next = journalFile.resolveSibling("journal-2.bson.next");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                                StandardOpenOption.TRUNCATE_EXISTING)) {
            FileChannel previous = journal;
            journal = out;
            for (String databaseName : listDatabaseNames()) {
                MongoDatabase database = resolveDatabase(databaseName);
                Document listed = super.handleCommand(replayChannel, databaseName, "listCollections",
                                                      new Document("listCollections", 1));
                @SuppressWarnings("unchecked")
                List<Document> collections = (List<Document>) ((Document) listed.get("cursor")).get("firstBatch");
                for (Document info : collections) {
                    String name = (String) info.get("name");
                    MongoCollection<?> collection = database.resolveCollection(name, false);
                    if (collection == null) {
                        continue;
                    }
                    append(databaseName, "create", new Document("create", name));
                    List<Document> indexes = new ArrayList<>();
                    for (Index<?> index : collection.getIndexes()) {
                        if (index.getName().equals("_id_")) {
                            continue;
                        }
                        Document key = new Document();
                        for (IndexKey indexKey : index.getKeys()) {
                            key.append(indexKey.getKey(), indexKey.isAscending() ? 1 : -1);
                        }
                        indexes.add(new Document("key", key).append("name", index.getName()).append("unique", true));
                    }
                    if (!indexes.isEmpty()) {
                        append(databaseName, "createIndexes", new Document("createIndexes", name).append("indexes", indexes));
                    }
                    List<Document> chunk = new ArrayList<>(INSERT_CHUNK);
                    for (Document document : collection.queryAll()) {
                        chunk.add(document);
                        if (chunk.size() == INSERT_CHUNK) {
                            append(databaseName, "insert", new Document("insert", name).append("documents", chunk));
                            chunk = new ArrayList<>(INSERT_CHUNK);
                        }
                    }
                    if (!chunk.isEmpty()) {
                        append(databaseName, "insert", new Document("insert", name).append("documents", chunk));
                    }
                }
            }
            out.force(true);
            journal = previous;
        }
        Files.move(next, journalFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        journal = FileChannel.open(journalFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                   StandardOpenOption.APPEND);
    }

    @Override
    public void close() {
        syncer.shutdownNow();
        writeLock.lock();
        try {
            super.close();
            if (journal != null && journal.isOpen()) {
                journal.force(true);
                journal.close();
            }
        } catch (IOException e) {
            log.warn("Closing the journal failed", e);
        } finally {
            writeLock.unlock();
        }
    }
}
