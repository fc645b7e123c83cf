package cn.foi.query.deadline;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.WorkingDayCalendar.Deadline;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A request's legal deadline: the 20th working day after its receipt (Art. 33). Computed when read,
 * from the calendar as it is now, so a newly loaded holiday notice reaches every open request at once.
 * Corrections, extensions and pauses come with the case-workflow issue.
 */
@Component
public class Deadlines {

    public static final int WORKING_DAYS_TO_ANSWER = 20;

    private final WorkingDayCalendar calendar = WorkingDayCalendar.shipped();
    private final Clock clock;

    Deadlines(Clock clock) {
        this.clock = clock;
    }

    /** The deadline, with the working days of an extension (0 when none) added after the original period. */
    public Deadline of(LocalDate clockStartsOn, int extensionWorkingDays, List<WorkingDayCalendar.Pause> pauses) {
        return calendar.workingDaysAfter(clockStartsOn, WORKING_DAYS_TO_ANSWER + extensionWorkingDays, pauses);
    }

    public LocalDate originalDueOn(LocalDate clockStartsOn, List<WorkingDayCalendar.Pause> pauses) {
        return calendar.workingDaysAfter(clockStartsOn, WORKING_DAYS_TO_ANSWER, pauses).dueOn();
    }

    /** Working days from today to the due date; negative when overdue. */
    public int workingDaysLeft(LocalDate dueOn) {
        LocalDate today = LocalDate.now(clock);
        return dueOn.isBefore(today) ? -calendar.workingDaysBetween(dueOn, today)
                                     : calendar.workingDaysBetween(today, dueOn);
    }

    /** ON_TIME within the original period, ON_TIME_AFTER_EXTENSION within the extended one, else LATE. */
    public static String timeliness(LocalDate decidedOn, LocalDate originalDueOn, LocalDate dueOn) {
        if (!decidedOn.isAfter(originalDueOn)) {
            return "ON_TIME";
        }
        return decidedOn.isAfter(dueOn) ? "LATE" : "ON_TIME_AFTER_EXTENSION";
    }
}
