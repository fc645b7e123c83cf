package cn.foi.query.endtoend;

import cn.foi.events.published.EventTopic;
import cn.foi.events.published.PublishedEvent;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.table.AnnualTable;
import cn.foi.query.table.AnnualTables;
import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The way out of one machine (issue 15, point 6; decision 0012), run here on the real engines: the store's events
 * published once more to a topic keyed by agency, two query-side instances in one Kafka consumer group each projecting
 * — with the production read model, ledger and table classifier — only the agencies of the partitions Kafka gives
 * it, each writing its agencies' tables to a shared MongoDB collection, and a government's roll-up assembled from
 * those rows equal, cell by cell, to the single query service's. When one instance leaves, Kafka gives its partitions
 * to the other, which rebuilds its new share from the topic, and the roll-up is still the same.
 */
class PartitionByAgencyTest extends EndToEndTest {

    private static final int PARTITIONS = 6;
    private static final int YEAR = 2025;
    private static final String[] LEVELS = {"province", "city-a", "city-b", "county-a", "county-b"};

    /** The partition Kafka's default partitioner gives a key. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /**
     * Agency ids whose partitions fall in both halves of the topic, so that each of two instances (which the range
     * assignor gives three partitions each) holds some of the region.
     */
    private static String prefix() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int n = 0; ; n++) {
            String prefix = "pa" + run + n + "-";
            Set<Boolean> halves = new HashSet<>();
            for (String level : LEVELS) {
                halves.add(partitionOf(prefix + level) < PARTITIONS / 2);
            }
            if (halves.size() == 2) {
                return prefix;
            }
        }
    }

    /** One query-side instance of the split: a group member, its own read model and ledger, rebuilt on each assignment. */
    private static final class Share implements AutoCloseable {
        final String name;
        final KafkaConsumer<String, byte[]> consumer;
        final MongoClient mongo;
        final String database;
        ReadModel readModel;
        Ledger ledger;
        final Set<String> agenciesSeen = new HashSet<>();
        int rebuilds;

        Share(String name, String bootstrap, String topic, String group, String mongoUri) {
            this.name = name;
            this.mongo = MongoClients.create(mongoUri);
            this.database = "share-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, org.apache.kafka.clients.consumer.RangeAssignor.class.getName());
            consumer = new KafkaConsumer<>(props);
            reset();
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // a share that changed is rebuilt from the topic: the agencies it lost are forgotten, those it
                    // gained are read from their first event
                    reset();
                    rebuilds++;
                    consumer.seekToBeginning(consumer.assignment());
                }
            });
        }

        void reset() {
            mongo.getDatabase(database).drop();
            ledger = new Ledger();
            readModel = new ReadModel(mongo.getDatabase(database), JsonMapper.builder().findAndAddModules().build(), ledger, 1000);
            agenciesSeen.clear();
        }

        void poll() throws Exception {
            List<ReadModel.Decoded> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                agenciesSeen.add(record.key()); // on this topic, the agency (or the aggregate of an event of none)
                batch.add(readModel.decode(record.value()));
            }
            if (!batch.isEmpty()) {
                readModel.apply(batch);
            }
        }

        boolean caughtUp() {
            Set<TopicPartition> assigned = consumer.assignment();
            if (assigned.isEmpty()) {
                return false;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            return assigned.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
        }

        /** Writes the table of each of its agencies, with the agency's parent, to the rows every instance shares. */
        void writeTables(MongoCollection<Document> rows, Set<String> agencies) {
            AnnualTables tables = new AnnualTables(ledger, Clock.systemUTC());
            for (String agencyId : agencies) {
                if (ledger.agencyName(agencyId).isEmpty()) {
                    continue; // not this share's
                }
                AnnualTable table = tables.of(agencyId, YEAR).orElseThrow();
                Document counts = new Document();
                table.counts().forEach(counts::append);
                rows.replaceOne(Filters.eq("_id", agencyId + "/" + YEAR),
                                new Document("_id", agencyId + "/" + YEAR).append("agencyId", agencyId).append("year", YEAR)
                                        .append("parentId", ledger.parentAsOf(agencyId, Instant.now())).append("owner", name)
                                        .append("counts", counts),
                                new ReplaceOptions().upsert(true));
            }
        }

        private boolean closed;

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            consumer.close(Duration.ofSeconds(10));
            mongo.getDatabase(database).drop();
            mongo.close();
        }
    }

    /** A government's roll-up assembled from the shared rows: every cell the sum of its subtree's rows. */
    private static Map<String, Integer> assembled(MongoCollection<Document> rows, String root) {
        Map<String, String> parents = new HashMap<>();
        Map<String, Document> counts = new HashMap<>();
        rows.find(Filters.eq("year", YEAR)).forEach(row -> {
            parents.put(row.getString("agencyId"), row.getString("parentId"));
            counts.put(row.getString("agencyId"), row.get("counts", Document.class));
        });
        Map<String, Integer> sum = new LinkedHashMap<>();
        counts.forEach((agencyId, cells) -> {
            String at = agencyId;
            while (at != null && !at.equals(root)) {
                at = parents.get(at);
            }
            if (at != null) {
                cells.forEach((code, value) -> sum.merge(code, ((Number) value).intValue(), Integer::sum));
            }
        });
        return sum;
    }

    /** The single query service's roll-up, as the same codes. */
    private static Map<String, Integer> served(JsonNode rollUp) {
        JsonNode total = rollUp; // the roll-up answers its summed table at the top level
        Map<String, Integer> cells = new LinkedHashMap<>();
        for (ApplicationRow row : ApplicationRow.values()) {
            for (ApplicantColumn column : ApplicantColumn.values()) {
                cells.put(row.name() + "/" + column.name(), total.get("applications").get(row.name()).get(column.name()).asInt());
            }
        }
        total.get("reviews").fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().asInt()));
        return cells;
    }

    @Test
    void two_instances_in_one_consumer_group_each_hold_a_share_of_the_agencies_and_a_roll_up_assembled_from_their_rows_is_the_single_service_s()
            throws Exception {
        String prefix = prefix();
        String province = prefix + "province";
        Map<String, String> parents = Map.of(prefix + "city-a", province, prefix + "city-b", province,
                                             prefix + "county-a", prefix + "city-a", prefix + "county-b", prefix + "city-b");
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        assertThat(admin.post(services.commandUrl + "/api/agencies", "{\"agencyId\":\"" + province + "\",\"name\":\"某省人民政府办公厅\"}").status())
                .isEqualTo(201);
        for (String level : List.of("city-a", "city-b", "county-a", "county-b")) {
            assertThat(admin.post(services.commandUrl + "/api/agencies", "{\"agencyId\":\"" + prefix + level + "\",\"name\":\"" + level
                                  + " 人民政府\",\"parentId\":\"" + parents.get(prefix + level) + "\"}").status()).isEqualTo(201);
        }
        String[] types = {"NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "OTHER_ORGANIZATION"};
        String[] results = {"DISCLOSED", "UNABLE_NOT_HELD", "NOT_DISCLOSED_PROCESS_INFORMATION", null};
        int received = 0;
        for (int i = 0; i < LEVELS.length; i++) {
            for (int n = 0; n <= i + 1; n++) {
                String request = api.logRequest(prefix + LEVELS[i], "2025-0" + (3 + n % 6) + "-1" + n % 10, "ONLINE", types[(i + n) % types.length]);
                String result = results[(i * 3 + n) % results.length];
                if (result != null) {
                    api.decide(request, result, "2025-0" + (3 + n % 6) + "-2" + n % 10);
                }
                received++;
            }
        }
        int all = received;
        JsonNode rollUp = await().atMost(Duration.ofSeconds(60)).until(
                () -> services.get(services.queryUrl + "/api/agencies/" + province + "/roll-up/" + YEAR).json(),
                r -> r.get("members").asInt() == 5 && r.get("byMember").findValues("received").stream().mapToInt(JsonNode::asInt).sum() == all);
        Map<String, Integer> single = served(rollUp);

        // the store's events published once more, to a topic keyed by agency (what the publisher does on such a topic)
        String byAgency = "it-" + UUID.randomUUID() + EventTopic.KEYED_BY_AGENCY;
        EventTopic.ensure(services.infra.kafkaBootstrap(), byAgency, PARTITIONS, (short) 1);
        Set<String> regionIds = new HashSet<>(parents.keySet());
        regionIds.add(province);
        republishKeyedByAgency("foi.events", byAgency, regionIds);

        String group = "query-share-" + UUID.randomUUID();
        try (MongoClient mongo = MongoClients.create(services.infra.mongoUri());
             Share a = new Share("a", services.infra.kafkaBootstrap(), byAgency, group, services.infra.mongoUri());
             Share b = new Share("b", services.infra.kafkaBootstrap(), byAgency, group, services.infra.mongoUri())) {
            MongoCollection<Document> rows = mongo.getDatabase("share-" + group).getCollection("agency_tables");
            Set<String> region = new HashSet<>(parents.keySet());
            region.add(province);

            await().atMost(Duration.ofSeconds(90)).until(() -> {
                a.poll();
                b.poll();
                return a.consumer.assignment().size() + b.consumer.assignment().size() == PARTITIONS && a.caughtUp() && b.caughtUp();
            });
            // each holds a share: every agency of the region in exactly one of them, requests and all
            Set<String> inA = new HashSet<>(a.agenciesSeen);
            inA.retainAll(region);
            Set<String> inB = new HashSet<>(b.agenciesSeen);
            inB.retainAll(region);
            String where = "a holds " + a.consumer.assignment() + ", b holds " + b.consumer.assignment() + "; the region's partitions: "
                           + region.stream().collect(java.util.stream.Collectors.toMap(x -> x, PartitionByAgencyTest::partitionOf))
                           + "; a saw " + a.agenciesSeen.size() + ", b saw " + b.agenciesSeen.size();
            assertThat(inA).as("instance a's agencies; " + where).isNotEmpty();
            assertThat(inB).as("instance b's agencies").isNotEmpty();
            assertThat(inA).doesNotContainAnyElementsOf(inB);
            assertThat(union(inA, inB)).isEqualTo(region);
            for (String agency : region) {
                Share owner = inA.contains(agency) ? a : b;
                Share other = owner == a ? b : a;
                assertThat(owner.consumer.assignment()).contains(new TopicPartition(byAgency, partitionOf(agency)));
                assertThat(other.ledger.agencyName(agency)).as(agency + " is not in the other instance").isEmpty();
            }

            a.writeTables(rows, region);
            b.writeTables(rows, region);
            assertThat(rows.distinct("owner", Filters.in("agencyId", region), String.class).into(new HashSet<>())).containsExactlyInAnyOrder("a", "b");
            assertThat(assembled(rows, province)).as("the roll-up assembled across the instances").isEqualTo(single);
            assertThat(assembled(rows, prefix + "city-a").get("DISCLOSED/NATURAL_PERSON"))
                    .isEqualTo(served(services.get(services.queryUrl + "/api/agencies/" + prefix + "city-a/roll-up/" + YEAR).json())
                                       .get("DISCLOSED/NATURAL_PERSON"));

            // one instance leaves: the other is given every partition, rebuilds its share from the topic, and the
            // roll-up assembled from its rows is still the same
            int rebuildsBefore = a.rebuilds;
            b.close();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                a.poll();
                return a.consumer.assignment().size() == PARTITIONS && a.rebuilds > rebuildsBefore && a.caughtUp();
            });
            assertThat(a.agenciesSeen).containsAll(region);
            a.writeTables(rows, region);
            assertThat(rows.distinct("owner", Filters.in("agencyId", region), String.class).into(new HashSet<>())).containsExactly("a");
            assertThat(assembled(rows, province)).isEqualTo(single);
        } finally {
            try (MongoClient cleanup = MongoClients.create(services.infra.mongoUri())) {
                cleanup.getDatabase("share-" + group).drop();
            }
        }
    }

    private static Set<String> union(Set<String> x, Set<String> y) {
        Set<String> both = new HashSet<>(x);
        both.addAll(y);
        return both;
    }

    /**
     * The records of the events topic, from its first, to a topic keyed by agency with the keys the publisher gives
     * there: those of the region's agencies and those of no agency (calendar notices, users). The other tests' agencies
     * are left out, so that this test reads the same amount whatever ran before it.
     */
    private void republishKeyedByAgency(String from, String to, Set<String> region) throws Exception {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, services.infra.kafkaBootstrap());
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.infra.kafkaBootstrap());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        var json = JsonMapper.builder().findAndAddModules().build();
        try (KafkaConsumer<String, byte[]> source = new KafkaConsumer<>(consumerProps);
             KafkaProducer<String, byte[]> target = new KafkaProducer<>(producerProps)) {
            List<TopicPartition> partitions = source.partitionsFor(from).stream().map(p -> new TopicPartition(from, p.partition())).toList();
            source.assign(partitions);
            source.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = source.endOffsets(partitions);
            int copied = 0;
            while (partitions.stream().anyMatch(p -> source.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : source.poll(Duration.ofMillis(200))) {
                    PublishedEvent event = json.readValue(record.value(), PublishedEvent.class);
                    String key = EventTopic.keyOf(to, event);
                    boolean ofNoAgency = event.payload() == null || !event.payload().has("agencyId");
                    if (region.contains(key) || ofNoAgency) {
                        target.send(new ProducerRecord<>(to, null, key, record.value(), record.headers()));
                        copied++;
                    }
                }
            }
            target.flush();
            assertThat(copied).isPositive();
        }
    }
}
