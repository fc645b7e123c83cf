package cn.foi.query.completeness;

import cn.foi.query.eventlog.EventStoreReader;
import cn.foi.events.published.RepublishRequested;
import cn.foi.query.projection.EventConsumer;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.ReadModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

@Configuration
class CompletenessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CompletenessConfiguration.class);

    @Bean
    EventStoreReader eventStoreReader(MongoClient mongoClient, ObjectMapper objectMapper,
                                      @Value("${foi.eventstore.database:foi_command}") String commandDatabase) {
        return new EventStoreReader(mongoClient.getDatabase(commandDatabase), objectMapper);
    }

    @Bean(destroyMethod = "close")
    Producer<String, String> republishRequests(@Value("${foi.kafka.bootstrap}") String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(props) {
            @Override
            public void close() {
                close(Duration.ofSeconds(5));
            }
        };
    }

    @Bean
    CompletenessCheck completenessCheck(EventStoreReader store, ReadModel readModel, Ledger ledger, EventConsumer consumer,
                                        Producer<String, String> republishRequests, ObjectMapper objectMapper,
                                        @Value("${foi.completeness.grace:PT10S}") Duration grace, Clock clock) {
        return new CompletenessCheck(store, readModel.applied(), ledger, consumer, request -> {
            try {
                republishRequests.send(new ProducerRecord<>(RepublishRequested.TOPIC, objectMapper.writeValueAsString(request)))
                                 .get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot ask the command service to publish events again: " + e.getMessage(), e);
            }
        }, grace, clock);
    }

    /**
     * Watches the projection every few seconds (gaps that outlast the grace period are repaired) and, after a stop that
     * was not clean (the marker of this run is still there), runs the whole check once the consumer has caught up.
     */
    @Bean(destroyMethod = "stop")
    Watch completenessWatch(CompletenessCheck check, EventConsumer consumer, MongoClient mongoClient,
                            @Value("${foi.mongo.database:foi_query}") String queryDatabase,
                            @Value("${foi.completeness.watch-every:PT2S}") Duration every) {
        return new Watch(check, consumer, mongoClient.getDatabase(queryDatabase).getCollection("projection_state"), every);
    }

    static final class Watch {
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "completeness-watch");
            thread.setDaemon(true);
            return thread;
        });
        private final MongoCollection<Document> state;
        private volatile boolean checkAfterUncleanStop;

        Watch(CompletenessCheck check, EventConsumer consumer, MongoCollection<Document> state, Duration every) {
            this.state = state;
            checkAfterUncleanStop = state.find(Filters.eq("_id", "running")).first() != null;
            state.replaceOne(Filters.eq("_id", "running"), new Document("_id", "running").append("since", Instant.now().toString()),
                             new ReplaceOptions().upsert(true));
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    if (checkAfterUncleanStop && consumer.isReady() && consumer.progress().lag() == 0
                        && consumer.progress().end() > 0) {
                        checkAfterUncleanStop = false;
                        CompletenessCheck.Report report = check.check();
                        log.info("Completeness after an unclean stop: complete={}, store head {}, projected up to {}, missing {}",
                                 report.complete(), report.storeHead(), report.projectedUpTo(), report.missing());
                    }
                    check.watch();
                } catch (RuntimeException e) {
                    log.warn("Completeness watch failed; it runs again shortly: {}", e.getMessage());
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }

        void stop() {
            scheduler.shutdownNow();
            try {
                state.deleteOne(Filters.eq("_id", "running")); // a clean stop: no check needed at the next start
            } catch (RuntimeException e) {
                log.warn("Could not record a clean stop: {}", e.getMessage());
            }
        }
    }
}
