package cn.foi.query.deadline;

import cn.foi.events.rules.AnswerPeriod;
import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.WorkingDayCalendar.Deadline;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import cn.foi.query.projection.RequestFacts;

/**
 * A request's legal deadline: the 20th working day after its receipt (Art. 33). Computed when read,
 * from the calendar as it is now, so a newly loaded holiday notice reaches every open request at once.
 * Corrections, extensions and pauses move it; {@link #asOf} replays them up to a given day.
 */
@Component
public class Deadlines {


    private final cn.foi.query.projection.Ledger ledger;
    private final Clock clock;

    Deadlines(cn.foi.query.projection.Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Read at every use: a notice published a moment ago counts at once. */
    public WorkingDayCalendar calendar() {
        return ledger.calendar();
    }

    /** The deadline, with the working days of an extension (0 when none) added after the original period. */
    /** {@code receivedOn} decides the period (15 working days before 15 May 2019, else 20: {@link AnswerPeriod}). */
    public Deadline of(LocalDate receivedOn, LocalDate clockStartsOn, int extensionWorkingDays, List<WorkingDayCalendar.Pause> pauses) {
        return calendar().workingDaysAfter(clockStartsOn, AnswerPeriod.workingDaysFor(receivedOn) + extensionWorkingDays, pauses);
    }

    public LocalDate originalDueOn(LocalDate receivedOn, LocalDate clockStartsOn, List<WorkingDayCalendar.Pause> pauses) {
        return calendar().workingDaysAfter(clockStartsOn, AnswerPeriod.workingDaysFor(receivedOn), pauses).dueOn();
    }

    /**
     * Working days from today to the due date; negative when overdue. A day after the due date is overdue even if no
     * working day has passed since (the rest day after a last working day): at least one, since the earliest answer
     * now comes on a working day after the deadline.
     */
    public int workingDaysLeft(LocalDate dueOn) {
        LocalDate today = LocalDate.now(clock);
        return dueOn.isBefore(today) ? -Math.max(1, calendar().workingDaysBetween(dueOn, today))
                                     : calendar().workingDaysBetween(today, dueOn);
    }

    /** An open request's clock today, by the same rule as for any past day: the worklist and the metrics agree. */
    public ClockState now(RequestFacts facts) {
        return asOf(facts, LocalDate.now(clock));
    }

    /** A request's clock as it stood at the end of {@code day}: stopped (no due date), or due on a day. */
    public record ClockState(LocalDate dueOn, boolean overdue, int workingDaysOverdue, String pausedBecause) {
    }

    /**
     * The clock of a request still open at the end of {@code day}, from the facts dated up to that day:
     * pauses are cut at {@code day}, a stop begun by then counts as a pause up to it, and a correction
     * that arrived later means it was still awaited. A stop begun after the due date does not undo the delay.
     */
    public ClockState asOf(RequestFacts facts, LocalDate day) {
        if (facts.clockStartsOn().isAfter(day)
            || facts.awaitingCorrection() && !facts.stop().since().isAfter(day)) {
            return new ClockState(null, false, 0, RequestFacts.Reason.AWAITING_CORRECTION.label());
        }
        PausesThen then = pausesAt(facts, day);
        List<WorkingDayCalendar.Pause> pauses = then.pauses();
        String pausedBecause = then.pausedBecause();
        LocalDate dueOn = of(facts.receivedOn(), facts.clockStartsOn(), facts.extensionWorkingDays(), pauses).dueOn();
        if (dueOn.isBefore(day)) {
            return new ClockState(dueOn, true, calendar().workingDaysBetween(dueOn, day), null);
        }
        return pausedBecause != null ? new ClockState(null, false, 0, pausedBecause)
                                     : new ClockState(dueOn, false, 0, null);
    }

    /** The pauses of a request's clock as they stood at the end of a day, and why it stood still then (null: it ran). */
    public record PausesThen(List<WorkingDayCalendar.Pause> pauses, String pausedBecause) {
    }

    /**
     * The pauses known at the end of {@code day}: those begun before it, cut at it, and a stop begun by then (a
     * correction, a fee or a consultation awaited) counted up to it. Later pauses were not known that day.
     */
    public PausesThen pausesAt(RequestFacts facts, LocalDate day) {
        List<WorkingDayCalendar.Pause> pauses = new ArrayList<>();
        String pausedBecause = null;
        for (WorkingDayCalendar.Pause pause : facts.pauses()) {
            if (pause.from().isBefore(day)) {
                if (pause.until().isAfter(day)) {
                    pauses.add(new WorkingDayCalendar.Pause(pause.from(), day, pause.reason()));
                    pausedBecause = pause.reason();
                } else {
                    pauses.add(pause);
                }
            }
        }
        if (facts.stop() != null && !facts.stop().since().isAfter(day)) { // stopped that day: stopped at its end
            pauses.add(new WorkingDayCalendar.Pause(facts.stop().since(), day, facts.stop().reason().label()));
            pausedBecause = facts.stop().reason().label();
        }
        return new PausesThen(List.copyOf(pauses), pausedBecause);
    }

    /** Working days the clock ran from its start to the answer, paused days excluded. */
    public int workingDaysTaken(RequestFacts facts) {
        return calendar().workingDaysBetween(facts.clockStartsOn(), facts.decidedOn(), facts.pausesUntilAnswer());
    }

    /** The timeliness of an answered request, by {@link #timeliness(LocalDate, LocalDate, LocalDate)}. */
    public String timelinessOf(RequestFacts facts) {
        List<WorkingDayCalendar.Pause> pauses = facts.pausesUntilAnswer();
        return timeliness(facts.decidedOn(), originalDueOn(facts.receivedOn(), facts.clockStartsOn(), pauses),
                          of(facts.receivedOn(), facts.clockStartsOn(), facts.extensionWorkingDays(), pauses).dueOn());
    }

    /** ON_TIME within the original period, ON_TIME_AFTER_EXTENSION within the extended one, else LATE. */
    public static String timeliness(LocalDate decidedOn, LocalDate originalDueOn, LocalDate dueOn) {
        if (!decidedOn.isAfter(originalDueOn)) {
            return "ON_TIME";
        }
        return decidedOn.isAfter(dueOn) ? "LATE" : "ON_TIME_AFTER_EXTENSION";
    }
}
