package cn.foi.events.calendar;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Working days as the Regulations count them: Monday to Friday, minus official days off, plus weekend
 * make-up working days, from the yearly arrangements loaded into it.
 * <p>
 * A date in a year with no arrangement loaded is counted Monday to Friday <em>provisionally</em>: the
 * result says so ({@link Deadline#provisional()}), and names the years missing, rather than passing a
 * guess off as the law. (Refusing outright would stop every December receipt whose deadline falls in a
 * year whose notice is not out yet.)
 */
public final class WorkingDayCalendar {

    private static final int[] SHIPPED_YEARS = {2024, 2025, 2026};

    private final Map<Integer, YearArrangement> years;

    private WorkingDayCalendar(Map<Integer, YearArrangement> years) {
        this.years = Map.copyOf(years);
    }

    /** The arrangements that ship with the project (2024–2026). */
    public static WorkingDayCalendar shipped() {
        Map<Integer, YearArrangement> years = new TreeMap<>();
        for (int year : SHIPPED_YEARS) {
            String name = year + ".txt";
            try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing calendar resource " + name);
                }
                years.put(year, YearArrangement.parse(new InputStreamReader(in, StandardCharsets.UTF_8), name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new WorkingDayCalendar(years);
    }

    /** A calendar with this year's arrangement added or replaced (a new notice, without a release). */
    public WorkingDayCalendar with(YearArrangement arrangement) {
        Map<Integer, YearArrangement> next = new TreeMap<>(years);
        next.put(arrangement.year(), arrangement);
        return new WorkingDayCalendar(next);
    }

    /** The arrangement loaded for a year, if any. */
    public java.util.Optional<YearArrangement> arrangement(int year) {
        return java.util.Optional.ofNullable(years.get(year));
    }

    /** The years with an arrangement, in order. */
    public java.util.SortedSet<Integer> years() {
        return new java.util.TreeSet<>(years.keySet());
    }

    public boolean knows(int year) {
        return years.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        YearArrangement arrangement = years.get(day.getYear());
        if (arrangement != null) {
            return arrangement.isWorkingDay(day);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code workingDays}-th working day after {@code start}; {@code start} itself is not counted
     * (the day of receipt does not count, Art. 33). With the days off and make-up days it crossed.
     */
    public Deadline workingDaysAfter(LocalDate start, int workingDays) {
        return workingDaysAfter(start, workingDays, List.of());
    }

    /**
     * A period during which the clock does not run: the days after {@code from} up to and including
     * {@code until} (a consultation sent on {@code from} and answered on {@code until}).
     */
    public record Pause(LocalDate from, LocalDate until, String reason) {

        public boolean covers(LocalDate day) {
            return day.isAfter(from) && !day.isAfter(until);
        }
    }

    /** As {@link #workingDaysAfter(LocalDate, int)}, not counting the working days inside the pauses. */
    public Deadline workingDaysAfter(LocalDate start, int workingDays, List<Pause> pauses) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        List<LocalDate> daysOffCrossed = new ArrayList<>();
        List<LocalDate> makeUpDaysCrossed = new ArrayList<>();
        List<Integer> unknownYears = new ArrayList<>();
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            YearArrangement arrangement = years.get(day.getYear());
            if (arrangement == null && !unknownYears.contains(day.getYear())) {
                unknownYears.add(day.getYear());
            }
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            LocalDate current = day;
            if (pauses.stream().anyMatch(p -> p.covers(current))) {
                continue;
            }
            if (isWorkingDay(day)) {
                counted++;
                if (weekend) {
                    makeUpDaysCrossed.add(day);
                }
            } else if (!weekend) {
                daysOffCrossed.add(day);
            }
        }
        return new Deadline(start, workingDays, day, daysOffCrossed, makeUpDaysCrossed, unknownYears, pauses);
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** As {@link #workingDaysBetween(LocalDate, LocalDate)}, not counting the working days inside the pauses. */
    public int workingDaysBetween(LocalDate from, LocalDate to, List<Pause> pauses) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate current = day;
            if (isWorkingDay(day) && pauses.stream().noneMatch(p -> p.covers(current))) {
                count++;
            }
        }
        return count;
    }

    /**
     * A counted deadline, able to explain itself: weekday days off (holidays) and weekend make-up working
     * days it crossed, and the years counted provisionally because no arrangement is loaded for them.
     */
    public record Deadline(LocalDate start, int workingDays, LocalDate dueOn, List<LocalDate> daysOffCrossed,
                           List<LocalDate> makeUpWorkingDaysCrossed, List<Integer> provisionalYears,
                           List<Pause> pauses) {

        public Deadline {
            daysOffCrossed = List.copyOf(daysOffCrossed);
            makeUpWorkingDaysCrossed = List.copyOf(makeUpWorkingDaysCrossed);
            provisionalYears = List.copyOf(provisionalYears);
            pauses = List.copyOf(pauses);
        }

        public boolean provisional() {
            return !provisionalYears.isEmpty();
        }

        /** Days as a person reads them: runs of consecutive days as "2025-05-01 至 2025-05-05", joined by 、. */
        static String days(List<LocalDate> days) {
            List<String> runs = new ArrayList<>();
            List<LocalDate> sorted = days.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); ) {
                int end = i;
                while (end + 1 < sorted.size() && sorted.get(end + 1).equals(sorted.get(end).plusDays(1))) {
                    end++;
                }
                runs.add(end == i ? sorted.get(i).toString() : sorted.get(i) + " 至 " + sorted.get(end));
                i = end + 1;
            }
            return String.join("、", runs);
        }

        /** The steps, in Chinese, for a person checking the count. */
        public List<String> explanation() {
            List<String> steps = new ArrayList<>();
            steps.add(start + " 起算（当日不计入）");
            steps.add("计 " + workingDays + " 个工作日");
            if (!daysOffCrossed.isEmpty()) {
                steps.add("跳过法定节假日（工作日休息）" + daysOffCrossed.size() + " 天：" + days(daysOffCrossed));
            }
            if (!makeUpWorkingDaysCrossed.isEmpty()) {
                steps.add("计入周末调休上班日 " + makeUpWorkingDaysCrossed.size() + " 天：" + days(makeUpWorkingDaysCrossed));
            }
            for (Pause pause : pauses) {
                steps.add(pause.from() + " 至 " + pause.until() + " " + pause.reason() + "，期间不计入答复期限");
            }
            if (provisional()) {
                steps.add("注意：" + provisionalYears.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"))
                          + " 年节假日安排尚未载入，暂按周一至周五计算，载入后以正式安排为准");
            }
            steps.add("截止日 " + dueOn);
            return steps;
        }
    }
}
