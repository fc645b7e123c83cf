package cn.foi.events.published;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The events topic keeps every event forever: projections are rebuilt by reading it from offset 0.
 * Creating it, and checking an existing one, lives here so both services agree on what "forever" is.
 */
public final class EventTopic {

    private static final Logger log = LoggerFactory.getLogger(EventTopic.class);
    public static final Map<String, String> RETAIN_FOREVER = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    private EventTopic() {
    }

    /** Creates the topic if it is missing, then fails unless it keeps every record forever. */
    public static void ensure(String bootstrap, String topic, int partitions, short replication) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replication).configs(RETAIN_FOREVER)))
                     .all().get(60, TimeUnit.SECONDS);
                log.info("Created topic {} ({} partitions, replication {}), retention forever", topic, partitions,
                         replication);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            verifyRetainsForever(admin, topic);
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("Cannot prepare Kafka topic " + topic + " at " + bootstrap, e);
        }
    }

    public static void verifyRetainsForever(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(60, TimeUnit.SECONDS).get(resource);
        for (var expected : RETAIN_FOREVER.entrySet()) {
            String actual = config.get(expected.getKey()).value();
            if (!expected.getValue().equals(actual)) {
                throw new IllegalStateException(String.format(
                        "Topic %s has %s=%s; it must be %s so that projections can be rebuilt from it",
                        topic, expected.getKey(), actual, expected.getValue()));
            }
        }
    }
}
