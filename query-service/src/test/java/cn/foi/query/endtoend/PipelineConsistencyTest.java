package cn.foi.query.endtoend;

import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing skipped, nothing double counted: many concurrent writers through the public API, thousands
 * of events through the event store, the publisher and Kafka, and the projected tables equal tables
 * computed here, independently, by reading the event store directly. Then a rebuild from offset 0
 * gives the same tables again.
 */
class PipelineConsistencyTest extends EndToEndTest {

    static final int WRITERS = 8;
    static final int REQUESTS_PER_WRITER = 150;
    static final List<String> AGENCIES = List.of("load-a", "load-b", "load-c", "load-d");
    static final List<Integer> YEARS = List.of(2024, 2025, 2026);


    @Test
    void projected_tables_equal_a_direct_count_of_the_event_store_and_survive_a_rebuild() throws Exception {
        AGENCIES.forEach(a -> api.registerAgency(a, "负载测试机构 " + a));
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int seed = w;
            writers.add(pool.submit(() -> write(new Random(seed))));
        }
        int commands = 0;
        for (Future<Integer> writer : writers) {
            commands += writer.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[figures] %d commands by %d concurrent writers in %.1f s (%.0f/s); store holds %d events%n",
                          commands, WRITERS, seconds, commands / seconds, services.eventStore().size());

        Map<String, Map<Integer, Map<String, Integer>>> expected = StoreCount.tables(AGENCIES, YEARS);
        long projectionStart = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> StoreCount.assertProjectedEqual(expected, AGENCIES, YEARS));
        System.out.printf("[figures] projection caught up %.1f s after the last command%n",
                          (System.nanoTime() - projectionStart) / 1e9);

        var rebuild = services.post(services.queryUrl + "/api/admin/rebuild", "");
        assertThat(rebuild.status()).isEqualTo(202);
        JsonNode status = awaitRebuildFinished();
        assertThat(status.get("tablesEqualBefore").asBoolean()).isTrue();
        System.out.printf("[figures] rebuild of %d records at %d records/s%n", status.get("total").asLong(),
                          status.get("recordsPerSecond").asLong());
        StoreCount.assertProjectedEqual(expected, AGENCIES, YEARS);

        // what the rebuild says it wrote: every document of the emptied read model inserted once, none twice
        var readModel = services.query.getBean(com.mongodb.client.MongoClient.class).getDatabase("foi_query");
        long held = 0;
        for (String collection : List.of("agencies", "requests", "reviews", "calendar")) {
            held += readModel.getCollection(collection).countDocuments();
        }
        assertThat(held).isPositive();
        assertThat(status.at("/documents/inserted").asLong()).isEqualTo(held);
        // the whole log fits one rebuild window: written at its end, not every few hundred events as when behind
        assertThat(status.at("/documents/replaced").asLong()).isZero();
    }

    static JsonNode awaitRebuildFinished() {
        var holder = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode status = services.get(services.queryUrl + "/api/admin/rebuild").json();
            holder.set(status);
            return !status.get("running").asBoolean() && status.hasNonNull("finishedAt");
        });
        return holder.get();
    }

    private static int write(Random random) {
        int commands = 0;
        ApplicantType[] types = ApplicantType.values();
        ResultCode[] results = ResultCode.values();
        for (int i = 0; i < REQUESTS_PER_WRITER; i++) {
            String agency = AGENCIES.get(random.nextInt(AGENCIES.size()));
            LocalDate received = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
            String id = api.logRequest(agency, received.toString(), "ONLINE", types[random.nextInt(types.length)].name());
            commands++;
            if (random.nextInt(10) < 7) {
                LocalDate decided = received.plusDays(random.nextInt(40));
                api.decide(id, results[random.nextInt(results.length)].name(), decided.toString());
                commands++;
            }
        }
        return commands;
    }

}
