package cn.foi.query.projection;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Behind" decides whether the projection flushes in the background (more records wait) or flushes and waits
 * (what was just consumed must be readable at once): records waiting on any one partition make it behind.
 */
class BehindTest {

    private final TopicPartition first = new TopicPartition("foi.events", 0);
    private final TopicPartition second = new TopicPartition("foi.events", 1);
    private final List<TopicPartition> partitions = List.of(first, second);
    private final MockConsumer<String, byte[]> kafka = new MockConsumer<>(OffsetResetStrategy.EARLIEST);

    BehindTest() {
        kafka.assign(partitions);
        kafka.updateBeginningOffsets(Map.of(first, 0L, second, 0L));
    }

    private void at(long firstPosition, long secondPosition, long firstEnd, long secondEnd) {
        kafka.updateEndOffsets(Map.of(first, firstEnd, second, secondEnd));
        kafka.seek(first, firstPosition);
        kafka.seek(second, secondPosition);
    }

    @Test
    void every_partition_consumed_to_its_end_is_not_behind() {
        at(7, 3, 7, 3);
        assertThat(EventConsumer.lagging(kafka, partitions)).isFalse();
    }

    @Test
    void one_record_waiting_on_one_partition_is_behind() {
        at(7, 2, 7, 3);
        assertThat(EventConsumer.lagging(kafka, partitions)).isTrue();
        at(0, 3, 5000, 3);
        assertThat(EventConsumer.lagging(kafka, partitions)).isTrue();
    }
}
