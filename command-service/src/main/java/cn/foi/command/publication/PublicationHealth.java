package cn.foi.command.publication;

import cn.foi.command.config.EventStoreConfiguration;
import cn.foi.command.eventstore.CommitLogEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far publication to Kafka (and the request register) lag behind the event store. Commands are
 * accepted while Kafka is away, so a lag is reported, not a failure: the service stays UP.
 */
@Component("publication")
class PublicationHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final CommitLogEventStorageEngine store;

    PublicationHealth(@Lazy EventProcessingConfiguration processing, CommitLogEventStorageEngine store) {
        this.processing = processing;
        this.store = store;
    }

    @Override
    public Health health() {
        var head = store.createHeadToken();
        long headIndex = head == null ? -1 : ((GlobalSequenceTrackingToken) head).getGlobalIndex();
        Health.Builder health = Health.up().withDetail("storedEvents", headIndex + 1);
        for (String name : new String[]{EventStoreConfiguration.KAFKA_PUBLISHER, EventStoreConfiguration.REQUEST_REGISTER}) {
            Map<String, Object> details = new LinkedHashMap<>();
            processing.eventProcessor(name, TrackingEventProcessor.class).ifPresent(processor -> {
                details.put("running", processor.isRunning());
                for (EventTrackerStatus status : processor.processingStatus().values()) {
                    long position = status.getCurrentPosition().orElse(-1);
                    details.put("lag", headIndex - position);
                    details.put("error", status.isErrorState() ? String.valueOf(status.getError()) : null);
                }
            });
            health.withDetail(name, details);
        }
        return health.build();
    }
}
