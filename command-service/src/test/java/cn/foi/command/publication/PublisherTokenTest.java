package cn.foi.command.publication;

import cn.foi.command.config.EventStoreConfiguration;
import cn.foi.events.agency.AgencyRegistered;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import cn.foi.infra.EmbeddedInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher's token moves past an event only once Kafka has acknowledged it: a kill while the record is in
 * flight, or a broker that loses it, must leave the event to be published again (decision 0008). Runs the
 * production processor configuration on Axon's in-memory store with Kafka's MockProducer, which acknowledges only
 * when told to, and the production token store (MongoDB, which writes at once: Axon's in-memory store would wait
 * for the batch's commit and hide the order).
 */
class PublisherTokenTest {

    private final MockProducer<String, String> kafka = new MockProducer<>(false, new StringSerializer(), new StringSerializer());
    @TempDir
    Path dataDir;
    private EmbeddedInfrastructure infra;
    private MongoClient mongo;
    private TokenStore tokens;
    private Configuration axon;

    @BeforeEach
    void start() {
        infra = EmbeddedInfrastructure.start(dataDir, 0, 0);
        mongo = MongoClients.create(infra.mongoUri());
        tokens = MongoTokenStore.builder()
                                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo, "tokens").build())
                                .serializer(JacksonSerializer.defaultSerializer())
                                .build();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                                              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                                                 .registerComponent(TokenStore.class, c -> tokens);
        new EventStoreConfiguration().trackingProcessorsFromTheFirstEvent(500).configureModule(configurer);
        configurer.eventProcessing().registerEventHandler(c -> new KafkaEventPublisher(kafka, json, "foi.events"));
        axon = configurer.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        mongo.close();
        infra.close();
    }

    @Test
    void the_token_waits_for_kafkas_acknowledgement_and_a_refused_record_is_sent_again() {
        axon.eventStore().publish(new GenericDomainEventMessage<>("Agency", "xixia-office", 0,
                new AgencyRegistered("xixia-office", "西夏区人民政府办公室", LocalDate.of(2024, 1, 2))));

        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.history().size() == 1);
        // sent, not acknowledged: however long that lasts, the event is not yet behind the token
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> !tokenPassed(0));

        kafka.errorNext(new org.apache.kafka.common.errors.NetworkException("broker gone"));
        // the batch failed: retried from the same token, the record is sent again
        await().atMost(Duration.ofSeconds(15)).until(() -> kafka.history().size() == 2);
        assertThat(tokenPassed(0)).isFalse();

        kafka.completeNext();
        await().atMost(Duration.ofSeconds(10)).until(() -> tokenPassed(0));
        assertThat(kafka.history()).extracting(r -> r.key()).containsExactly("xixia-office", "xixia-office");
    }

    @Test
    void a_send_that_throws_fails_the_batch_instead_of_being_logged_and_passed() {
        kafka.sendException = new org.apache.kafka.common.KafkaException("producer closed");
        axon.eventStore().publish(new GenericDomainEventMessage<>("Agency", "yinchuan-office", 0,
                new AgencyRegistered("yinchuan-office", "银川市人民政府办公室", LocalDate.of(2024, 1, 2))));

        // Axon's default would log the handler's exception and store the token past the event
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> !tokenPassed(0));

        kafka.sendException = null;
        await().atMost(Duration.ofSeconds(15)).until(() -> kafka.history().size() == 1);
        kafka.completeNext();
        await().atMost(Duration.ofSeconds(10)).until(() -> tokenPassed(0));
    }

    /** The publisher's stored token has moved past the event at this global index. */
    private boolean tokenPassed(long globalIndex) {
        TrackingToken token = tokens.fetchToken(EventStoreConfiguration.KAFKA_PUBLISHER, 0);
        return token != null && token.covers(new GlobalSequenceTrackingToken(globalIndex));
    }
}
