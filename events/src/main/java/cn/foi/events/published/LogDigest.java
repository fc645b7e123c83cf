package cn.foi.events.published;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The digests that make the event log tamper-evident, stated once for the writer (the command service's storage
 * engine, which seals each event as it stores it) and the verifier (the query service's audit, which recomputes them
 * from the store). Two chains, both SHA-256:
 * <ul>
 *   <li>an event's {@code digest} is over its stored fields exactly as stored (the JSON text of its payload and
 *       metadata, not an upcast object, so a later upcaster changes nothing) and the digest of the event before it in
 *       the same aggregate: an aggregate's history can be checked on its own;</li>
 *   <li>the log's {@code head} after an event is over the head before it and that event's digest, in store (global
 *       index) order: any changed, removed or reordered event changes every head after it. A commit stores the head
 *       after its last event.</li>
 * </ul>
 * Each field is length-prefixed so no two different events encode alike.
 */
public final class LogDigest {

    /** Per stored event: its digest. */
    public static final String DIGEST = "digest";
    /** Per commit: the log's head digest after its last event. */
    public static final String HEAD = "head";
    /** The head of an empty log, and the "previous digest" of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private LogDigest() {
    }

    /** The stored fields of one event that its digest covers. */
    public record StoredFields(String aggregateType, String aggregateId, long sequenceNumber, String eventIdentifier,
                               String payloadType, String payloadRevision, String payload, String metaData,
                               String timestamp) {
    }

    /** The fields of an event as a commit stores it (a BSON document is such a map). */
    public static StoredFields fields(String aggregateType, String aggregateId, Map<String, ?> storedEvent) {
        return new StoredFields(aggregateType, aggregateId, ((Number) storedEvent.get(EventLogLayout.SEQUENCE_NUMBER)).longValue(),
                                (String) storedEvent.get(EventLogLayout.EVENT_IDENTIFIER),
                                (String) storedEvent.get(EventLogLayout.PAYLOAD_TYPE),
                                (String) storedEvent.get(EventLogLayout.PAYLOAD_REVISION),
                                (String) storedEvent.get(EventLogLayout.PAYLOAD),
                                (String) storedEvent.get(EventLogLayout.META_DATA),
                                (String) storedEvent.get(EventLogLayout.TIMESTAMP));
    }

    public static String ofEvent(StoredFields event, String previousInAggregate) {
        MessageDigest sha = sha256();
        field(sha, event.aggregateType());
        field(sha, event.aggregateId());
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        field(sha, event.eventIdentifier());
        field(sha, event.payloadType());
        field(sha, event.payloadRevision());
        field(sha, event.payload());
        field(sha, event.metaData());
        field(sha, event.timestamp());
        field(sha, previousInAggregate);
        return HEX.formatHex(sha.digest());
    }

    public static String nextHead(String head, String eventDigest) {
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(head));
        sha.update(HEX.parseHex(eventDigest));
        return HEX.formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
