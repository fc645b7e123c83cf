package cn.foi.query.view;

import cn.foi.events.calendar.YearArrangement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The national holiday notices published since the shipped calendar (one stream), folded by {@link CalendarFold}:
 * each year's days off and make-up working days, the notice they come from and when it was published.
 */
public record CalendarView(String calendarId, long lastSeq, Map<Integer, Notice> years, List<HistoryEntry> history) {

    public CalendarView {
        years = java.util.Collections.unmodifiableMap(new TreeMap<>(years));
        history = List.copyOf(history);
    }

    public static CalendarView empty(String calendarId) {
        return new CalendarView(calendarId, -1, Map.of(), List.of());
    }

    /** One year's arrangement as a notice published it. */
    public record Notice(List<LocalDate> daysOff, List<LocalDate> makeUpWorkingDays, String source, LocalDate publishedOn) {
        public Notice {
            daysOff = List.copyOf(daysOff);
            makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
        }

        public YearArrangement arrangement(int year) {
            return new YearArrangement(year, new HashSet<>(daysOff), new HashSet<>(makeUpWorkingDays), source);
        }
    }

    public boolean holds(long globalIndex) {
        return HistoryEntry.holds(history, globalIndex);
    }

    CalendarView with(long lastSeq, int year, Notice notice, HistoryEntry entry) {
        Map<Integer, Notice> changed = new TreeMap<>(years);
        changed.put(year, notice);
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return new CalendarView(calendarId, lastSeq, changed, longer);
    }
}
