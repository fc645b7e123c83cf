package cn.foi.command.publication;

import cn.foi.command.config.EndOfBatch;
import cn.foi.command.config.EventStoreConfiguration;
import cn.foi.events.published.EventTypes;
import cn.foi.events.published.PublishedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every stored event to Kafka, driven by a tracking processor over the event store: the
 * processor's token is stored only once Kafka has acknowledged (acks=all) every record of the batch ({@link EndOfBatch}),
 * so a Kafka outage delays events and loses none. A failed batch is sent again, which may duplicate
 * records; consumers recognise them by {@link PublishedEvent#globalIndex()}.
 */
@Component
@ProcessingGroup(EventStoreConfiguration.KAFKA_PUBLISHER)
class KafkaEventPublisher {

    private final Producer<String, String> producer;
    private final ObjectMapper objectMapper;
    private final String topic;
    /**
     * When Kafka acknowledged the events this process published last: the republisher leaves alone what was handed
     * over only a moment before the query side asked (in flight to it, not lost).
     */
    private final AcknowledgedTimes acknowledged = new AcknowledgedTimes();

    KafkaEventPublisher(Producer<String, String> producer, ObjectMapper objectMapper,
                        @Value("${foi.kafka.topic:foi.events}") String topic) {
        this.producer = producer;
        this.objectMapper = objectMapper;
        this.topic = topic;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        long globalIndex = ((GlobalSequenceTrackingToken) token).getGlobalIndex();
        Future<RecordMetadata> sent = producer.send(recordOf(payload, message, globalIndex));
        // the batch's token is stored only after this: see EndOfBatch
        EndOfBatch.add(() -> {
            awaitAcknowledged(sent);
            noteAcknowledged(globalIndex);
        });
    }

    private void noteAcknowledged(long globalIndex) {
        acknowledged.note(globalIndex, java.time.Instant.now());
    }

    AcknowledgedTimes acknowledged() {
        return acknowledged;
    }

    /**
     * The record of one stored event, keyed by its aggregate (one partition per aggregate keeps its order), or by its
     * agency on a topic named for it ({@link cn.foi.events.published.EventTopic#keyOf}).
     */
    ProducerRecord<String, String> recordOf(Object payload, DomainEventMessage<?> message, long globalIndex)
            throws JsonProcessingException {
        PublishedEvent published = new PublishedEvent(
                globalIndex, message.getIdentifier(), message.getType(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), EventTypes.nameOf(payload.getClass()),
                null, message.getTimestamp().toString(), message.getMetaData(), objectMapper.valueToTree(payload));
        return new ProducerRecord<>(topic, null, cn.foi.events.published.EventTopic.keyOf(topic, published), objectMapper.writeValueAsString(published),
                                    java.util.List.of(new org.apache.kafka.common.header.internals.RecordHeader(
                                            PublishedEvent.RECORDED_AT_MILLIS_HEADER,
                                            PublishedEvent.recordedAtMillis(message.getTimestamp()))));
    }

    private static void awaitAcknowledged(Future<RecordMetadata> sent) {
        try {
            sent.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka acknowledged; the batch will be retried", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge a published event; the batch will be retried",
                                            e);
        }
    }
}
