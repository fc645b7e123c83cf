package cn.foi.query.deadline;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.WorkingDayCalendar.Deadline;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

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

    public Deadline of(LocalDate receivedOn) {
        return calendar.workingDaysAfter(receivedOn, WORKING_DAYS_TO_ANSWER);
    }

    /** Working days from today to the due date; negative when overdue. */
    public int workingDaysLeft(LocalDate dueOn) {
        LocalDate today = LocalDate.now(clock);
        return dueOn.isBefore(today) ? -calendar.workingDaysBetween(dueOn, today)
                                     : calendar.workingDaysBetween(today, dueOn);
    }

    /** ON_TIME when answered on or before the due date, LATE otherwise. */
    public static String timeliness(LocalDate decidedOn, LocalDate dueOn) {
        return decidedOn.isAfter(dueOn) ? "LATE" : "ON_TIME";
    }
}
