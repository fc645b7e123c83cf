package cn.foi.events.published;

/**
 * How the command service's event store lays out its commits in MongoDB, stated once for its writer (the command
 * service's storage engine) and its one outside reader (the query service's completeness check, which compares
 * what it projected with the store itself, read-only). A commit holds one aggregate's events of one append, at the
 * global indexes {@code _id} … {@code lastIndex}; {@code events} lists them with their payload as JSON.
 */
public final class EventLogLayout {

    public static final String COMMITS = "event_commits";
    /** Beside the commits: {@code {_id: "head", next}}, a hint where the end of the log was (never trusted as the end). */
    public static final String META_SUFFIX = "_meta";
    public static final String HEAD_HINT_ID = "head";
    public static final String HEAD_HINT_NEXT = "next";

    public static final String FIRST_INDEX = "_id";
    public static final String LAST_INDEX = "lastIndex";
    public static final String AGGREGATE_ID = "aggregateIdentifier";
    public static final String AGGREGATE_TYPE = "type";
    public static final String EVENTS = "events";
    public static final String SEQUENCE_NUMBER = "sequenceNumber";
    public static final String PAYLOAD_TYPE = "payloadType";
    public static final String PAYLOAD = "payload";
    public static final String TIMESTAMP = "timestamp";
    public static final String EVENT_IDENTIFIER = "eventIdentifier";
    public static final String PAYLOAD_REVISION = "payloadRevision";
    public static final String META_DATA = "metaData";
    public static final String FIRST_SEQUENCE_NUMBER = "firstSequenceNumber";
    public static final String LAST_SEQUENCE_NUMBER = "lastSequenceNumber";

    private EventLogLayout() {
    }
}
