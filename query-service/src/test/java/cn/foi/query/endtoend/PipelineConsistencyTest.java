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

        Map<String, Map<Integer, Map<String, Integer>>> expected = countEventStoreDirectly();
        long projectionStart = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertProjectedTablesEqual(expected));
        System.out.printf("[figures] projection caught up %.1f s after the last command%n",
                          (System.nanoTime() - projectionStart) / 1e9);

        var rebuild = services.post(services.queryUrl + "/api/admin/rebuild", "");
        assertThat(rebuild.status()).isEqualTo(202);
        JsonNode status = awaitRebuildFinished();
        assertThat(status.get("tablesEqualBefore").asBoolean()).isTrue();
        System.out.printf("[figures] rebuild of %d records at %d records/s%n", status.get("total").asLong(),
                          status.get("recordsPerSecond").asLong());
        assertProjectedTablesEqual(expected);
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

    /** agency → year → "ROW/COLUMN" → count, from the stored events, without the projection's code. */
    private static Map<String, Map<Integer, Map<String, Integer>>> countEventStoreDirectly() {
        Map<String, RequestReceived> received = new HashMap<>();
        Map<String, RequestDecided> decided = new HashMap<>();
        services.eventStore().readEvents(null, false).forEach(message -> {
            Object payload = message.getPayload();
            if (payload instanceof RequestReceived r) {
                received.put(r.requestId(), r);
            } else if (payload instanceof RequestDecided d) {
                decided.put(d.requestId(), d);
            } else {
                // no other event changes a count of these agencies (imports and closes are not used here)
                assertThat(payload).isInstanceOfAny(AgencyRegistered.class, cn.foi.events.agency.ReportingYearClosed.class,
                                                    cn.foi.events.request.OpenRequestImported.class,
                                                    cn.foi.events.request.DeadlineExtended.class,
                                                    cn.foi.events.request.CorrectionRequested.class,
                                                    cn.foi.events.request.CorrectionReceived.class,
                                                    cn.foi.events.review.ReviewFiled.class,
                                                    cn.foi.events.review.ReviewConcluded.class,
                                                    cn.foi.events.agency.ProactiveDisclosureRecorded.class,
                                                    cn.foi.events.request.ConsultationSent.class,
                                                    cn.foi.events.request.ConsultationReplied.class,
                                                    cn.foi.events.request.FeeNoticeIssued.class,
                                                    cn.foi.events.request.FeePaid.class,
                                                    cn.foi.events.calendar.HolidayArrangementPublished.class);
            }
        });
        Map<String, Map<Integer, Map<String, Integer>>> tables = new HashMap<>();
        for (RequestReceived r : received.values()) {
            if (!AGENCIES.contains(r.agencyId())) {
                continue;
            }
            RequestDecided d = decided.get(r.requestId());
            String column = r.applicant().type().name();
            for (int year : YEARS) {
                Map<String, Integer> table = tables.computeIfAbsent(r.agencyId(), a -> new HashMap<>())
                                                   .computeIfAbsent(year, y -> new HashMap<>());
                int receivedYear = r.receivedOn().getYear();
                Integer decidedYear = d == null ? null : d.decidedOn().getYear();
                if (receivedYear == year) {
                    add(table, "NEW", column);
                }
                if (receivedYear < year && (decidedYear == null || decidedYear >= year)) {
                    add(table, "CARRIED_OVER", column);
                }
                if (decidedYear != null && decidedYear == year) {
                    add(table, d.result().name(), column);
                    add(table, "TOTAL_HANDLED", column);
                }
                if (receivedYear <= year && (decidedYear == null || decidedYear > year)) {
                    add(table, "CARRIED_FORWARD", column);
                }
            }
        }
        return tables;
    }

    private static void add(Map<String, Integer> table, String row, String column) {
        table.merge(row + "/" + column, 1, Integer::sum);
        table.merge(row + "/TOTAL", 1, Integer::sum);
    }

    private static void assertProjectedTablesEqual(Map<String, Map<Integer, Map<String, Integer>>> expected) {
        for (String agency : AGENCIES) {
            for (int year : YEARS) {
                JsonNode table = api.table(agency, year);
                Map<String, Integer> projected = new HashMap<>();
                table.get("applications").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(
                        cell -> {
                            if (cell.getValue().asInt() != 0) {
                                projected.put(row.getKey() + "/" + cell.getKey(), cell.getValue().asInt());
                            }
                        }));
                assertThat(projected).as(agency + " " + year)
                                     .isEqualTo(expected.getOrDefault(agency, Map.of()).getOrDefault(year, Map.of()));
                assertThat(table.get("consistent").asBoolean()).isTrue();
            }
        }
    }
}
