package cn.foi.query.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The embedded infrastructure in its own JVM, as `./run` starts it, so that its in-memory data and
 * garbage collection do not share a heap with the services being measured.
 */
final class SeparateInfrastructure implements AutoCloseable {

    private final Process process;
    private final int mongoPort;
    private final int kafkaPort;

    private SeparateInfrastructure(Process process, int mongoPort, int kafkaPort) {
        this.process = process;
        this.mongoPort = mongoPort;
        this.kafkaPort = kafkaPort;
    }

    static SeparateInfrastructure start(Path dataDir) throws IOException {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of("..", "embedded-infra", "target"))) {
            jar = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                      .orElseThrow(() -> new IllegalStateException("build embedded-infra first (-am)"));
        }
        int mongoPort = freePort();
        int kafkaPort = freePort();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("java", "-Xmx" + System.getProperty("benchmark.infra-heap", "12g"),
                                                                                     "-XX:MaxTenuringThreshold=0")); // as ./run starts it
        // e.g. -Dbenchmark.infra-jvm-args=-XX:StartFlightRecording=filename=infra.jfr,settings=profile
        String extra = System.getProperty("benchmark.infra-jvm-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(java.util.List.of(extra.split("\\s+")));
        }
        command.addAll(java.util.List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("infra.log").toFile());
        builder.environment().put("FOI_DATA_DIR", dataDir.toString());
        builder.environment().put("FOI_MONGO_PORT", String.valueOf(mongoPort));
        builder.environment().put("FOI_KAFKA_PORT", String.valueOf(kafkaPort));
        Process process = builder.start();
        SeparateInfrastructure infra = new SeparateInfrastructure(process, mongoPort, kafkaPort);
        await().atMost(Duration.ofMinutes(2)).until(() -> answers(mongoPort) && answers(kafkaPort));
        return infra;
    }

    String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static boolean answers(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
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
}
