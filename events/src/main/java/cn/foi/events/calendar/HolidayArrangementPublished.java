package cn.foi.events.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A year's holiday arrangement (the State Council's notice) was loaded, or corrected, without a release.
 * From then on every deadline touching that year counts with it; the latest one for a year wins.
 */
public record HolidayArrangementPublished(String calendarId, int year, List<LocalDate> daysOff,
                                          List<LocalDate> makeUpWorkingDays, String source, LocalDate publishedOn) {

    public HolidayArrangementPublished {
        daysOff = List.copyOf(daysOff);
        makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
    }

    public YearArrangement arrangement() {
        return new YearArrangement(year, java.util.Set.copyOf(daysOff), java.util.Set.copyOf(makeUpWorkingDays), source);
    }

    public static HolidayArrangementPublished of(String calendarId, YearArrangement arrangement, LocalDate publishedOn) {
        return new HolidayArrangementPublished(calendarId, arrangement.year(),
                                               arrangement.daysOff().stream().sorted().toList(),
                                               arrangement.makeUpWorkingDays().stream().sorted().toList(),
                                               arrangement.source(), publishedOn);
    }
}
