package cn.foi.query.endtoend;

import cn.foi.command.CommandServiceApplication;
import cn.foi.command.eventstore.CommitLogEventStorageEngine;
import cn.foi.infra.EmbeddedInfrastructure;
import cn.foi.query.QueryServiceApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import cn.foi.access.Role;
import cn.foi.access.UserAccount;
import cn.foi.access.UserStore;
import org.springframework.security.crypto.password.PasswordEncoder;
import java.util.EnumSet;
import java.util.Set;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The whole system in this JVM, as `./run` starts it: the embedded Mongo-wire server and KRaft broker,
 * the command service and the query service, each on a free port, talking over real sockets. Started
 * once and shared by the end-to-end tests (each test uses its own agencies).
 */
final class Services {

    private static Services shared;
    static final String ADMIN_PASSWORD = "admin-secret-for-tests";
    static final String HARNESS_USER = "e2e-harness";
    static final String HARNESS_PASSWORD = "harness-secret-for-tests";

    final Path dataDir;
    EmbeddedInfrastructure infra;
    ConfigurableApplicationContext command;
    ConfigurableApplicationContext query;
    String commandUrl;
    String queryUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final ObjectMapper json = new ObjectMapper();

    private Services(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Discards the shared system if one was started (at the end of the test run). */
    static void discardShared() {
        Services running;
        synchronized (Services.class) {
            running = shared;
        }
        if (running != null) {
            running.discard();
        }
    }

    static synchronized Services shared() {
        if (shared == null) {
            try {
                shared = new Services(Files.createTempDirectory("foi-e2e"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            shared.startAll();
        }
        return shared;
    }

    void startAll() {
        // a holiday notice dropped as a file, as an agency would between releases
        try (var notice = Services.class.getResourceAsStream("/calendar/2018.txt")) {
            Files.createDirectories(dataDir.resolve("calendar"));
            Files.copy(notice, dataDir.resolve("calendar/2018.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        infra = EmbeddedInfrastructure.start(dataDir, 0, 0);
        startCommand();
        startQuery();
    }

    /** The query service's port, chosen once: the command service drafts reports there (publication). */
    private final int queryPort = freePort();

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void startCommand() {
        command = CommandServiceApplication.start("--server.port=0", "--foi.admin.password=" + ADMIN_PASSWORD,
                                                  "--foi.query-service.url=http://localhost:" + queryPort, "--spring.data.mongodb.uri=" + infra.mongoUri(),
                                                  "--foi.kafka.bootstrap=" + infra.kafkaBootstrap(),
                                                  "--foi.calendar.dir=" + dataDir.resolve("calendar"));
        commandUrl = "http://localhost:" + command.getEnvironment().getProperty("local.server.port");
        // The harness acts with every role on every agency, a combination the user API refuses to create;
        // SecurityTest checks what each real role may and may not do.
        command.getBean(UserStore.class).save(new UserAccount(HARNESS_USER,
                command.getBean(PasswordEncoder.class).encode(HARNESS_PASSWORD), EnumSet.allOf(Role.class),
                Set.of(UserAccount.ALL_AGENCIES)));
    }

    void startQuery() {
        // small batches, so that a rebuild in these tests lasts long enough to be interrupted half-way; small flush
        // windows while behind, so that catching up writes several times (a rebuild still writes once, at its end)
        query = QueryServiceApplication.start("--server.port=" + queryPort, "--foi.projection.batch-size=100", "--foi.projection.flush-events=300",
                                              // a gap below the store's head is repaired after 2 s here (10 s by default)
                                              "--foi.completeness.grace=PT2S", "--foi.completeness.watch-every=PT0.5S",
                                              "--spring.data.mongodb.uri=" + infra.mongoUri(),
                                              "--foi.kafka.bootstrap=" + infra.kafkaBootstrap(),
                                              "--foi.command-service.url=" + commandUrl);
        queryUrl = "http://localhost:" + query.getEnvironment().getProperty("local.server.port");
        await().atMost(Duration.ofSeconds(60)).until(() -> get(queryUrl + "/actuator/health").status() == 200);
    }

    /** Stops everything, keeping the data for {@link #startAll()} (the shared system stays this one). */
    void stopAll() {
        if (query != null) {
            query.close();
        }
        if (command != null) {
            command.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    /** Stops everything and deletes its data: the end of the shared system (a restart keeps the data). */
    void discard() {
        synchronized (Services.class) {
            if (shared == this) {
                shared = null;
            }
        }
        stopAll();
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        } catch (IOException e) {
            System.err.println("NOTICE: could not delete " + dataDir + ": " + e.getMessage());
        }
    }

    CommitLogEventStorageEngine eventStore() {
        return command.getBean(CommitLogEventStorageEngine.class);
    }

    record Response(int status, String contentType, String body, JsonNode json) {
    }

    /** The same calls made as another user (or with no credentials when {@code username} is null). */
    Client as(String username, String password) {
        return new Client(username, password);
    }

    final class Client {
        private final String username;
        private final String password;

        private Client(String username, String password) {
            this.username = username;
            this.password = password;
        }

        Response post(String url, String body) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                                   .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), username, password);
        }

        Response put(String url, String body) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                                   .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), username, password);
        }

        Response postText(String url, String body) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain; charset=UTF-8")
                                   .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), username, password);
        }

        Response get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET(), username, password);
        }

        Response upload(String url, String fileName, byte[] bytes) {
            return send(multipart(url, fileName, bytes), username, password);
        }

        /** The status and raw bytes of a download. */
        HttpResponse<byte[]> download(String url) {
            return exchange(HttpRequest.newBuilder(URI.create(url)).GET(), username, password, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** One file in the multipart field "file", as a browser's form sends it. */
    static HttpRequest.Builder multipart(String url, String fileName, byte[] bytes) {
        String boundary = "----foi-test-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                       + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    Response upload(String url, String fileName, byte[] bytes) {
        return send(multipart(url, fileName, bytes));
    }

    Response post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Response putText(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain; charset=UTF-8")
                               .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Response put(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                               .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** The raw bytes of a download (as the harness user). */
    byte[] download(String url) {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(url)).GET(), HARNESS_USER,
                                                 HARNESS_PASSWORD, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        return send(request, HARNESS_USER, HARNESS_PASSWORD);
    }

    private Response send(HttpRequest.Builder request, String username, String password) {
        HttpResponse<String> response = exchange(request, username, password,
                                                 HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode node = null;
        if (type.contains("json") && !response.body().isEmpty()) {
            try {
                node = json.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Response(response.statusCode(), type, response.body(), node);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, String username, String password,
                                         HttpResponse.BodyHandler<T> body) {
        if (username != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
