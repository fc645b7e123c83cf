package cn.foi.events.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * The agency saved texts of its annual report of {@code year}: the parts given ({@code ReportSection} code → text;
 * an empty text returns the part to its default), each save a new {@code version} of the whole set. Who saved them
 * is the event's {@code userId}.
 */
public record ReportTextsRecorded(String agencyId, int year, int version, LocalDate recordedOn, Map<String, String> sections) {
}
