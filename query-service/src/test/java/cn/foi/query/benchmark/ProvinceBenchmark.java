package cn.foi.query.benchmark;

import cn.foi.access.Role;
import cn.foi.access.UserAccount;
import cn.foi.access.UserStore;
import cn.foi.command.CommandServiceApplication;
import cn.foi.command.eventstore.CommitLogEventStorageEngine;
import cn.foi.query.QueryServiceApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * The figures of issue 4, in one run on one embedded store (run with
 * {@code ./mvnw -Pbenchmark -pl query-service -am verify}; not part of the timed test suite):
 * a province-wide history of {@code benchmark.events} events (default 1,000,000) seeded by bulk import,
 * then the raw driver read of it (the store's own limit), the projection from empty and a full rebuild
 * (events/s, and their ratio to the raw rate), the log's verification against the raw read on its own path (issue 16), sustained commands/s through the whole pipeline by
 * concurrent HTTP writers, projection lag at a fixed 200 commands/s, table query p99 and the table as of
 * an arbitrary past moment.
 */
class ProvinceBenchmark {

    static final long EVENTS = Long.getLong("benchmark.events", 1_000_000);
    static final int WRITERS = Integer.getInteger("benchmark.writers", 16);
    static final int SUSTAINED_SECONDS = Integer.getInteger("benchmark.seconds", 30);
    static final int PACED_RATE = Integer.getInteger("benchmark.rate", 200);
    static final String USER = "benchmark";
    static final String PASSWORD = "benchmark-password";
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper json = new ObjectMapper();
    final List<String> report = Collections.synchronizedList(new ArrayList<>());
    String commandUrl;
    String queryUrl;

    @Test
    void figures() throws Exception {
        Path dir = Files.createTempDirectory("foi-benchmark");
        report("machine: %d cores, max heap %d MB, java %s, %s", Runtime.getRuntime().availableProcessors(),
               Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("os.name"));
        try (SeparateInfrastructure infra = SeparateInfrastructure.start(dir)) {
            ConfigurableApplicationContext command = CommandServiceApplication.start(
                    "--server.port=0", "--spring.data.mongodb.uri=" + infra.mongoUri(),
                    "--foi.kafka.bootstrap=" + infra.kafkaBootstrap(), "--foi.admin.password=" + PASSWORD);
            commandUrl = "http://localhost:" + command.getEnvironment().getProperty("local.server.port");
            command.getBean(UserStore.class).save(new UserAccount(USER, command.getBean(PasswordEncoder.class).encode(PASSWORD),
                                                                  EnumSet.allOf(Role.class), Set.of(UserAccount.ALL_AGENCIES)));
            CommitLogEventStorageEngine store = command.getBean(CommitLogEventStorageEngine.class);

            // 1. a province's history, bulk imported (as a migration would)
            long t0 = System.nanoTime();
            ProvinceWorkload workload = new ProvinceWorkload(42, TODAY.getYear() - 1, TODAY.minusDays(3));
            List<List<DomainEventMessage<?>>> batch = new ArrayList<>();
            workload.generate(EVENTS, commit -> {
                batch.add(commit);
                if (batch.size() >= 5000) {
                    store.importHistory(new ArrayList<>(batch));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                store.importHistory(batch);
            }
            long stored = store.size();
            seededAt = Instant.now();
            report("seeded %,d events (%d agencies, receipts %d-01-01 … %s) in %.1f s", stored, ProvinceWorkload.AGENCIES,
                   TODAY.getYear() - 1, TODAY.minusDays(3), seconds(t0));

            // the command side's processors (Kafka publisher, request register) work through the import first
            long caughtUp = System.nanoTime();
            awaitProcessorsCaughtUp(command, store);
            report("Kafka publisher and request register through the imported history in %.1f s (%,.0f events/s)",
                   seconds(caughtUp), stored / seconds(caughtUp));

            // 2. the store's own limit: every commit read and every payload decoded by the raw driver
            double rawRate;
            try (MongoClient client = MongoClients.create(infra.mongoUri())) {
                long start = System.nanoTime();
                long events = 0;
                for (Document commit : client.getDatabase("foi_command").getCollection("event_commits").find().batchSize(5000)) {
                    for (Document event : commit.getList("events", Document.class)) {
                        json.readTree(event.getString("payload"));
                        events++;
                    }
                }
                rawRate = events / seconds(start);
                report("raw driver read + JSON decode of the store: %,d events at %,.0f events/s", events, rawRate);
            }

            // 3. projection from empty, then a full rebuild from offset 0
            long queryStart = System.nanoTime();
            ConfigurableApplicationContext query = QueryServiceApplication.start(
                    "--server.port=0", "--spring.data.mongodb.uri=" + infra.mongoUri(),
                    "--foi.kafka.bootstrap=" + infra.kafkaBootstrap());
            queryUrl = "http://localhost:" + query.getEnvironment().getProperty("local.server.port");
            awaitProjected(stored, Duration.ofMinutes(60));
            report("projection from an empty read model: %,d events in %.1f s (%,.0f events/s, incl. start-up)",
                   stored, seconds(queryStart), stored / seconds(queryStart));
            send("POST", queryUrl + "/api/admin/rebuild", "", 202);
            JsonNode rebuilt;
            do {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
                rebuilt = send("GET", queryUrl + "/api/admin/rebuild", null, 200);
            } while (rebuilt.get("running").asBoolean() || !rebuilt.hasNonNull("finishedAt"));
            double rebuildSeconds = Duration.between(Instant.parse(rebuilt.get("startedAt").asText()),
                                                     Instant.parse(rebuilt.get("finishedAt").asText())).toMillis() / 1000.0;
            double rebuildRate = rebuilt.get("total").asLong() / rebuildSeconds;
            report("full rebuild of every projection: %,d records in %.1f s (%,.0f events/s = %.0f%% of the raw read); "
                   + "tables equal before and after: %s", rebuilt.get("total").asLong(), rebuildSeconds, rebuildRate,
                   100 * rebuildRate / rawRate, rebuilt.get("tablesEqualBefore"));

            JsonNode secondsBy = rebuilt.get("secondsBy");
            // the consumer thread's time; writes run beside it, so "flushing" is encoding plus waiting for the store
            report("  consumer thread: reading the topic %.1f s, decoding %.1f s, applying %.1f s, flushing %.1f s",
                   secondsBy.get("read").asDouble(), secondsBy.get("decode").asDouble(), secondsBy.get("apply").asDouble(),
                   secondsBy.get("write").asDouble());
            JsonNode written = rebuilt.get("documents");
            report("  read model documents: %,d inserted, %,d replaced, %,d read back after eviction",
                   written.get("inserted").asLong(), written.get("replaced").asLong(), written.get("readBack").asLong());

            // 3b. issue 16: the log verified (every digest recomputed) against the raw read of the same commits
            verification(query, stored, rawRate);

            // 4. table queries, now and as of past moments (before the raw insert below: its scratch database
            // of ~470,000 documents, inserted and dropped, keeps the store's JVM collecting for seconds afterwards)
            Random random = new Random(7);
            // the first thousand right after the rebuild and the verification (both JVMs still collecting what it left, the table's
            // code not yet compiled), then two thousand more: a service answering all day is in the second state
            report("table query (1,000 random agencies, right after the rebuild): %s", percentiles(tableQueries(random, 1000, false)));
            report("table query (2,000 random agencies, the next 2,000): %s", percentiles(tableQueries(random, 2000, false)));
            report("table as of an arbitrary past moment (1,000 queries): %s", percentiles(tableQueries(random, 1000, true)));
            // issue 15: the whole province (the province, 13 cities, the counties and offices under them)
            report("roll-up of the whole province (%d members, 200 queries): %s", ProvinceWorkload.AGENCIES,
                   percentiles(rollUps(agencyOfProvince(), 200, false)));
            report("roll-up of the whole province as of a past moment (100 queries): %s", percentiles(rollUps(agencyOfProvince(), 100, true)));
            report("roll-up of a city (100 queries): %s", percentiles(rollUps(ProvinceWorkload.agency(1), 100, false)));


            // the store's own write limit: the rebuilt documents inserted again by the raw driver
            try (MongoClient client = MongoClients.create(infra.mongoUri())) {
                long documents = 0;
                long insertNanos = 0;
                for (String name : List.of("agencies", "requests", "reviews")) {
                    var target = client.getDatabase("foi_benchmark_scratch").getCollection(name);
                    List<Document> chunk = new ArrayList<>(1000);
                    var source = client.getDatabase("foi_query").getCollection(name).find().batchSize(5000).iterator();
                    while (source.hasNext()) {
                        chunk.add(source.next());
                        if (chunk.size() == 1000 || !source.hasNext()) { // only the inserts are timed, not the reads
                            long start = System.nanoTime();
                            target.insertMany(chunk);
                            insertNanos += System.nanoTime() - start;
                            documents += chunk.size();
                            chunk.clear();
                        }
                    }
                }
                client.getDatabase("foi_benchmark_scratch").drop();
                double rawInsert = documents / (insertNanos / 1e9);
                double rebuildWrite = documents / rebuildSeconds;
                report("raw driver insert of the rebuilt read model (the store's write limit): %,d documents in %.1f s "
                       + "(%,.0f documents/s); the whole rebuild produced them at %,.0f documents/s (%.0f%% of it)", documents,
                       insertNanos / 1e9, rawInsert, rebuildWrite, 100 * rebuildWrite / rawInsert);
            }

            // 5. sustained commands/s through the whole pipeline: one call per command, then bulk entry
            sustained(store);
            sustainedBatches(store);

            // 6. projection lag at a fixed command rate
            paced();

            // 7. issue 15: what the query side keeps in memory per request (the ledger's facts, which every table and
            // roll-up counts from): the heap with and without them, after full collections
            ledgerBytes(query);

            query.close();
            command.close();
        } finally {
            Path out = Path.of("target", "benchmark-report.txt");
            Files.write(out, report, StandardCharsets.UTF_8);
            System.out.println("[benchmark] report written to " + out.toAbsolutePath());
            // the store and broker of a 1 M run hold ~3.5 GB: a few runs would fill the disk
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
    }

    /** WRITERS threads log and decide requests as fast as they are answered, for SUSTAINED_SECONDS. */
    private void sustained(CommitLogEventStorageEngine store) throws Exception {
        long before = store.size();
        AtomicLong commands = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SUSTAINED_SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long start = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            int seed = w;
            pool.submit(() -> {
                ProvinceWorkload workload = new ProvinceWorkload(1000 + seed, TODAY.getYear(), TODAY);
                Random random = new Random(seed);
                while (System.nanoTime() < deadline) {
                    String id = logRequest(workload, random);
                    commands.incrementAndGet();
                    if (random.nextInt(10) < 8) {
                        send("POST", commandUrl + "/api/requests/" + id + "/decision",
                             "{\"result\":\"" + workload.result() + "\",\"decidedOn\":\"" + TODAY + "\"}", 200);
                        commands.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(SUSTAINED_SECONDS + 120, TimeUnit.SECONDS);
        double accepted = seconds(start);
        long total = store.size();
        awaitProjected(total, Duration.ofMinutes(10));
        double throughPipeline = seconds(start);
        report("sustained, %d HTTP writers for %d s: %,d commands accepted (%,.0f commands/s); projected %.1f s after "
               + "the start (%,.0f commands/s through the whole pipeline); %,d events stored", WRITERS, SUSTAINED_SECONDS,
               commands.get(), commands.get() / accepted, throughPipeline, commands.get() / throughPipeline, total - before);
    }

    static final int BATCH_WRITERS = Integer.getInteger("benchmark.batch-writers", 8);
    static final int BATCH_SIZE = Integer.getInteger("benchmark.batch-size", 100);

    /**
     * BATCH_WRITERS threads send batches of BATCH_SIZE receipts (80 % with their decision) to
     * POST /api/agencies/{id}/requests/batch for SUSTAINED_SECONDS: the same commands, checked one by one,
     * without an HTTP exchange each.
     */
    private void sustainedBatches(CommitLogEventStorageEngine store) throws Exception {
        long before = store.size();
        AtomicLong commands = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SUSTAINED_SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(BATCH_WRITERS);
        long start = System.nanoTime();
        for (int w = 0; w < BATCH_WRITERS; w++) {
            int seed = w;
            pool.submit(() -> {
                ProvinceWorkload workload = new ProvinceWorkload(2000 + seed, TODAY.getYear(), TODAY);
                Random random = new Random(2000 + seed);
                while (System.nanoTime() < deadline) {
                    StringBuilder batch = new StringBuilder("{\"requests\":[");
                    int decisions = 0;
                    for (int i = 0; i < BATCH_SIZE; i++) {
                        String receipt = logRequestBody(workload, random);
                        if (random.nextInt(10) < 8) {
                            receipt = receipt.substring(0, receipt.length() - 1) + ",\"decision\":{\"result\":\""
                                      + workload.result() + "\",\"decidedOn\":\"" + TODAY + "\"}}";
                            decisions++;
                        }
                        batch.append(i == 0 ? "" : ",").append(receipt);
                    }
                    JsonNode answer = send("POST", commandUrl + "/api/agencies/" + ProvinceWorkload.agency(random.nextInt(ProvinceWorkload.AGENCIES))
                                                   + "/requests/batch", batch.append("]}").toString(), 200);
                    if (answer.get("refused").asInt() != 0) {
                        throw new IllegalStateException("batch items refused: " + answer);
                    }
                    commands.addAndGet(BATCH_SIZE + decisions);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(SUSTAINED_SECONDS + 120, TimeUnit.SECONDS);
        double accepted = seconds(start);
        long total = store.size();
        awaitProjected(total, Duration.ofMinutes(10));
        double throughPipeline = seconds(start);
        report("sustained bulk entry, %d writers of %d-request batches for %d s: %,d commands accepted (%,.0f commands/s); "
               + "projected %.1f s after the start (%,.0f commands/s through the whole pipeline); %,d events stored",
               BATCH_WRITERS, BATCH_SIZE, SUSTAINED_SECONDS, commands.get(), commands.get() / accepted, throughPipeline,
               commands.get() / throughPipeline, total - before);
    }

    /** PACED_RATE commands/s for 30 s; every logged request's time from acceptance to readable on the query side. */
    private void paced() throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        ExecutorService watchers = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        ProvinceWorkload workload = new ProvinceWorkload(99, TODAY.getYear(), TODAY);
        Random random = new Random(99);
        long intervalMicros = 1_000_000L / PACED_RATE;
        var tick = ticker.scheduleAtFixedRate(() -> senders.submit(() -> {
            String id = logRequest(workload, random);
            long accepted = System.nanoTime();
            if (sent.incrementAndGet() % 4 == 0) { // every fourth request is watched until the query side has it
                watchers.submit(() -> {
                    while (status("GET", queryUrl + "/api/requests/" + id) != 200) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
                    }
                    lags.add(System.nanoTime() - accepted);
                    return null;
                });
            }
            return null;
        }), 0, intervalMicros, TimeUnit.MICROSECONDS);
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() -> seconds(start) >= 30);
        tick.cancel(false);
        ticker.shutdown();
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        watchers.shutdown();
        watchers.awaitTermination(5, TimeUnit.MINUTES);
        long[] samples = lags.stream().mapToLong(Long::longValue).toArray();
        report("projection lag at %d commands/s for 30 s (%,d commands, %,d watched): accepted → readable %s",
               PACED_RATE, sent.get(), samples.length, percentiles(samples));
    }

    private synchronized String logRequestBody(ProvinceWorkload workload, Random random) {
        return "{\"receivedOn\":\"" + TODAY.minusDays(random.nextInt(20)) + "\",\"channel\":\"" + workload.channel()
               + "\",\"applicant\":{\"type\":\"" + workload.applicantType() + "\",\"name\":\"申请人" + random.nextInt(50_000)
               + "\"},\"subject\":\"基准测试\"}";
    }

    private String logRequest(ProvinceWorkload workload, Random random) throws Exception {
        return send("POST", commandUrl + "/api/agencies/" + ProvinceWorkload.agency(random.nextInt(ProvinceWorkload.AGENCIES))
                            + "/requests", logRequestBody(workload, random), 201).get("requestId").asText();
    }

    private static void awaitProcessorsCaughtUp(ConfigurableApplicationContext command, CommitLogEventStorageEngine store) {
        org.axonframework.config.EventProcessingConfiguration processing =
                command.getBean(org.axonframework.config.EventProcessingConfiguration.class);
        long head = ((org.axonframework.eventhandling.GlobalSequenceTrackingToken) store.createHeadToken()).getGlobalIndex();
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String name : List.of("kafka-publisher", "request-register")) {
                var processor = processing.eventProcessor(name, org.axonframework.eventhandling.TrackingEventProcessor.class)
                                          .orElseThrow();
                if (processor.processingStatus().values().stream().anyMatch(s -> s.getCurrentPosition().orElse(-1) < head)) {
                    return false;
                }
            }
            return true;
        });
    }

    private void awaitProjected(long events, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode projection = send("GET", queryUrl + "/api/admin/projection", null, 200);
            return projection.get("end").asLong() >= events && projection.get("lag").asLong() == 0;
        });
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private int status(String method, String url) throws Exception {
        return http.send(request(url).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode send(String method, String url, String body, int expected) throws Exception {
        HttpRequest.Builder builder = request(url);
        if (body != null) {
            builder.header("Content-Type", "application/json")
                   .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    static final int VERIFY_RUNS = Integer.getInteger("benchmark.verify-runs", 3);

    /**
     * Issue 16: the raw read of the log along the verification's own path ({@code EventStoreReader.forEachCommit},
     * each event only counted) and {@code GET /api/audit/verification} as an administrator, alternately
     * VERIFY_RUNS times each (the best of each taken: the machine is shared), then one more verification, untimed,
     * that the heap is measured in, after full collections, at half and at nine tenths of the log.
     */
    private void verification(ConfigurableApplicationContext query, long stored, double rawDriverRate) throws Exception {
        cn.foi.query.eventlog.EventStoreReader reader = query.getBean(cn.foi.query.eventlog.EventStoreReader.class);
        double bestRaw = 0;
        double bestVerify = 0;
        double bestServerSeconds = 0;
        List<String> runs = new ArrayList<>();
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long peakHeap = 0;
        JsonNode verified = null;
        for (int run = 0; run < VERIFY_RUNS; run++) {
            long start = System.nanoTime();
            long[] events = {0};
            reader.forEachCommit(commit -> {
                for (Object event : commit.getList("events", Document.class)) {
                    if (event != null) {
                        events[0]++;
                    }
                }
                return true;
            });
            double raw = events[0] / seconds(start);
            if (events[0] != stored) {
                throw new AssertionError("forEachCommit read " + events[0] + " events of " + stored);
            }
            bestRaw = Math.max(bestRaw, raw);

            // the heap sampled every 50 ms while the verification runs (garbage included: a ceiling, not what is kept)
            AtomicLong peak = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                                        0, 50, TimeUnit.MILLISECONDS);
            start = System.nanoTime();
            verified = send("GET", queryUrl + "/api/audit/verification", null, 200);
            double verify = stored / seconds(start);
            sampler.shutdownNow();
            checkVerified(verified, stored);
            peakHeap = Math.max(peakHeap, peak.get());
            if (verify > bestVerify) {
                bestVerify = verify;
                bestServerSeconds = verified.get("seconds").asDouble();
            }
            runs.add(String.format("%,.0f / %,.0f", raw, verify));
        }
        report("log verification (GET /api/audit/verification as admin): %,d events, %,d aggregates, verified %s; "
               + "best of %d: %,.0f events/s (%.1f s; %.1f s in the service)", verified.get("events").asLong(),
               verified.get("aggregates").asLong(), verified.get("verified").asBoolean(), VERIFY_RUNS, bestVerify,
               stored / bestVerify, bestServerSeconds);
        report("  raw read on the same path (EventStoreReader.forEachCommit, events counted): best of %d %,.0f events/s "
               + "(%.1f s); verification = %.0f%% of it (target >= 50 %%); %.0f%% of the raw driver read above (%,.0f events/s)",
               VERIFY_RUNS, bestRaw, stored / bestRaw, 100 * bestVerify / bestRaw, 100 * bestVerify / rawDriverRate, rawDriverRate);
        report("  runs (raw / verification, events/s, alternately): %s", String.join("; ", runs));

        // memory: the heap after full collections before, and twice during one more verification (each collection
        // pauses it, so this run is not timed)
        long before = usedHeapAfterCollection();
        long[] during = new long[2];
        var pool = Executors.newSingleThreadExecutor();
        var answer = pool.submit(() -> send("GET", queryUrl + "/api/audit/verification", null, 200));
        double[] fractions = {0.5, 0.9};
        for (int i = 0; i < fractions.length; i++) {
            long mark = (long) (stored * fractions[i]);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                JsonNode progress = send("GET", queryUrl + "/api/audit/verification/progress", null, 200);
                return answer.isDone() || progress.get("verifiedEvents").asLong() >= mark;
            });
            if (answer.isDone()) {
                throw new AssertionError("the verification ended before " + fractions[i] + " of the log: " + answer.get());
            }
            during[i] = usedHeapAfterCollection();
        }
        checkVerified(answer.get(), stored);
        pool.shutdown();
        long after = usedHeapAfterCollection();
        long aggregates = verified.get("aggregates").asLong();
        report("  heap after full collections (services and harness share the JVM): %,d MB before, %,d MB at half the log, "
               + "%,d MB at nine tenths, %,d MB after; peak sampled during the timed verifications %,d MB (garbage included); "
               + "(nine tenths - before) / %,d aggregates = about %,d bytes an aggregate", before >> 20, during[0] >> 20,
               during[1] >> 20, after >> 20, peakHeap >> 20, aggregates, aggregates == 0 ? 0 : (during[1] - before) / aggregates);
    }

    private static void checkVerified(JsonNode verification, long stored) {
        if (!verification.get("verified").asBoolean() || verification.get("events").asLong() != stored) {
            throw new AssertionError("the intact log did not verify as " + stored + " events: " + verification);
        }
    }

    /** When the province's history was in the store: a roll-up as of a past moment asks for one after it. */
    private Instant seededAt;

    private static String agencyOfProvince() {
        return ProvinceWorkload.agency(0);
    }

    /** The times of {@code count} roll-ups of last year, now or as of a moment since the history was seeded. */
    private long[] rollUps(String agency, int count, boolean asOfPastMoment) throws Exception {
        Random random = new Random(11);
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long since = Duration.between(seededAt, Instant.now()).toMillis();
            String asOf = asOfPastMoment ? "?asOf=" + seededAt.plusMillis((long) (random.nextDouble() * since)) : "";
            long start = System.nanoTime();
            send("GET", queryUrl + "/api/agencies/" + agency + "/roll-up/" + (TODAY.getYear() - 1) + asOf, null, 200);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** Heap used after full collections (both services and this harness share the JVM: only differences mean anything). */
    private static long usedHeapAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /** The ledger's bytes per request: the heap with it, then without it (cleared at the end of the run). */
    private void ledgerBytes(ConfigurableApplicationContext query) {
        cn.foi.query.projection.Ledger ledger = query.getBean(cn.foi.query.projection.Ledger.class);
        long requests = ledger.agencies().keySet().stream().mapToLong(a -> ledger.requests(a).size()).sum();
        long with = usedHeapAfterCollection();
        ledger.clear();
        long without = usedHeapAfterCollection();
        report("query-service memory per request (ledger facts): %,d requests, %,d MB with them, %,d MB without: about %,d bytes "
               + "a request", requests, with / (1024 * 1024), without / (1024 * 1024), requests == 0 ? 0 : (with - without) / requests);
    }

    /** The times of {@code count} queries of last year's table of random agencies, now or as of the last ten minutes. */
    private long[] tableQueries(Random random, int count, boolean asOfPastMoment) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String asOf = asOfPastMoment ? "?asOf=" + Instant.now().minusSeconds(random.nextInt(600)) : "";
            long start = System.nanoTime();
            send("GET", queryUrl + "/api/agencies/" + ProvinceWorkload.agency(random.nextInt(ProvinceWorkload.AGENCIES))
                        + "/annual-tables/" + (TODAY.getYear() - 1) + asOf, null, 200);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static String percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return "no samples";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                             sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void report(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("[benchmark] " + line);
    }
}
