package cn.foi.infra;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/** A real single-node KRaft Kafka (combined broker + controller) with a persistent log dir. */
final class EmbeddedKafka {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Fixed so that a data dir formatted once is accepted by every later start (base64 of "foi-case-engine!"). */
    static final String CLUSTER_ID = "Zm9pLWNhc2UtZW5naW5lIQ";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final boolean fsync;
    private KafkaRaftServer server;

    EmbeddedKafka(Path logDir, int port, int controllerPort, boolean fsync) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.fsync = fsync;
    }

    int port() {
        return port;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log dir " + logDir, e);
        }
        KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(config()), Time.SYSTEM);
        try {
            candidate.startup(); // returns once the broker has caught up with metadata and is unfenced
        } catch (Throwable e) { // Scala code may throw checked exceptions undeclared
            stopQuietly(candidate);
            throw e;
        }
        server = candidate;
        log.info("Kafka broker started on localhost:{} (controller {}) in {} ms, log dir {}",
            port, controllerPort, (System.nanoTime() - t0) / 1_000_000, logDir);
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        long t0 = System.nanoTime();
        KafkaRaftServer s = server;
        server = null;
        s.shutdown();
        s.awaitShutdown();
        log.info("Kafka broker stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static void stopQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Error while stopping a Kafka broker that failed to start", e);
        }
    }

    private void format() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Formatter()
            .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
            .setNodeId(NODE_ID)
            .setClusterId(CLUSTER_ID)
            .addDirectory(logDir.toString())
            .setMetadataLogDirectory(logDir.toString())
            .setControllerListenerName(CONTROLLER_LISTENER)
            .setReleaseVersion(MetadataVersion.latestProduction())
            .setIgnoreFormatted(true)
            .run();
        log.info("Formatted Kafka storage: {}", out.toString(StandardCharsets.UTF_8).trim());
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        // One broker: 50 partitions per internal topic would only slow down the first group join.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");

        // Events are kept forever; committed group offsets too (default would drop them after 7 idle days).
        p.put("log.retention.hours", "-1");
        p.put("log.retention.ms", "-1");
        p.put("log.retention.bytes", "-1");
        p.put("offsets.retention.minutes", String.valueOf(Integer.MAX_VALUE));
        // Single node, no replicas: fsync every append so that an acknowledged record survives a power loss.
        if (fsync) {
            p.put("log.flush.interval.messages", "1");
        }

        // Sole voter: after a clean restart it resigned and must wait one election timeout (default 1-2 s).
        p.put("controller.quorum.election.timeout.ms", "200");

        // Keep the embedded broker light.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        return p;
    }
}
