package cn.foi.command.publication;

import cn.foi.command.config.EventStoreConfiguration;
import cn.foi.command.eventstore.CommitLogEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.context.annotation.Lazy;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import cn.foi.events.published.RepublishRequested;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Publishes stored events again when the query service finds them missing from its projection
 * ({@link RepublishRequested} on its own topic): read from the event store by global index, sent exactly as the
 * publisher sends them, and the request is consumed only once Kafka has acknowledged every one.
 */
@Component
class Republisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Republisher.class);

    private final CommitLogEventStorageEngine store;
    private final EventProcessingConfiguration processing;
    /** Axon's token store (MongoTokenStore's collection in the command database). */
    private final MongoCollection<Document> tokens;
    private final Producer<String, String> producer;
    private final KafkaEventPublisher publisher;
    private final ObjectMapper objectMapper;
    private final String bootstrap;
    private final short replication;
    /**
     * An event handed to Kafka less than this before the request to publish it again was read is left alone: it was on its way
     * (the publisher resuming after a restart or an outage), not lost; the query side asks again if it stays missing.
     */
    private final Duration settle;
    private volatile boolean running;
    private volatile java.time.Instant startedAt = java.time.Instant.EPOCH;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    Republisher(CommitLogEventStorageEngine store, @Lazy EventProcessingConfiguration processing, Producer<String, String> producer, KafkaEventPublisher publisher,
                ObjectMapper objectMapper, MongoDatabase commandDatabase, @Value("${foi.kafka.bootstrap}") String bootstrap,
                @Value("${foi.kafka.replication:1}") short replication,
                @Value("${foi.republish.settle:PT5S}") Duration settle) {
        this.replication = replication;
        this.settle = settle;
        this.store = store;
        this.processing = processing;
        this.tokens = commandDatabase.getCollection("trackingtokens");
        this.producer = producer;
        this.publisher = publisher;
        this.objectMapper = objectMapper;
        this.bootstrap = bootstrap;
    }

    @Override
    public void start() {
        startedAt = java.time.Instant.now();
        running = true;
        thread = new Thread(this::run, "republisher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                ensureTopic();
                Properties props = new Properties();
                props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                props.put(ConsumerConfig.GROUP_ID_CONFIG, "foi-command-republisher");
                props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
                props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
                try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props)) {
                    consumer = kafka;
                    TopicPartition partition = new TopicPartition(RepublishRequested.TOPIC, 0);
                    kafka.assign(List.of(partition));
                    while (running) {
                        ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                        for (ConsumerRecord<String, String> record : records) {
                            RepublishRequested request;
                            try {
                                request = objectMapper.readValue(record.value(), RepublishRequested.class);
                            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                                log.error("Skipping an unreadable request to publish events again (offset {}): {}",
                                          record.offset(), e.getMessage());
                                request = null;
                            }
                            if (request != null && request.requestedAt().isBefore(startedAt)) {
                                // asked while this service was down: the publisher resumed from its token since, and
                                // the query side asks again for whatever is still missing
                                log.info("Skipping a request to publish events again from before this start: {}", request.ranges());
                            } else if (request != null) {
                                republish(request, java.time.Instant.now());
                            }
                            kafka.commitSync(java.util.Map.of(partition, new org.apache.kafka.clients.consumer.OffsetAndMetadata(record.offset() + 1)));
                        }
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                // the broker or the store away, or a refused send: the request stays unconsumed and is tried again
                log.warn("Publishing events again failed; retrying shortly: {}", e.getMessage());
                try {
                    TimeUnit.SECONDS.sleep(2);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** {@code readAt}: when this service read the request, by its own clock (the query side's may differ). */
    void republish(RepublishRequested request, java.time.Instant readAt) throws Exception {
        long events = 0;
        long inFlight = 0;
        long published = publishedUpTo();
        List<RepublishRequested.Range> notYetPublished = new ArrayList<>();
        for (RepublishRequested.Range asked : request.ranges()) {
            // beyond the publisher's position the events are still on their way (it retries with back-off after an
            // outage): it publishes them itself; only what it has already passed can have been lost
            if (asked.last() > published) {
                notYetPublished.add(new RepublishRequested.Range(Math.max(asked.first(), published + 1), asked.last()));
            }
            if (asked.first() > published) {
                continue;
            }
            RepublishRequested.Range range = new RepublishRequested.Range(asked.first(), Math.min(asked.last(), published));
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(
                    range.first() == 0 ? null : new GlobalSequenceTrackingToken(range.first() - 1), false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    long index = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
                    if (index > range.last()) {
                        break;
                    }
                    if (publisher.acknowledged().inFlight(index, startedAt, readAt, settle)) {
                        inFlight++;
                        continue;
                    }
                    sent.add(producer.send(publisher.recordOf(event.getPayload(), (DomainEventMessage<?>) event, index)));
                }
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(2, TimeUnit.MINUTES);
            }
            events += sent.size();
        }
        if (events > 0) {
            log.warn("Published {} stored events again, as asked: {} ({})", events, request.ranges(), request.reason());
        }
        if (inFlight > 0) {
            log.info("Left {} events alone that were published less than {} before the request ({}): the query side "
                     + "asks again if they stay missing", inFlight, settle, request.ranges());
        }
        if (!notYetPublished.isEmpty()) {
            log.info("Not yet published, left to the publisher (at {}): {}", published, notYetPublished);
        }
    }

    /**
     * The last global index the publisher has handed to Kafka: its position while it runs, else its stored token (it
     * releases its claim while it waits to retry); unknown (-1: nothing is published again, the query side asks again
     * later) if neither can be read — sending an event ahead of its aggregate's earlier ones would do harm.
     */
    private long publishedUpTo() {
        var running = processing.eventProcessor(EventStoreConfiguration.KAFKA_PUBLISHER, TrackingEventProcessor.class)
                                .flatMap(processor -> processor.processingStatus().values().stream().findFirst())
                                .flatMap(status -> status.getCurrentPosition().stream().boxed().findFirst());
        if (running.isPresent()) {
            return running.get();
        }
        // read, not fetched: fetching a token claims it from the processor
        Document stored = tokens.find(new Document("processorName", EventStoreConfiguration.KAFKA_PUBLISHER)
                                              .append("segment", 0)).first();
        if (stored == null || !(stored.get("token") instanceof Binary token)) {
            return -1;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode json = objectMapper.readTree(token.getData());
            if (String.valueOf(stored.get("tokenType")).endsWith("ReplayToken")) {
                json = json.path("currentToken");
            }
            return json.path("globalIndex").asLong(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private void ensureTopic() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(RepublishRequested.TOPIC, 1, replication))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
