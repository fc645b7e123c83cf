package cn.foi.command.calendar;

import cn.foi.command.problem.RuleViolation;
import cn.foi.events.calendar.HolidayArrangementPublished;
import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.YearArrangement;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The national working-day calendar: the holiday notices loaded after the release (one stream, since
 * there is one State Council calendar for every agency). The shipped years are its starting point.
 */
@Aggregate
public class NationalCalendar {

    public static final String ID = "national-calendar";
    /** The Regulations as revised took effect in 2019; the platform counts nothing before 2008. */
    private static final int FIRST_YEAR = 2008;

    public record PublishHolidayArrangement(@TargetAggregateIdentifier String calendarId, YearArrangement arrangement) {
    }

    @AggregateIdentifier
    private String calendarId;
    private final Map<Integer, YearArrangement> published = new HashMap<>();

    protected NationalCalendar() {
        // for Axon
    }

    /**
     * A notice for any year from 2008 to next year (notices come out in the autumn before). Loading the
     * same days again changes nothing and records nothing; it answers whether anything changed.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(PublishHolidayArrangement command, Clock clock) {
        YearArrangement arrangement = command.arrangement();
        LocalDate today = LocalDate.now(clock);
        if (arrangement.year() < FIRST_YEAR || arrangement.year() > today.getYear() + 1) {
            throw new RuleViolation("只能载入 " + FIRST_YEAR + " 年至 " + (today.getYear() + 1) + " 年的节假日安排 (year "
                                    + arrangement.year() + " is out of range)");
        }
        YearArrangement inEffect = published.containsKey(arrangement.year()) ? published.get(arrangement.year())
                : WorkingDayCalendar.shipped().arrangement(arrangement.year()).orElse(null);
        if (inEffect != null && inEffect.daysOff().equals(arrangement.daysOff())
            && inEffect.makeUpWorkingDays().equals(arrangement.makeUpWorkingDays())) {
            return false;
        }
        apply(HolidayArrangementPublished.of(command.calendarId(), arrangement, today));
        return true;
    }

    @EventSourcingHandler
    void on(HolidayArrangementPublished event) {
        calendarId = event.calendarId();
        published.put(event.year(), event.arrangement());
    }
}
