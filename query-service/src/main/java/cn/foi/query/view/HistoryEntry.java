package cn.foi.query.view;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event in the history an officer or an auditor reads: its global position, the label and business date a
 * person reads, and when and by whom it was recorded. {@code aggregateId} names a review for a review's entries,
 * so that a page can conclude it from the request; {@code recordedAt} and {@code recordedBy} are null for entries
 * projected before they were kept.
 */
public record HistoryEntry(long globalIndex, long sequenceNumber, String type, String label, LocalDate businessDate,
                           Instant recordedAt, String recordedBy, String aggregateId, String summary) {

    /** Whether a history holds the event at this global index (each event joins a history once). */
    static boolean holds(java.util.List<HistoryEntry> history, long globalIndex) {
        for (HistoryEntry entry : history) {
            if (entry.globalIndex() == globalIndex) {
                return true;
            }
        }
        return false;
    }

    /** The entry of an event as published: its position, type, aggregate, and who recorded it when. */
    static HistoryEntry of(cn.foi.events.published.PublishedEvent event, String label, LocalDate businessDate, String summary) {
        return of(event, recordedAt(event), label, businessDate, summary);
    }

    static HistoryEntry of(cn.foi.events.published.PublishedEvent event, Instant recordedAt, String label, LocalDate businessDate,
                           String summary) {
        Object recordedBy = event.metaData() == null ? null : event.metaData().get("userId");
        return new HistoryEntry(event.globalIndex(), event.sequenceNumber(), event.type(), label, businessDate,
                                recordedAt,
                                recordedBy == null ? null : recordedBy.toString(), event.aggregateId(), summary);
    }

    /**
     * When an event was recorded, to the millisecond: the precision a person can ask "as of" and a BSON date keeps, so
     * a view reads back from the store exactly as it was folded (the store's clock gives microseconds).
     */
    public static Instant recordedAt(cn.foi.events.published.PublishedEvent event) {
        return event.timestamp() == null ? null : Instant.parse(event.timestamp()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
