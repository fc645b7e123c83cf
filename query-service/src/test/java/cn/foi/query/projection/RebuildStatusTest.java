package cn.foi.query.projection;

import cn.foi.events.published.EventTopic;
import cn.foi.infra.EmbeddedInfrastructure;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a rebuild's status says from the moment it is accepted, on the real broker and store stand-ins. The page
 * polls it and stops polling when it reads "not running": it must never read that before the rebuild ends.
 */
class RebuildStatusTest {

    private static final String TOPIC = "foi.events.rebuild-status";

    @TempDir
    Path dataDir;
    private EmbeddedInfrastructure infra;
    private MongoClient mongo;
    private EventConsumer consumer;

    /** The tables taken before a rebuild begins: held here while the test looks at the status. */
    private final AtomicBoolean holdSnapshot = new AtomicBoolean(true);
    private final CountDownLatch snapshotTaking = new CountDownLatch(1);
    private final CountDownLatch snapshotReleased = new CountDownLatch(1);

    @BeforeEach
    void start() {
        infra = EmbeddedInfrastructure.start(dataDir, 0, 0);
        EventTopic.ensure(infra.kafkaBootstrap(), TOPIC, 2, (short) 1);
        mongo = MongoClients.create(infra.mongoUri());
        ReadModel readModel = new ReadModel(mongo.getDatabase("rebuild_status"), JsonMapper.builder().findAndAddModules().build(),
                                            new Ledger(), 10);
        consumer = new EventConsumer(infra.kafkaBootstrap(), TOPIC, "rebuild-status-test", Duration.ofSeconds(30), 100, 1000, 1000,
                                     readModel, this::tablesSnapshot);
        consumer.start();
        await().atMost(Duration.ofSeconds(30)).until(consumer::isReady);
    }

    private Map<String, Object> tablesSnapshot() {
        if (holdSnapshot.getAndSet(false)) {
            snapshotTaking.countDown();
            try {
                snapshotReleased.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Map.of("some-agency/2025", "its table");
    }

    @AfterEach
    void stop() throws Exception {
        snapshotReleased.countDown();
        consumer.stop();
        mongo.close();
        infra.close();
    }

    @Test
    void a_rebuild_reads_as_running_from_its_acceptance_to_its_end_and_a_second_is_refused_meanwhile() throws Exception {
        assertThat(consumer.rebuildStatus().running()).isFalse();

        assertThat(consumer.requestRebuild()).isTrue();
        assertThat(snapshotTaking.await(30, TimeUnit.SECONDS)).as("the consumer began the rebuild").isTrue();

        // the consumer is between taking the request and recording the start
        assertThat(consumer.rebuildStatus().running()).isTrue();
        assertThat(consumer.rebuildStatus().finishedAt()).isNull();
        assertThat(consumer.requestRebuild()).as("a second rebuild while one is starting").isFalse();

        snapshotReleased.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.rebuildStatus().finishedAt() != null);
        RebuildStatus finished = consumer.rebuildStatus();
        assertThat(finished.running()).isFalse();
        assertThat(finished.tablesEqual()).isTrue();
        assertThat(finished.documents()).as("an empty topic writes nothing")
                                        .containsEntry("inserted", 0L).containsEntry("replaced", 0L);
        assertThat(consumer.requestRebuild()).as("another rebuild once this one ended").isTrue();
    }
}
