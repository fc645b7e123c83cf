package cn.foi.query.benchmark;

import cn.foi.command.CommandServiceApplication;
import cn.foi.command.eventstore.CommitLogEventStorageEngine;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.query.QueryServiceApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The scale figures of the embedded default (run with {@code ./mvnw -Pbenchmark verify}, not part of the
 * timed test suite): with {@code benchmark.events} events already stored (default 1,000,000),
 * single-writer latency of logging and deciding a request, the publisher's and the projection's
 * catch-up rates, and the raw driver read rate of the same store as its own limit.
 */
class PipelineBenchmark {

    static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);
    static final int AGENCIES = 200;
    static final int SAMPLES = Integer.getInteger("benchmark.samples", 1000);
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void figures() throws Exception {
        Path dir = Files.createTempDirectory("foi-benchmark");
        report("machine: %d cores, max heap %d MB, java %s", Runtime.getRuntime().availableProcessors(),
               Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (SeparateInfrastructure infra = SeparateInfrastructure.start(dir)) {
            ConfigurableApplicationContext command = CommandServiceApplication.start(
                    "--server.port=0", "--spring.data.mongodb.uri=" + infra.mongoUri(),
                    "--foi.kafka.bootstrap=" + infra.kafkaBootstrap());
            String commandUrl = "http://localhost:" + command.getEnvironment().getProperty("local.server.port");
            CommitLogEventStorageEngine store = command.getBean(CommitLogEventStorageEngine.class);

            long t0 = System.nanoTime();
            List<String> openRequests = seed(store);
            double seedSeconds = seconds(t0);
            report("seeded %,d events in %.1f s (%,.0f events/s, bulk import)", store.size(), seedSeconds,
                   store.size() / seedSeconds);

            awaitProcessorsCaughtUp(command, store);
            double publishSeconds = seconds(t0);
            report("publisher and register caught up %.1f s after the seed started (%,.0f events/s end to end)",
                   publishSeconds, store.size() / publishSeconds);

            for (long pauseMillis : new long[]{0, 20}) {
                long[] logLatencies = new long[SAMPLES];
                long[] decideLatencies = new long[SAMPLES];
                int offset = pauseMillis == 0 ? 0 : SAMPLES;
                for (int i = 0; i < SAMPLES; i++) {
                    long start = System.nanoTime();
                    post(commandUrl + "/api/agencies/agency-" + (i % AGENCIES) + "/requests",
                         "{\"receivedOn\":\"2026-01-05\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":"
                         + "\"NATURAL_PERSON\",\"name\":\"测试\"},\"subject\":\"基准测试\"}", 201);
                    logLatencies[i] = System.nanoTime() - start;
                    pace(pauseMillis);
                    start = System.nanoTime();
                    post(commandUrl + "/api/requests/" + openRequests.get(offset + i) + "/decision",
                         "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2026-02-01\"}", 200);
                    decideLatencies[i] = System.nanoTime() - start;
                    pace(pauseMillis);
                }
                String pacing = pauseMillis == 0 ? "back to back" : pauseMillis + " ms between commands";
                report("log a request (single writer, %s, %d samples, %,d events stored): %s", pacing, SAMPLES,
                       store.size(), percentiles(logLatencies));
                report("decide a request (single writer, %s, cold aggregates): %s", pacing,
                       percentiles(decideLatencies));
            }

            try (MongoClient client = MongoClients.create(infra.mongoUri())) {
                long start = System.nanoTime();
                long events = 0;
                for (Document commit : client.getDatabase("foi_command").getCollection("event_commits").find()
                                             .batchSize(5000)) {
                    events += commit.getList("events", Document.class).size();
                }
                double s = seconds(start);
                report("raw driver read of the whole store: %,d events in %.1f s (%,.0f events/s)", events, s,
                       events / s);
            }

            awaitProcessorsCaughtUp(command, store);
            long queryStart = System.nanoTime();
            ConfigurableApplicationContext query = QueryServiceApplication.start(
                    "--server.port=0", "--spring.data.mongodb.uri=" + infra.mongoUri(),
                    "--foi.kafka.bootstrap=" + infra.kafkaBootstrap());
            String queryUrl = "http://localhost:" + query.getEnvironment().getProperty("local.server.port");
            long total = store.size();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode p = get(queryUrl + "/api/admin/projection");
                return p.get("end").asLong() >= total && p.get("lag").asLong() == 0;
            });
            double catchUp = seconds(queryStart);
            report("projection from an empty read model: %,d events in %.1f s incl. start-up (%,.0f events/s)",
                   total, catchUp, total / catchUp);

            long tableStart = System.nanoTime();
            long[] tableLatencies = new long[200];
            for (int i = 0; i < tableLatencies.length; i++) {
                long start = System.nanoTime();
                get(queryUrl + "/api/agencies/agency-" + (i % AGENCIES) + "/annual-tables/2025");
                tableLatencies[i] = System.nanoTime() - start;
            }
            report("table query: %s (%.1f s)", percentiles(tableLatencies), seconds(tableStart));
            query.close();
            command.close();
        }
    }

    /** A province-wide year or two: requests spread over 2024–2025, 85% decided, realistic applicant mix. */
    private List<String> seed(CommitLogEventStorageEngine store) {
        Random random = new Random(42);
        List<List<DomainEventMessage<?>>> batch = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            String agency = "agency-" + a;
            batch.add(List.of(message("Agency", agency, 0, new AgencyRegistered(agency, "基准机构" + a,
                                                                                LocalDate.of(2024, 1, 1)))));
        }
        long events = AGENCIES;
        ApplicantType[] types = ApplicantType.values();
        ResultCode[] results = ResultCode.values();
        while (events < EVENTS) {
            String agency = "agency-" + random.nextInt(AGENCIES);
            String id = UUID.randomUUID().toString();
            LocalDate received = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(720));
            ApplicantType type = random.nextInt(10) < 8 ? ApplicantType.NATURAL_PERSON : types[random.nextInt(types.length)];
            batch.add(List.of(message("DisclosureRequest", id, 0, new RequestReceived(
                    id, agency, received, Channel.values()[random.nextInt(6)], new Applicant(type, "申请人"), "基准"))));
            events++;
            if (random.nextInt(100) < 85 && events < EVENTS) {
                batch.add(List.of(message("DisclosureRequest", id, 1, new RequestDecided(
                        id, agency, results[random.nextInt(results.length)], received.plusDays(random.nextInt(30)),
                        null))));
                events++;
            } else if (received.getYear() == 2025) {
                open.add(id);
            }
            if (batch.size() >= 5000) {
                store.importHistory(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            store.importHistory(batch);
        }
        return open;
    }

    /** An officer's pace: the next command after a pause (a timed wait in a benchmark, not a test). */
    private static void pace(long millis) {
        if (millis > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(millis * 1_000_000);
        }
    }

    private static DomainEventMessage<?> message(String type, String id, long seq, Object payload) {
        return new GenericDomainEventMessage<>(type, id, seq, payload);
    }

    private static void awaitProcessorsCaughtUp(ConfigurableApplicationContext command,
                                                CommitLogEventStorageEngine store) {
        EventProcessingConfiguration processing = command.getBean(EventProcessingConfiguration.class);
        long head = ((GlobalSequenceTrackingToken) store.createHeadToken()).getGlobalIndex();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String name : List.of("kafka-publisher", "request-register")) {
                TrackingEventProcessor p = processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
                if (p.processingStatus().values().stream()
                     .anyMatch(s -> s.getCurrentPosition().orElse(-1) < head)) {
                    return false;
                }
            }
            return true;
        });
    }

    private JsonNode post(String url, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                           .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private JsonNode get(String url) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                       HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                             sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}
