package cn.foi.events.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year's official arrangement of days off and weekend make-up working days (调休上班), as the State
 * Council's yearly notice publishes it. Read from a small text file, so a new year's notice is data:
 * <pre>
 * year: 2025
 * days-off: 2025-01-01, 2025-01-28..2025-02-04
 * make-up-working-days: 2025-01-26, 2025-02-08
 * </pre>
 */
public record YearArrangement(int year, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkingDays, String source) {

    public YearArrangement {
        daysOff = Set.copyOf(daysOff);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        for (LocalDate day : daysOff) {
            requireInYear(year, day);
        }
        for (LocalDate day : makeUpWorkingDays) {
            requireInYear(year, day);
            if (daysOff.contains(day)) {
                throw new IllegalArgumentException(day + " 不能既是放假日又是调休上班日 (a day cannot be both off and a make-up working day)");
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("调休上班日 " + day + " 不是周末 (a make-up working day must be a weekend day)");
            }
        }
    }

    private static void requireInYear(int year, LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException("日期 " + day + " 不属于 " + year + " 年 (date outside the year)");
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        if (daysOff.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * Parses the text format above; a bad line is an {@link IllegalArgumentException} naming it. A first
     * comment line names the notice (its title and number) and becomes the source; else {@code source}.
     */
    public static YearArrangement parse(Reader text, String source) {
        Integer year = null;
        String title = null;
        Set<LocalDate> daysOff = new TreeSet<>();
        Set<LocalDate> makeUp = new TreeSet<>();
        try (BufferedReader lines = new BufferedReader(text)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String content = line.strip();
                if (content.startsWith("#") && title == null && year == null && content.length() > 1) {
                    title = content.substring(1).strip();
                }
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                int colon = content.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(source + " 第 " + number + " 行格式有误 (line " + number + ": expected key: value)");
                }
                String key = content.substring(0, colon).strip();
                String value = content.substring(colon + 1).strip();
                try {
                    switch (key) {
                        case "year" -> year = Integer.parseInt(value);
                        case "days-off" -> addDays(value, daysOff);
                        case "make-up-working-days" -> addDays(value, makeUp);
                        default -> throw new IllegalArgumentException("unknown key " + key);
                    }
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new IllegalArgumentException(source + " 第 " + number + " 行日期有误 (line " + number + ": " + e.getMessage() + ")", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (year == null) {
            throw new IllegalArgumentException(source + " 缺少 year (missing year)");
        }
        return new YearArrangement(year, daysOff, makeUp, title != null ? title : source);
    }

    private static void addDays(String value, Set<LocalDate> days) {
        for (String item : value.split(",")) {
            String range = item.strip();
            if (range.isEmpty()) {
                continue;
            }
            int dots = range.indexOf("..");
            LocalDate from = LocalDate.parse(dots < 0 ? range : range.substring(0, dots).strip());
            LocalDate to = dots < 0 ? from : LocalDate.parse(range.substring(dots + 2).strip());
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("range " + range + " ends before it starts");
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                days.add(day);
            }
        }
    }
}
