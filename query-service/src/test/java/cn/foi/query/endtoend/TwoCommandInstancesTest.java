package cn.foi.query.endtoend;

import cn.foi.command.CommandServiceApplication;
import cn.foi.command.config.EventStoreConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second command service started on the same store and broker as the first (issue 16, point 6): both take
 * commands at once, and what must happen once happens once.
 */
class TwoCommandInstancesTest extends EndToEndTest {

    private static ConfigurableApplicationContext second;
    private static String secondUrl;

    @BeforeAll
    static void startASecondCommandService() {
        second = CommandServiceApplication.start("--server.port=0", "--foi.admin.password=" + Services.ADMIN_PASSWORD,
                                                 "--foi.query-service.url=" + services.queryUrl,
                                                 "--spring.data.mongodb.uri=" + services.infra.mongoUri(),
                                                 "--foi.kafka.bootstrap=" + services.infra.kafkaBootstrap(),
                                                 "--foi.calendar.dir=" + services.dataDir.resolve("calendar"));
        secondUrl = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopTheSecond() {
        if (second != null) {
            second.close();
        }
    }

    private String urlOf(int instance) {
        return instance == 0 ? services.commandUrl : secondUrl;
    }

    private Services.Response receive(int instance, String agency, String receivedOn) {
        return services.post(urlOf(instance) + "/api/agencies/" + agency + "/requests",
                             "{\"receivedOn\":\"" + receivedOn + "\",\"channel\":\"EMAIL\",\"applicant\":{\"type\":"
                             + "\"NATURAL_PERSON\",\"name\":\"李四\"},\"subject\":\"申请公开某项目环评报告\"}");
    }

    @Test
    void two_decisions_on_one_request_sent_to_both_instances_at_once_one_wins() throws Exception {
        String agency = "twin-decisions";
        api.registerAgency(agency, "某区生态环境局");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                // received on either instance, so that the other one's cache may or may not know it yet
                var received = receive(round % 2, agency, "2026-11-02");
                assertThat(received.status()).as(received.body()).isEqualTo(201);
                String request = received.json().get("requestId").asText();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Services.Response>> answers = new ArrayList<>();
                for (int instance = 0; instance < 2; instance++) {
                    String url = urlOf(instance) + "/api/requests/" + request + "/decision";
                    String result = instance == 0 ? "DISCLOSED" : "PARTIALLY_DISCLOSED";
                    answers.add(pool.submit(() -> {
                        start.await();
                        return services.post(url, "{\"result\":\"" + result + "\",\"decidedOn\":\"2026-11-20\"}");
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (var answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS).status());
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                // in the store: the receipt and one decision
                assertThat(services.eventStore().readEvents(request).asStream()
                                   .map(e -> e.getPayloadType().getSimpleName()).toList())
                        .as("round " + round).containsExactly("RequestReceived", "RequestDecided");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_instance_whose_cached_agency_the_other_has_changed_since_still_takes_the_next_command_at_once() {
        String agency = "twin-stale";
        api.registerAgency(agency, "某区住房和城乡建设局"); // the first instance keeps the agency in its cache
        for (int round = 0; round < 4; round++) {
            // each instance in turn: the other's cached agency knows nothing of it, so its command is tried afresh
            var recorded = services.put(urlOf(1 - round % 2) + "/api/agencies/" + agency + "/years/2026/proactive-disclosure",
                                        "{\"RULES\":{\"MADE\":" + round + ",\"REPEALED\":0,\"IN_FORCE\":3}}");
            assertThat(recorded.status()).as("round " + round + ": " + recorded.body()).isEqualTo(200);
        }
        assertThat(services.eventStore().readEvents(agency).asStream().count()).isEqualTo(5);
    }

    @Test
    void a_command_that_stores_nothing_on_a_stale_copy_is_not_taken_for_done() {
        String agency = "twin-assign";
        api.registerAgency(agency, "某区人民防空办公室");
        api.createUser("twin-li", "Twin-pass-2026", "OFFICER", agency);
        api.createUser("twin-wang", "Twin-pass-2026", "OFFICER", agency);
        var received = receive(0, agency, "2026-11-02");
        String request = received.json().get("requestId").asText();
        String assignee = "/api/requests/" + request + "/assignee";
        // the first instance gives it to li, the second to wang, the first to li again: decided on a stale copy, the last
        // would look like "li has it already" and store nothing (each instance forgets a command's aggregate while another
        // instance is live; the agency check of a request's id reads it afresh too)
        assertThat(services.put(urlOf(0) + assignee, "{\"username\":\"twin-li\"}").status()).isEqualTo(200);
        assertThat(services.put(urlOf(1) + assignee, "{\"username\":\"twin-wang\"}").status()).isEqualTo(200);
        assertThat(services.put(urlOf(0) + assignee, "{\"username\":\"twin-li\"}").status()).isEqualTo(200);
        assertThat(services.eventStore().readEvents(request).asStream().map(e -> e.getPayload())
                           .filter(p -> p instanceof cn.foi.events.request.RequestAssigned)
                           .map(p -> ((cn.foi.events.request.RequestAssigned) p).assignee()).toList())
                .containsExactly("twin-li", "twin-wang", "twin-li");
    }

    @Test
    void a_year_closed_on_one_instance_while_both_receive_requests_misses_none_and_accepts_none_after() throws Exception {
        for (int round = 0; round < 2; round++) {
            String agency = "twin-close-" + round;
            api.registerAgency(agency, "某县自然资源局");
            AtomicBoolean closed = new AtomicBoolean();
            ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
            Map<Integer, ConcurrentLinkedQueue<Services.Response>> refusedAfterClose = new HashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Object>> receivers = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            try {
                for (int instance = 0; instance < 2; instance++) {
                    int on = instance;
                    var refused = new ConcurrentLinkedQueue<Services.Response>();
                    refusedAfterClose.put(on, refused);
                    receivers.add(pool.submit(() -> {
                        while (!stop.get()) {
                            boolean afterClose = closed.get();
                            var answer = receive(on, agency, "2025-12-31");
                            if (answer.status() == 201) {
                                accepted.add(answer.json().get("requestId").asText());
                                // a receipt sent after the close was answered must be refused
                                assertThat(afterClose).as("accepted after the close: " + answer.body()).isFalse();
                            } else if (afterClose) {
                                refused.add(answer);
                            } else if (answer.status() != 409) {
                                throw new AssertionError(answer.body());
                            }
                        }
                        return null;
                    }));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> stillReceiving(receivers) && accepted.size() >= 6);
                var close = services.post(urlOf(1 - round % 2) + "/api/agencies/" + agency + "/years/2025/close", "");
                closed.set(true);
                assertThat(close.status()).as(close.body()).isEqualTo(200);
                // each instance goes on receiving until it has refused some: never one accepted after the close
                await().atMost(Duration.ofSeconds(30))
                       .until(() -> stillReceiving(receivers)
                                    && refusedAfterClose.values().stream().allMatch(q -> q.size() >= 3));
                stop.set(true);
                for (var receiver : receivers) {
                    receiver.get(30, TimeUnit.SECONDS);
                }
                for (var refused : refusedAfterClose.values()) {
                    for (var answer : refused) {
                        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                        assertThat(answer.json().path("detail").asText()).contains("年度已关闭");
                    }
                }
                // every request accepted was open at the end of 2025: the close carried every one forward
                assertThat(close.json().get("carriedForward").asInt()).isEqualTo(accepted.size());
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }
        }
    }

    /** Fails with the receiver's own failure, if one stopped with it. */
    private static boolean stillReceiving(List<Future<Object>> receivers) throws Exception {
        for (var receiver : receivers) {
            if (receiver.isDone()) {
                receiver.get();
            }
        }
        return true;
    }

    @Test
    void the_kafka_publisher_and_the_request_register_each_run_in_one_instance_only() throws Exception {
        String agency = "twin-publication";
        api.registerAgency(agency, "某市交通运输局");
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var received = receive(i % 2, agency, "2026-10-09");
            assertThat(received.status()).as(received.body()).isEqualTo(201);
            requests.add(received.json().get("requestId").asText());
        }
        for (String processor : List.of(EventStoreConfiguration.KAFKA_PUBLISHER, EventStoreConfiguration.REQUEST_REGISTER)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    List.of(services.command, second).stream().filter(c -> claims(c, processor)).count())
                    .as(processor).isEqualTo(1));
        }
        // every event published, and published once
        Set<String> ids = Set.copyOf(requests);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedEventsOf(ids).size() == requests.size());
        Map<String, Long> timesPublished = publishedEventsOf(ids).stream()
                                                                 .collect(Collectors.groupingBy(e -> e, Collectors.counting()));
        assertThat(timesPublished).hasSize(requests.size()).allSatisfy((event, times) -> assertThat(times).isEqualTo(1));

        // the instance that runs them stops them (as it does when it stops): the other takes over where they were
        var owner = claims(services.command, EventStoreConfiguration.KAFKA_PUBLISHER) ? services.command : second;
        var other = owner == second ? services.command : second;
        List<String> processors = List.of(EventStoreConfiguration.KAFKA_PUBLISHER, EventStoreConfiguration.REQUEST_REGISTER);
        processors.forEach(p -> processor(owner, p).shutDown());
        try {
            for (int i = 0; i < 5; i++) {
                var received = receive(owner == second ? 0 : 1, agency, "2025-12-30");
                assertThat(received.status()).as(received.body()).isEqualTo(201);
                requests.add(received.json().get("requestId").asText());
            }
            Set<String> all = Set.copyOf(requests);
            await().atMost(Duration.ofSeconds(30)).until(() -> publishedEventsOf(all).size() == requests.size());
            assertThat(Set.copyOf(publishedEventsOf(all))).hasSize(requests.size());
            await().atMost(Duration.ofSeconds(30))
                   .untilAsserted(() -> processors.forEach(p -> assertThat(claims(other, p)).as(p).isTrue()));
            // the register taken over too: a close on the instance that no longer runs it counts every request of 2025
            var close = services.post((owner == second ? secondUrl : services.commandUrl) + "/api/agencies/" + agency
                                      + "/years/2025/close", "");
            assertThat(close.status()).as(close.body()).isEqualTo(200);
            assertThat(close.json().get("carriedForward").asInt()).isEqualTo(5);
        } finally {
            processors.forEach(p -> processor(owner, p).start());
        }
    }

    private static boolean claims(ConfigurableApplicationContext instance, String processor) {
        return !processor(instance, processor).processingStatus().isEmpty();
    }

    private static TrackingEventProcessor processor(ConfigurableApplicationContext instance, String processor) {
        return instance.getBean(EventProcessingConfiguration.class)
                       .eventProcessor(processor, TrackingEventProcessor.class).orElseThrow();
    }

    /** The event ids of every record on the events topic whose aggregate is one of {@code aggregateIds}. */
    private static List<String> publishedEventsOf(Set<String> aggregateIds) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, services.infra.kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("foi.events").stream()
                                                      .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (aggregateIds.contains(record.key())) {
                        events.add(services.json.readTree(record.value()).get("eventId").asText());
                    }
                }
            }
        }
        return events;
    }
}
