package cn.foi.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

class EmbeddedInfrastructureTest {

    private static final String TOPIC = "foi.events";

    @TempDir
    Path dataDir;

    @Test
    void documentsTopicsAndRecordsSurviveARestartOnTheSameDataDir() throws Exception {
        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(dataDir, 0, 0)) {
            assertThat(infra.mongoUri()).startsWith("mongodb://localhost:");
            assertThat(infra.kafkaBootstrap()).startsWith("localhost:");
            try (MongoClient client = MongoClients.create(infra.mongoUri())) {
                MongoCollection<Document> cases = client.getDatabase("foi").getCollection("cases");
                cases.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
                cases.insertOne(new Document("_id", "case-1").append("number", "2024-0001"));
            }
            createTopic(infra);
            produce(infra, "case-1", "CaseRegistered");
        }

        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(dataDir, 0, 0)) {
            try (MongoClient client = MongoClients.create(infra.mongoUri())) {
                MongoCollection<Document> cases = client.getDatabase("foi").getCollection("cases");
                assertThat(cases.find(new Document("_id", "case-1")).first())
                    .isNotNull()
                    .containsEntry("number", "2024-0001");
                // The unique index survived too.
                assertThatThrownBy(() -> cases.insertOne(new Document("_id", "case-2").append("number", "2024-0001")))
                    .isInstanceOf(MongoWriteException.class);
            }
            try (Admin admin = admin(infra)) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(consumeFromBeginning(infra, 1)).containsExactly("case-1=CaseRegistered");
        }
    }

    @Test
    void stoppingAndRestartingKafkaKeepsRecordsAndAddress() throws Exception {
        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(dataDir, 0, 0)) {
            String bootstrap = infra.kafkaBootstrap();
            createTopic(infra);
            produce(infra, "case-1", "CaseRegistered");

            infra.stopKafka();
            // MongoDB keeps serving while Kafka is down.
            try (MongoClient client = MongoClients.create(infra.mongoUri())) {
                client.getDatabase("foi").getCollection("outbox").insertOne(new Document("_id", 1));
                assertThat(client.getDatabase("foi").getCollection("outbox").countDocuments()).isEqualTo(1);
            }
            infra.startKafka();

            assertThat(infra.kafkaBootstrap()).isEqualTo(bootstrap);
            produce(infra, "case-1", "CaseAccepted");
            assertThat(consumeFromBeginning(infra, 2)).containsExactly("case-1=CaseRegistered", "case-1=CaseAccepted");
        }
    }

    private static Admin admin(EmbeddedInfrastructure infra) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()));
    }

    private static void createTopic(EmbeddedInfrastructure infra) throws Exception {
        try (Admin admin = admin(infra)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    private static void produce(EmbeddedInfrastructure infra, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                 new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static List<String> consumeFromBeginning(EmbeddedInfrastructure infra, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        List<String> seen = new ArrayList<>();
        // Manual assignment: no consumer group, so no group coordination delay.
        try (KafkaConsumer<String, String> consumer =
                 new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }
}
