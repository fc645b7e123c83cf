package cn.foi.query.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator's bad day, with real processes: officers keep logging requests while a JVM of the embedded default
 * (the infrastructure, the command service, the query service, or all three) is killed with SIGKILL and started
 * again on the same data; in every other cycle the survivors are stopped too and everything restarts, as
 * {@code ./run} would. Afterwards every acknowledged request is readable and counted exactly once, the
 * completeness check says the projection holds every stored event, and no event had to be published again.
 * <p>
 * {@code -Dcrash.rounds=N} (4 in the test suite — each kind once —, 50 in the benchmark profile); the jars are the ones this build
 * packaged. The report goes to {@code target/crash-rounds-report.txt}.
 */
class CrashRoundsIT {

    private static final String AGENCY = "crash-office";
    private static final String ADMIN_PASSWORD = "crash-Admin-Pass-123";
    private static final String CLERK = "crash-clerk";
    private static final String CLERK_PASSWORD = "rounds-Pass-4567"; // a password may not contain its user name
    private static final List<List<String>> KINDS = List.of(List.of("embedded-infra"), List.of("command-service"),
            List.of("query-service"), List.of("embedded-infra", "command-service", "query-service"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int mongoPort;
    private int kafkaPort;
    private int commandPort;
    private int queryPort;

    @BeforeEach
    void ports() throws IOException {
        mongoPort = freePort();
        kafkaPort = freePort();
        commandPort = freePort();
        queryPort = freePort();
    }

    @AfterEach
    void stopEverything() {
        processes.values().forEach(Process::destroyForcibly);
        processes.values().forEach(p -> {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void every_acknowledged_request_survives_killed_processes_counted_once() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 4);
        start("embedded-infra");
        start("command-service");
        start("query-service");
        awaitHealthy();
        assertThat(call("POST", command("/api/agencies"), "admin", ADMIN_PASSWORD,
                        "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"崩溃测试机关\"}").statusCode()).isEqualTo(201);
        assertThat(call("POST", command("/api/users"), "admin", ADMIN_PASSWORD,
                        "{\"username\":\"" + CLERK + "\",\"password\":\"" + CLERK_PASSWORD
                        + "\",\"roles\":[\"OFFICER\",\"SUPERVISOR\"],\"agencies\":[\"" + AGENCY + "\"]}").statusCode()).isEqualTo(201);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger attempted = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> officers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread officer = new Thread(() -> logRequests(acknowledged, attempted, loading), "officer-" + i);
            officer.start();
            officers.add(officer);
        }
        List<String> log = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                List<String> victims = KINDS.get(round % KINDS.size());
                boolean restartAll = (round / KINDS.size()) % 2 == 1;
                int before = acknowledged.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= before + 100);
                victims.forEach(this::kill);
                if (restartAll) {
                    new ArrayList<>(processes.keySet()).forEach(this::stop); // ./run stopping what is left
                }
                for (String name : List.of("embedded-infra", "command-service", "query-service")) {
                    if (!processes.containsKey(name)) {
                        start(name);
                    }
                }
                awaitHealthy();
                int afterRestart = acknowledged.size();
                await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= afterRestart + 50);
                log.add(String.format("round %d: killed %s%s; acknowledged %d, attempted %d", round + 1, victims,
                                      restartAll ? ", then stopped the rest and started all" : victims.size() > 1 ? ", restarted them" : ", restarted it alone",
                                      acknowledged.size(), attempted.get()));
            }
        } finally {
            loading.set(false);
            for (Thread officer : officers) {
                officer.join();
            }
        }

        // every acknowledged request in the tables, once, and the system says its projection is complete
        JsonNode report = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(
                () -> json(call("GET", query("/api/admin/completeness"), "admin", ADMIN_PASSWORD, null)),
                r -> r != null && r.path("complete").asBoolean());
        JsonNode table = json(call("GET", query("/api/agencies/" + AGENCY + "/annual-tables/2024"), CLERK, CLERK_PASSWORD, null));
        int counted = table.get("applications").get("NEW").get("TOTAL").asInt();
        int stored = storedReceived(report);
        List<String> unreadable = acknowledged.stream()
                .filter(id -> call("GET", query("/api/requests/" + id), CLERK, CLERK_PASSWORD, null).statusCode() != 200)
                .toList();
        long repairs = repairsLogged();

        log.add(String.format("crash rounds %d: acknowledged %d, attempted %d, stored %d, counted in table 三 NEW %d, "
                              + "acknowledged but not readable %d, events published again %d; store head %d, complete %s",
                              rounds, acknowledged.size(), attempted.get(), stored, counted, unreadable.size(), repairs,
                              report.get("storeHead").asLong(), report.get("complete").asBoolean()));
        Files.writeString(Path.of("target", "crash-rounds-report.txt"), String.join("\n", log) + "\n");
        log.forEach(System.out::println);

        boolean passed = false;
        try {
            assertThat(unreadable).as("acknowledged requests that cannot be read").isEmpty();
            assertThat(counted).as("table 三 NEW counts every stored request once").isEqualTo(stored);
            assertThat(counted).isBetween(acknowledged.size(), attempted.get());
            assertThat(table.get("completeness").get("complete").asBoolean()).isTrue();
            assertThat(repairs).as("events that had to be published again (each one a component that moved past it)").isZero();
            passed = true;
        } finally {
            if (!passed) { // the evidence outlives the temporary directory
                org.springframework.util.FileSystemUtils.copyRecursively(dataDir.resolve("logs"), Path.of("target", "crash-rounds-logs"));
            }
        }
    }

    private void logRequests(Set<String> acknowledged, AtomicInteger attempted, AtomicBoolean loading) {
        int n = 0;
        while (loading.get()) {
            n++;
            attempted.incrementAndGet();
            HttpResponse<String> response = call("POST", command("/api/agencies/" + AGENCY + "/requests"), CLERK, CLERK_PASSWORD,
                    "{\"receivedOn\":\"2024-05-06\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"申请人"
                    + n + "\"},\"subject\":\"崩溃测试\"}");
            if (response.statusCode() == 201) {
                acknowledged.add(json(response).get("requestId").asText());
            } else if (response.statusCode() == 0) {
                // the service is down: an officer tries again a moment later (a bounded wait, not an assertion)
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
    }

    private static int storedReceived(JsonNode report) {
        for (JsonNode line : report.get("agencyYears")) {
            if (line.get("agencyId").asText().equals(AGENCY) && line.get("year").asInt() == 2024) {
                return line.get("stored").get("received").asInt();
            }
        }
        return 0;
    }

    private long repairsLogged() throws IOException {
        try (Stream<Path> logs = Files.list(dataDir.resolve("logs"))) {
            return logs.filter(p -> p.getFileName().toString().startsWith("command-service"))
                       .flatMap(CrashRoundsIT::lines)
                       .map(line -> java.util.regex.Pattern.compile("Published (\\d+) stored events again").matcher(line))
                       .filter(java.util.regex.Matcher::find)
                       .mapToLong(m -> Long.parseLong(m.group(1)))
                       .sum();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- processes

    private void start(String name) {
        int generation = starts.merge(name, 1, Integer::sum);
        Path jar = jar(name);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                name.equals("embedded-infra") ? "-Xmx1g" : "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("FOI_DATA_DIR", dataDir.toString());
        env.put("FOI_MONGO_PORT", String.valueOf(mongoPort));
        env.put("FOI_KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("FOI_MONGO_URI", "mongodb://localhost:" + mongoPort);
        env.put("FOI_KAFKA_BOOTSTRAP", "localhost:" + kafkaPort);
        env.put("FOI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("FOI_CALENDAR_DIR", dataDir.resolve("calendar").toString());
        env.put("FOI_COMMAND_SERVICE_URL", "http://localhost:" + commandPort);
        if (name.equals("command-service")) {
            env.put("SERVER_PORT", String.valueOf(commandPort));
        } else if (name.equals("query-service")) {
            env.put("SERVER_PORT", String.valueOf(queryPort));
        }
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Files.createDirectories(dataDir.resolve("calendar"));
            Path logFile = dataDir.resolve("logs").resolve(name + "-" + generation + ".log");
            builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
            processes.put(name, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        if (name.equals("embedded-infra")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> portOpen(mongoPort) && portOpen(kafkaPort));
        }
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    private void kill(String name) {
        Process process = processes.remove(name);
        process.destroyForcibly();
        waitFor(process);
    }

    /** SIGTERM, as ./run stops a service. */
    private void stop(String name) {
        Process process = processes.remove(name);
        process.destroy();
        waitFor(process);
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            processes.forEach((name, process) -> {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited: see " + dataDir.resolve("logs"));
                }
            });
            return call("GET", command("/actuator/health"), null, null, null).statusCode() == 200
                   && call("GET", query("/actuator/health"), null, null, null).statusCode() == 200;
        });
    }

    private static Path jar(String module) {
        Path root = Path.of(System.getProperty("foi.root", ".."));
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no " + module + " *-exec.jar: package it first"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + module + "/target", e);
        }
    }

    private String command(String path) {
        return "http://localhost:" + commandPort + path;
    }

    private String query(String path) {
        return "http://localhost:" + queryPort + path;
    }

    private HttpResponse<String> call(String method, String url, String user, String password, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Unanswered(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unanswered(url);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return response.statusCode() == 0 || response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean portOpen(int port) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** No answer at all (connection refused, reset, timed out): status 0. */
    private record Unanswered(String url) implements HttpResponse<String> {
        public int statusCode() { return 0; }
        public HttpRequest request() { return HttpRequest.newBuilder(URI.create(url)).build(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return URI.create(url); }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
