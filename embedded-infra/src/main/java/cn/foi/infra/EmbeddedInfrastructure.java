package cn.foi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Durable stand-ins for MongoDB and Kafka that run inside one JVM and need nothing installed.
 * <ul>
 *   <li>MongoDB wire protocol: mongo-java-server in memory, journaled to {@code <dataDir>/mongo/journal-2.bson}; every
 *       write command is committed to the file before the reply goes out (see the durability knob). Only unique indexes are supported,
 *       there are no transactions/change streams (no replica set).</li>
 *   <li>Kafka: a real single-node KRaft broker (node 1, broker + controller) with its log dir in
 *       {@code <dataDir>/kafka}; topics are never auto-created and records are retained forever.</li>
 * </ul>
 * Logging: unless the application already set levels for them, the broker's loggers ({@code kafka},
 * {@code org.apache.kafka}, {@code state.change.logger}) are set to WARN when logback is the SLF4J backend.
 * Spring Boot re-initialises logback when its context starts, so Boot tests that start this class should set
 * {@code logging.level.kafka=WARN} and {@code logging.level.org.apache.kafka=WARN} themselves.
 * <p>
 * Durability knob: system property {@code foi.infra.fsync}. Default {@code false}: every write is committed
 * to the file before it is acknowledged (safe against a killed JVM) and the file is forced to disk every
 * 100 ms (MongoDB's own default journal interval); Kafka leaves flushing to the OS. {@code true}: every
 * acknowledged write is also fsynced (group commit) — on this machine type an fsync costs 10–15 ms, which
 * makes every write wait for one.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final Path dataDir;
    private final MongoWireServer mongo;
    private final String mongoUri;
    private final EmbeddedKafka kafka;
    private boolean closed;

    private EmbeddedInfrastructure(Path dataDir, MongoWireServer mongo, String mongoUri, EmbeddedKafka kafka) {
        this.dataDir = dataDir;
        this.mongo = mongo;
        this.mongoUri = mongoUri;
        this.kafka = kafka;
    }

    /**
     * Starts MongoDB and Kafka on {@code dataDir}; blocks until both accept clients.
     *
     * @param mongoPort port for the MongoDB wire server, 0 for a free one
     * @param kafkaPort port for the Kafka PLAINTEXT listener, 0 for a free one
     */
    public static EmbeddedInfrastructure start(Path dataDir, int mongoPort, int kafkaPort) {
        BrokerLogLevels.quietUnlessConfigured();
        Path dir = dataDir.toAbsolutePath().normalize();
        boolean fsync = Boolean.parseBoolean(System.getProperty("foi.infra.fsync", "false"));

        MongoWireServer mongo = startMongo(dir.resolve("mongo"), mongoPort, fsync);
        String mongoUri = "mongodb://localhost:" + mongo.localAddress().getPort();
        try {
            int port = kafkaPort == 0 ? freePort() : kafkaPort;
            // Fixed for the lifetime of this instance so that startKafka() finds the same quorum endpoint.
            int controllerPort = freePort();
            EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), port, controllerPort, fsync);
            kafka.start();
            return new EmbeddedInfrastructure(dir, mongo, mongoUri, kafka);
        } catch (Throwable e) {
            mongo.shutdownNow();
            throw e;
        }
    }

    private static MongoWireServer startMongo(Path mongoDir, int port, boolean fsync) {
        try {
            Files.createDirectories(mongoDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + mongoDir, e);
        }
        MongoWireServer server = new MongoWireServer(new JournaledMemoryBackend(mongoDir, fsync));
        try {
            server.bind(new InetSocketAddress("localhost", port));
        } catch (Exception e) {
            // Netty rethrows BindException unchecked-but-checked, which bind() does not clean up after:
            // stop its event loops (non-daemon threads) and close the store ourselves.
            server.shutdownNow();
            throw new IllegalStateException("Cannot start MongoDB on localhost:" + port + ": " + e.getMessage(), e);
        }
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** Connection string for the MongoDB driver, e.g. {@code mongodb://localhost:27017}. */
    public String mongoUri() {
        return mongoUri;
    }

    /** {@code bootstrap.servers} value, e.g. {@code localhost:9092}. */
    public String kafkaBootstrap() {
        return "localhost:" + kafka.port();
    }

    /** Stops only the Kafka broker (for fault tests); its data is kept. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Restarts the Kafka broker on the same port and data dir; blocks until it accepts clients. */
    public void startKafka() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
        }
        kafka.start();
    }

    /** Stops Kafka, then MongoDB; data is flushed to {@code dataDir}. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            kafka.stop();
        } finally {
            // Closes client connections, then the backend, which forces and closes its journal.
            mongo.shutdownNow();
            log.info("embedded infrastructure stopped, data in {}", dataDir);
        }
    }

    /**
     * Runs the infrastructure until the JVM is asked to stop (SIGINT/SIGTERM). Environment: FOI_DATA_DIR
     * (default ./data), FOI_MONGO_PORT (27017), FOI_KAFKA_PORT (9092).
     */
    public static void main(String[] args) {
        // Must happen before the first logger is created; a name other than logback.xml, so the library jar
        // never configures logging for the services that depend on it.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "cn/foi/infra/logback-infra.xml");
        }
        Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

        Path dataDir = Path.of(env("FOI_DATA_DIR", "./data")).toAbsolutePath().normalize();
        int mongoPort = Integer.parseInt(env("FOI_MONGO_PORT", "27017"));
        int kafkaPort = Integer.parseInt(env("FOI_KAFKA_PORT", "9092"));

        EmbeddedInfrastructure infra;
        try {
            infra = start(dataDir, mongoPort, kafkaPort);
        } catch (Throwable e) { // also checked exceptions that libraries throw sneakily
            log.error("embedded infrastructure failed to start (data dir {}, ports mongo {} kafka {})",
                dataDir, mongoPort, kafkaPort, e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping embedded infrastructure");
            try {
                infra.close();
            } finally {
                stopped.countDown();
            }
        }, "embedded-infra-shutdown"));
        log.info("embedded infrastructure ready mongo={} kafka={} data={}", infra.mongoUri(), infra.kafkaBootstrap(), dataDir);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
