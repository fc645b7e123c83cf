package cn.foi.command.publication;

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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every stored event to Kafka, driven by a tracking processor over the event store: the
 * processor's token only moves on once Kafka has acknowledged (acks=all) every record of the batch,
 * so a Kafka outage delays events and loses none. A failed batch is sent again, which may duplicate
 * records; consumers recognise them by {@link PublishedEvent#globalIndex()}.
 */
@Component
@ProcessingGroup(EventStoreConfiguration.KAFKA_PUBLISHER)
class KafkaEventPublisher {

    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final Producer<String, String> producer;
    private final ObjectMapper objectMapper;
    private final String topic;

    KafkaEventPublisher(Producer<String, String> producer, ObjectMapper objectMapper,
                        @Value("${foi.kafka.topic:foi.events}") String topic) {
        this.producer = producer;
        this.objectMapper = objectMapper;
        this.topic = topic;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        PublishedEvent published = new PublishedEvent(
                ((GlobalSequenceTrackingToken) token).getGlobalIndex(), message.getIdentifier(), message.getType(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), EventTypes.nameOf(payload.getClass()),
                null, message.getTimestamp().toString(), message.getMetaData(), objectMapper.valueToTree(payload));
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, message.getAggregateIdentifier(),
                                                                         objectMapper.writeValueAsString(published)));
        pendingOfThisBatch().add(sent);
    }

    /** The futures of the current batch; the batch commits (and the token moves) only when all are acked. */
    private List<Future<RecordMetadata>> pendingOfThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledged(pending));
            return pending;
        });
    }

    private static void awaitAcknowledged(List<Future<RecordMetadata>> pending) {
        try {
            for (Future<RecordMetadata> future : pending) {
                future.get(2, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge a published event; the batch will be retried",
                                            e);
        }
    }
}
