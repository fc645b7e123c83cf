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

    /**
     * A record header carrying {@code timestamp} as epoch milliseconds (8 bytes, big-endian), so a consumer need not
     * parse the text: that parse was a tenth of a rebuild. Records published before it have no such header.
     */
    public static final String RECORDED_AT_MILLIS_HEADER = "recordedAtMillis";

    /** The header's value for an event recorded at this moment. */
    public static byte[] recordedAtMillis(java.time.Instant timestamp) {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(timestamp.toEpochMilli()).array();
    }

    /** The moment a header value says, to the millisecond. */
    public static java.time.Instant recordedAtMillis(byte[] header) {
        return java.time.Instant.ofEpochMilli(java.nio.ByteBuffer.wrap(header).getLong());
    }
}
