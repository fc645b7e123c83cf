package cn.foi.query.projection;

import cn.foi.events.published.EventTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Feeds the read model from the events topic with plain kafka-clients. All partitions are assigned
 * explicitly (no group rebalances to lose or replay records in flight); offsets are committed only
 * after the read model has flushed what they cover, so delivery is at least once, and the read model's
 * sequence check makes it effectively once. While the consumer is behind (records waiting on the broker:
 * a rebuild, a burst) it flushes every {@code flushEvents} events rather than after every batch. A failure
 * forgets what was not flushed and resumes from the committed offsets.
 */
public class EventConsumer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final Properties consumerProps = new Properties();
    private final String bootstrap;
    private final String topic;
    private final Duration topicWait;
    private final ReadModel readModel;
    private final Supplier<Map<String, Object>> tablesSnapshot;
    private final int batchSize;
    private final int flushEvents;
    private final int rebuildFlushEvents;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicReference<RebuildStatus> rebuild = new AtomicReference<>(RebuildStatus.none());
    private volatile boolean rebuildRequested;
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private final Phases phases = new Phases();
    /** The read model's write in flight (consumer thread only), and the offsets it covers. */
    private java.util.concurrent.CompletableFuture<Void> writing;
    private Map<TopicPartition, OffsetAndMetadata> writingUpTo;
    /**
     * Outside a rebuild, behind or not, nothing waits unflushed longer than this: the broker may report records the
     * consumer cannot fetch (a partition whose leader is away) while the others bring a trickle.
     */
    private static final long MAX_UNFLUSHED_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** When a poll last brought records (consumer thread only): the lag its fetch reported is that fresh. */
    private long lastRecordsAt;
    /** When the oldest unflushed event was applied (consumer thread only). */
    private long unflushedSince;
    /** The offsets last committed, per partition (consumer thread only). */
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    enum Phase { READ, DECODE, APPLY, WRITE }

    /** Where the consumer's time goes (reported when a rebuild ends): reading the topic, decoding, applying, writing. */
    static final class Phases {
        private final long[] nanos = new long[Phase.values().length];

        /** Adds the time since {@code start} to the phase; returns now, the start of the next one. */
        long add(Phase phase, long start) {
            long now = System.nanoTime();
            nanos[phase.ordinal()] += now - start;
            return now;
        }

        Map<String, Double> seconds() {
            Map<String, Double> seconds = new java.util.LinkedHashMap<>();
            for (Phase phase : Phase.values()) {
                seconds.put(phase.name().toLowerCase(), Math.round(nanos[phase.ordinal()] / 1e6) / 1000.0);
            }
            return seconds;
        }

        void reset() {
            java.util.Arrays.fill(nanos, 0);
        }

        @Override
        public String toString() {
            return seconds().entrySet().stream().map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                            .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /**
     * {@code flushEvents}: while behind, flush at least every so many events (and every second); {@code
     * rebuildFlushEvents}: in a rebuild, every so many events only — nothing can be read until it ends; a request
     * still unanswered at such a flush is held back until answered (or the rebuild's end), so each is written once.
     */
    public EventConsumer(String bootstrap, String topic, String groupId, Duration topicWait, int batchSize, int flushEvents,
                         int rebuildFlushEvents, ReadModel readModel, Supplier<Map<String, Object>> tablesSnapshot) {
        this.batchSize = batchSize;
        this.flushEvents = flushEvents;
        this.rebuildFlushEvents = rebuildFlushEvents;
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.topicWait = topicWait;
        this.readModel = readModel;
        this.tablesSnapshot = tablesSnapshot;
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // bytes: JSON is parsed from them on both cores, not first turned into a String on the consumer thread
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    public void start() {
        readModel.loadLedger();
        thread = new Thread(this, "event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Null while healthy; otherwise why the projection is not advancing. */
    public String failure() {
        return failure.get();
    }

    public boolean isReady() {
        return ready;
    }

    /** Records consumed so far and records on the topic (positions and end offsets summed over partitions). */
    public record Progress(long position, long end) {
        public long lag() {
            return Math.max(0, end - position);
        }
    }

    private volatile Progress progress = new Progress(0, 0);
    /** When {@link #progress} was last measured (System.nanoTime); it stands unchanged while the broker is away. */
    private volatile long progressMeasuredAt;

    /** How long ago the lag was measured: a figure from before an outage says nothing about now. */
    public long progressAgeMillis() {
        return progressMeasuredAt == 0 ? Long.MAX_VALUE : (System.nanoTime() - progressMeasuredAt) / 1_000_000;
    }

    public Progress progress() {
        return progress;
    }

    /** A rebuild asked for but not yet begun by the consumer thread already counts as running. */
    public RebuildStatus rebuildStatus() {
        // the flag before the status: the consumer records "started" before it lowers the flag
        boolean requested = rebuildRequested;
        RebuildStatus status = rebuild.get();
        return requested && !status.running() ? RebuildStatus.requested() : status;
    }

    /** Asks for the read model to be rebuilt from offset 0 of the topic; returns false if one is running. */
    public synchronized boolean requestRebuild() {
        if (rebuildRequested || rebuild.get().running()) { // in this order, as in rebuildStatus()
            return false;
        }
        rebuildRequested = true;
        return true;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = awaitTopic();
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProps)) {
                consumer = kafka;
                kafka.assign(partitions);
                // nothing committed yet: the beginning (the topic keeps everything, so offset 0)
                Map<TopicPartition, OffsetAndMetadata> stored = kafka.committed(new java.util.HashSet<>(partitions));
                partitions.forEach(partition -> committed.put(partition,
                        stored.get(partition) == null ? 0L : stored.get(partition).offset()));
                failure.set(null);
                ready = true;
                loop(kafka, partitions);
            }
        } catch (WakeupException e) {
            if (running) {
                failure.set("consumer woken up unexpectedly");
            }
        } catch (Exception e) {
            log.error("The projection stopped", e);
            failure.set(e.getMessage());
        }
    }

    private void loop(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> rebuildEnd = null;
        long lastProgressAt = 0;
        while (running) {
            if (rebuildRequested) {
                try {
                    rebuildEnd = startRebuild(kafka, partitions);
                } catch (WakeupException e) {
                    throw e;
                } catch (Exception e) {
                    // e.g. the broker is away: keep projecting, and try the rebuild again shortly
                    log.warn("Starting the rebuild failed; it will be retried", e);
                    failure.set("starting the rebuild failed: " + e.getMessage());
                    rebuildRequested = true;
                    rebuild.set(RebuildStatus.requested()); // still running as far as any reader can tell
                    pause();
                    continue;
                }
            }
            long polling = System.nanoTime();
            ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(100));
            phases.add(Phase.READ, polling);
            if (!records.isEmpty() || readModel.unflushedEvents() > 0 || writing != null) {
                try {
                    if (!records.isEmpty()) {
                        lastRecordsAt = System.nanoTime();
                        if (readModel.unflushedEvents() == 0) {
                            unflushedSince = System.nanoTime();
                        }
                        long decoding = System.nanoTime();
                        List<ReadModel.Decoded> decoded = parse(records);
                        long applying = phases.add(Phase.DECODE, decoding);
                        readModel.apply(decoded);
                        phases.add(Phase.APPLY, applying);
                    }
                    // behind (more records are waiting): flush in the background when due;
                    // caught up: flush and wait, so what was just consumed is readable at once.
                    // In a rebuild, behind until its end: an empty poll (one partition done before the others)
                    // must not flush and wait half-way, and nothing is read until the end anyway.
                    boolean rebuilding = rebuildEnd != null;
                    boolean behind = rebuilding ? !reached(kafka, rebuildEnd)
                                                : !records.isEmpty() && (records.count() >= batchSize || lagging(kafka, partitions));
                    long flushing = System.nanoTime();
                    if (!behind) {
                        flush(kafka, partitions, true);
                    } else if (rebuilding ? readModel.unflushedEvents() >= rebuildFlushEvents
                                          : readModel.unflushedEvents() >= flushEvents
                                            || System.nanoTime() - unflushedSince > MAX_UNFLUSHED_NANOS) {
                        flush(kafka, partitions, false, rebuilding);
                    }
                    phases.add(Phase.WRITE, flushing);
                    failure.set(null);
                } catch (WakeupException e) {
                    throw e;
                } catch (Exception e) {
                    log.warn("Applying a batch failed; it will be retried", e);
                    failure.set("applying events failed: " + e.getMessage());
                    abandonWrite();
                    readModel.forgetUnflushed();
                    rewindToCommitted(kafka);
                    pause();
                    continue;
                }
            }
            if (System.nanoTime() - lastProgressAt > 250_000_000L) {
                lastProgressAt = System.nanoTime();
                try {
                    progressMeasuredAt = System.nanoTime();
                    progress = new Progress(position(kafka, partitions),
                                            end(kafka, partitions, rebuildEnd != null && System.nanoTime() - lastRecordsAt < 1_000_000_000L));
                } catch (org.apache.kafka.common.KafkaException e) {
                    // the broker is away: the last figures stand until it answers again
                }
            }
            if (rebuildEnd != null) {
                RebuildStatus status = rebuild.get().progress(position(kafka, partitions));
                rebuild.set(status);
                if (reached(kafka, rebuildEnd) && readModel.unflushedEvents() == 0 && writing == null) {
                    WriteBehind.Counts documents = readModel.documentCounts();
                    rebuild.set(status.finished(tablesSnapshot.get(), phases.seconds(),
                                                Map.of("inserted", documents.inserted(), "replaced", documents.replaced(),
                                                       "readBack", documents.readBack())));
                    log.info("Rebuilt the read model from {} records in {} s ({}; {})", status.total(),
                             Duration.between(status.startedAt(), java.time.Instant.now()).toMillis() / 1000.0, phases,
                             documents);
                    rebuildEnd = null;
                }
            }
        }
    }

    /**
     * Stays "requested" (which reads as running) until the status says started: a page asking in between would
     * otherwise read "not running, never finished" and stop waiting for a rebuild that is about to begin.
     */
    private Map<TopicPartition, Long> startRebuild(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        Map<String, Object> before = tablesSnapshot.get();
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        // Offsets go back to 0 before anything is dropped: a stop anywhere in the rebuild then resumes it
        // (replaying onto what is left is harmless), never continues from the old end over an emptied model.
        Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
        partitions.forEach(partition -> beginning.put(partition, new OffsetAndMetadata(0)));
        kafka.commitSync(beginning);
        partitions.forEach(partition -> committed.put(partition, 0L));
        rebuild.set(RebuildStatus.started(before, total));
        rebuildRequested = false;
        phases.reset();
        abandonWrite(); // a write landing after the drop would bring back documents from before it
        readModel.clear();
        kafka.seekToBeginning(partitions);
        log.info("Rebuilding the read model from offset 0 ({} records)", total);
        return end;
    }

    /**
     * More records are on the broker than consumed, as far as the last fetch told (no round trip). A poll often
     * returns less than a full batch while far behind (it hands out what one fetch brought), so the batch size
     * alone would flush and wait every few thousand records of a rebuild.
     */
    static boolean lagging(org.apache.kafka.clients.consumer.Consumer<?, ?> kafka, List<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            java.util.OptionalLong lag = kafka.currentLag(partition);
            if (lag.isPresent() && lag.getAsLong() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The topic's end, asked of the broker: a round trip, which fails while the broker is away (so a lag from before
     * an outage is never taken for a fresh one). In a rebuild, where it was asked four times a second on a busy
     * machine, the consumer's position plus the lag its last fetch reported serves, without a round trip, as long
     * as that fetch brought records within the last second ({@code fetchedJustNow}).
     */
    private static long end(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions, boolean fetchedJustNow) {
        long end = 0;
        for (TopicPartition partition : partitions) {
            java.util.OptionalLong lag = fetchedJustNow ? kafka.currentLag(partition) : java.util.OptionalLong.empty();
            if (lag.isEmpty()) {
                return kafka.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            }
            end += kafka.position(partition) + lag.getAsLong();
        }
        return end;
    }

    private static long position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        long sum = 0;
        for (TopicPartition partition : partitions) {
            sum += kafka.position(partition);
        }
        return sum;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        for (var entry : end.entrySet()) {
            if (kafka.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Decoded on both cores (JSON is most of the consumer's work); the batch keeps the topic's order. */
    private List<ReadModel.Decoded> parse(ConsumerRecords<String, byte[]> records) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        return all.parallelStream().map(record -> {
            try {
                org.apache.kafka.common.header.Header recordedAt =
                        record.headers().lastHeader(cn.foi.events.published.PublishedEvent.RECORDED_AT_MILLIS_HEADER);
                return readModel.decode(record.value(), recordedAt == null ? null
                        : cn.foi.events.published.PublishedEvent.recordedAtMillis(recordedAt.value()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot read a record of the topic: " + e.getMessage(), e);
            }
        }).toList();
    }

    /**
     * Starts writing what the read model holds unflushed, after the write before it (if any) has landed and its
     * offsets are committed; with {@code wait}, also waits for this one and commits its offsets.
     */
    private void flush(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions, boolean wait) {
        flush(kafka, partitions, wait, false);
    }

    /**
     * {@code midRebuild}: a rebuild's flush before its end holds unanswered requests back (see
     * {@link ReadModel#flushAsync(boolean)}) and commits no offsets: they stay at 0 until the rebuild's last flush, so
     * a stop half-way replays the whole topic onto what was written (harmless: every event is applied once).
     */
    private void flush(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions, boolean wait, boolean midRebuild) {
        awaitWrite(kafka);
        Map<TopicPartition, OffsetAndMetadata> upTo = new HashMap<>();
        for (TopicPartition partition : partitions) {
            upTo.put(partition, new OffsetAndMetadata(midRebuild ? committed.getOrDefault(partition, 0L) : kafka.position(partition)));
        }
        writing = readModel.flushAsync(midRebuild);
        writingUpTo = upTo;
        if (wait) {
            awaitWrite(kafka);
        }
    }

    /** The write in flight, once landed: its offsets are committed. A failed write throws. */
    private void awaitWrite(KafkaConsumer<String, byte[]> kafka) {
        if (writing == null) {
            return;
        }
        try {
            writing.join();
        } catch (java.util.concurrent.CompletionException e) {
            writing = null;
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        writing = null;
        kafka.commitSync(writingUpTo);
        writingUpTo.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    }

    /** After a failure: let the write in flight end (whatever it wrote is a true state of the documents), uncommitted. */
    private void abandonWrite() {
        if (writing != null) {
            try {
                writing.join();
            } catch (RuntimeException ignored) {
                // replayed from the committed offsets anyway
            }
            writing = null;
        }
    }

    /**
     * Back to the last committed offsets: everything after them was only in memory, and is gone. They are
     * remembered here, so this needs no broker (the failure may be the broker's absence).
     */
    private void rewindToCommitted(KafkaConsumer<String, byte[]> kafka) {
        committed.forEach(kafka::seek);
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Waits for the topic (the command service creates it), then refuses one that does not keep everything. */
    private List<TopicPartition> awaitTopic() throws Exception {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Instant deadline = Instant.now().plus(topicWait);
        try (Admin admin = Admin.create(adminProps);
             KafkaConsumer<String, byte[]> probe = new KafkaConsumer<>(consumerProps)) {
            while (running) {
                if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                    EventTopic.verifyRetainsForever(admin, topic);
                    List<TopicPartition> partitions = new ArrayList<>();
                    for (PartitionInfo info : probe.partitionsFor(topic)) {
                        partitions.add(new TopicPartition(topic, info.partition()));
                    }
                    return partitions;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Topic " + topic + " does not exist at " + bootstrap);
                }
                failure.set("waiting for topic " + topic);
                pause();
            }
        }
        throw new IllegalStateException("stopped");
    }

}
