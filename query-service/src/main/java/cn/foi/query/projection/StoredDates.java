package cn.foi.query.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * Dates and instants as the read model stores them: BSON dates (a day as its midnight UTC; an instant to the
 * millisecond, the precision of a BSON date and of the views, see {@code HistoryEntry#recordedAt}). Documents written
 * before issue 13 kept them as ISO text: read here by the JDK's own parsers and rewritten as dates at start-up
 * ({@link WriteBehind#readAll}).
 */
final class StoredDates {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private StoredDates() {
    }

    static Date of(LocalDate day) {
        return day == null ? null : new Date(day.toEpochDay() * MILLIS_PER_DAY);
    }

    static Date of(Instant instant) {
        return instant == null ? null : new Date(instant.toEpochMilli());
    }

    static LocalDate date(Object stored) {
        if (stored instanceof Date date) {
            return LocalDate.ofEpochDay(Math.floorDiv(date.getTime(), MILLIS_PER_DAY));
        }
        return stored == null ? null : LocalDate.parse((String) stored);
    }

    static Instant instant(Object stored) {
        if (stored instanceof Date date) {
            return date.toInstant();
        }
        // to the millisecond, as the views keep it and as the document is rewritten at start-up
        return stored == null ? null : Instant.parse((String) stored).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Whether a stored value is a date as earlier versions wrote it (text): its document is rewritten. */
    static boolean isText(Object stored) {
        return stored instanceof String;
    }

    static java.util.List<LocalDate> dates(java.util.List<?> stored) {
        return stored == null ? java.util.List.of() : stored.stream().map(StoredDates::date).toList();
    }

    static java.util.List<Date> of(java.util.List<LocalDate> days) {
        return days.stream().map(StoredDates::of).toList();
    }
}
