package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults that lose nothing: a broker outage under load, a query service stopped mid-rebuild, the whole
 * topic delivered twice, eight decisions of one request at once. Each ends with the projected tables
 * equal to a direct count of the event store (0 lost, 0 double).
 */
class ReliabilityTest extends EndToEndTest {

    private static final List<Integer> YEARS = List.of(2024, 2025);

    private static int load(String agency, int requests, long seed) {
        Random random = new Random(seed);
        String[] types = {"NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION", "OTHER_ORGANIZATION"};
        String[] results = {"DISCLOSED", "PARTIALLY_DISCLOSED", "UNABLE_NOT_HELD", "NOT_PROCESSED_DUPLICATE"};
        int commands = 0;
        for (int i = 0; i < requests; i++) {
            LocalDate received = LocalDate.of(2024, 6, 1).plusDays(random.nextInt(400));
            String id = api.logRequest(agency, received.toString(), "ONLINE", types[random.nextInt(types.length)]);
            commands++;
            if (random.nextBoolean()) {
                api.decide(id, results[random.nextInt(results.length)], received.plusDays(random.nextInt(30)).toString());
                commands++;
            }
        }
        return commands;
    }

    @Test
    void a_broker_outage_under_load_delays_events_and_loses_none() throws Exception {
        List<String> agencies = List.of("fault-kafka-a", "fault-kafka-b");
        agencies.forEach(a -> api.registerAgency(a, "故障测试 " + a));
        ExecutorService writers = Executors.newFixedThreadPool(4);
        AtomicBoolean brokerCycled = new AtomicBoolean();
        List<Future<Integer>> done = new ArrayList<>();
        CountDownLatch writing = new CountDownLatch(4);
        for (int w = 0; w < 4; w++) {
            int seed = w;
            done.add(writers.submit(() -> {
                writing.countDown();
                return load(agencies.get(seed % 2), 60, seed);
            }));
        }
        writing.await();
        // the broker goes away while the writers keep going, and comes back
        services.infra.stopKafka();
        try {
            api.logRequest(agencies.get(0), "2025-02-03", "LETTER", "NATURAL_PERSON");
        } finally {
            services.infra.startKafka();
            brokerCycled.set(true);
        }
        int commands = 1;
        for (Future<Integer> writer : done) {
            commands += writer.get(5, TimeUnit.MINUTES);
        }
        writers.shutdown();
        assertThat(brokerCycled).isTrue();
        var expected = StoreCount.tables(agencies, YEARS);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> StoreCount.assertProjectedEqual(expected, agencies, YEARS));
        System.out.printf("[figures] broker outage: %d commands accepted, tables equal the store%n", commands);
    }

    @Test
    void a_query_service_stopped_in_the_middle_of_a_rebuild_finishes_it_after_restart() {
        List<String> agencies = List.of("fault-rebuild");
        api.registerAgency(agencies.get(0), "故障测试 重建");
        load(agencies.get(0), 150, 42);
        var expected = StoreCount.tables(agencies, YEARS);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> StoreCount.assertProjectedEqual(expected, agencies, YEARS));

        assertThat(services.post(services.queryUrl + "/api/admin/rebuild", "").status()).isEqualTo(202);
        await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode status = services.get(services.queryUrl + "/api/admin/rebuild").json();
            return status.path("done").asLong() > 0 || status.hasNonNull("finishedAt");
        });
        JsonNode stoppedAt = services.get(services.queryUrl + "/api/admin/rebuild").json();
        services.query.close();
        System.out.printf("[figures] query service stopped during the rebuild at %s of %s records%n",
                          stoppedAt.path("done"), stoppedAt.path("total"));

        services.startQuery();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> StoreCount.assertProjectedEqual(expected, agencies, YEARS));
    }

    @Test
    void the_whole_topic_delivered_again_changes_no_table_and_no_history() throws Exception {
        List<String> agencies = List.of("fault-duplicate");
        api.registerAgency(agencies.get(0), "故障测试 重复投递");
        load(agencies.get(0), 60, 7);
        String witness = api.logRequest(agencies.get(0), "2025-04-01", "EMAIL", "NATURAL_PERSON");
        api.decide(witness, "DISCLOSED", "2025-04-10");
        api.awaitHistory(witness, 2);
        var expected = StoreCount.tables(agencies, YEARS);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> StoreCount.assertProjectedEqual(expected, agencies, YEARS));

        // stop the projection, move its committed offsets back to 0, start it on the same read model
        String group = services.query.getEnvironment().getProperty("foi.kafka.group-id", "foi-query-projection");
        String topic = services.query.getEnvironment().getProperty("foi.kafka.topic", "foi.events");
        services.query.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, services.infra.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                 .forEach(p -> beginning.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, beginning).all().get();
        }
        services.startQuery();
        await().atMost(Duration.ofMinutes(2)).until(() -> services.get(services.queryUrl + "/api/admin/projection")
                                                                  .json().path("lag").asLong(-1) == 0);
        StoreCount.assertProjectedEqual(expected, agencies, YEARS);
        assertThat(services.get(services.queryUrl + "/api/requests/" + witness + "/history").json().get("events"))
                .as("its case number, receipt and decision, once each").hasSize(3);
    }

    @Test
    void of_eight_simultaneous_decisions_of_one_request_exactly_one_is_recorded() throws Exception {
        String agency = "fault-race";
        api.registerAgency(agency, "故障测试 并发答复");
        String request = api.logRequest(agency, "2025-05-06", "ONLINE", "NATURAL_PERSON");
        String[] results = {"DISCLOSED", "PARTIALLY_DISCLOSED", "UNABLE_NOT_HELD", "NOT_PROCESSED_DUPLICATE",
                            "OTHER_OTHER", "DISCLOSED", "UNABLE_STILL_UNCLEAR", "NOT_DISCLOSED_STATE_SECRET"};
        ExecutorService pool = Executors.newFixedThreadPool(results.length);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Services.Response>> answers = new ArrayList<>();
        for (String result : results) {
            Callable<Services.Response> decide = () -> {
                start.await();
                return services.post(services.commandUrl + "/api/requests/" + request + "/decision",
                                     "{\"result\":\"" + result + "\",\"decidedOn\":\"2025-05-20\"}");
            };
            answers.add(pool.submit(decide));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Services.Response> answer : answers) {
            Services.Response response = answer.get(1, TimeUnit.MINUTES);
            statuses.add(response.status());
            if (response.status() == 409) {
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        long decisionsStored = services.eventStore().readEvents(request).asStream()
                                       .filter(m -> m.getPayload() instanceof cn.foi.events.request.RequestDecided).count();
        assertThat(decisionsStored).isEqualTo(1);
        api.awaitHistory(request, 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                services.get(services.queryUrl + "/api/requests/" + request + "/history").json().get("events").findValuesAsText("type"))
                .as("its case number, receipt and one decision")
                .containsExactlyInAnyOrder("CaseNumberIssued", "RequestReceived", "RequestDecided"));
    }
}
