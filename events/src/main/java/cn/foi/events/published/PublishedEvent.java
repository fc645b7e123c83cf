package cn.foi.events.published;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The record each stored event becomes on the Kafka topic (key: {@code aggregateId}, so one request's
 * events stay in order). {@code globalIndex} is the event's position in the event store: unique, gap
 * free and increasing, which is what lets a consumer recognise a redelivery. {@code type} is the simple
 * name of an event record of this module (see {@link EventTypes}); {@code revision} its version.
 */
public record PublishedEvent(long globalIndex, String eventId, String aggregateType, String aggregateId,
                             long sequenceNumber, String type, String revision, String timestamp,
                             Map<String, Object> metaData, JsonNode payload) {
}
