package cn.foi.events.published;

import java.time.Instant;
import java.util.List;

/**
 * Asks the command service to publish the events at these global indexes again (both ends of each range included):
 * the query service found them in the event store but not in its projection. Sent on {@link #TOPIC}; publishing
 * again is harmless, since a consumer applies an event once whatever it is delivered.
 */
public record RepublishRequested(List<Range> ranges, String reason, Instant requestedAt) {

    public static final String TOPIC = "foi.republish";

    public record Range(long first, long last) {
    }
}
