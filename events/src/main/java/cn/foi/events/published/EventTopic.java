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

    /**
     * The ending of a topic's name that keys its records by agency instead of by aggregate (decision 0012): every event
     * of an agency's requests, reviews, case books and the agency itself on one partition, so that query services in
     * one consumer group can each hold a share of the agencies. Said by the name because a topic's keying cannot change
     * under its records (an aggregate's events on two partitions could be read out of order): re-keying is a new topic.
     */
    public static final String KEYED_BY_AGENCY = ".by-agency";

    /** The key of an event's record on {@code topic}: its aggregate, or on a topic keyed by agency, its agency. */
    public static String keyOf(String topic, PublishedEvent event) {
        if (topic.endsWith(KEYED_BY_AGENCY)) {
            com.fasterxml.jackson.databind.JsonNode agency = event.payload() == null ? null : event.payload().get("agencyId");
            if (agency != null && agency.isTextual()) {
                return agency.asText();
            }
        }
        // calendar notices and user administration belong to no agency: by aggregate (every instance needs the
        // calendar: in a split it reads that aggregate's partition too)
        return event.aggregateId();
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
