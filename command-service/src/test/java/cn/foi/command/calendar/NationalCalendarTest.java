package cn.foi.command.calendar;

import cn.foi.command.calendar.NationalCalendar.PublishHolidayArrangement;
import cn.foi.command.problem.RuleViolation;
import cn.foi.events.calendar.HolidayArrangementPublished;
import cn.foi.events.calendar.YearArrangement;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

class NationalCalendarTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private AggregateTestFixture<NationalCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NationalCalendar.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(BEIJING).toInstant(), BEIJING));
    }

    private static YearArrangement notice(String text) {
        return YearArrangement.parse(new StringReader(text), "国办发明电〔2026〕X号");
    }

    private static final YearArrangement NEXT_YEAR = notice("""
            year: 2027
            days-off: 2027-01-01, 2027-02-06..2027-02-14
            make-up-working-days: 2027-02-20
            """);

    @Test
    void next_years_notice_is_published_once_and_loading_it_again_records_nothing() {
        fixture.givenNoPriorActivity()
               .when(new PublishHolidayArrangement(NationalCalendar.ID, NEXT_YEAR))
               .expectEvents(HolidayArrangementPublished.of(NationalCalendar.ID, NEXT_YEAR, TODAY))
               .expectResultMessagePayload(true);
        fixture.given(HolidayArrangementPublished.of(NationalCalendar.ID, NEXT_YEAR, TODAY))
               .when(new PublishHolidayArrangement(NationalCalendar.ID, NEXT_YEAR))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void a_shipped_year_is_changed_only_by_different_days() {
        YearArrangement shipped2025 = notice("""
                year: 2025
                days-off: 2025-01-01, 2025-01-28..2025-02-04, 2025-04-04..2025-04-06, 2025-05-01..2025-05-05, 2025-05-31..2025-06-02, 2025-10-01..2025-10-08
                make-up-working-days: 2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11
                """);
        fixture.givenNoPriorActivity()
               .when(new PublishHolidayArrangement(NationalCalendar.ID, shipped2025))
               .expectNoEvents();
        YearArrangement corrected = notice("""
                year: 2025
                days-off: 2025-01-01
                """);
        fixture.givenNoPriorActivity()
               .when(new PublishHolidayArrangement(NationalCalendar.ID, corrected))
               .expectEvents(HolidayArrangementPublished.of(NationalCalendar.ID, corrected, TODAY));
    }

    @Test
    void a_notice_more_than_a_year_ahead_or_before_2008_is_refused() {
        fixture.givenNoPriorActivity()
               .when(new PublishHolidayArrangement(NationalCalendar.ID, notice("year: 2028\ndays-off: 2028-01-01\n")))
               .expectException(RuleViolation.class)
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new PublishHolidayArrangement(NationalCalendar.ID, notice("year: 2007\ndays-off: 2007-01-01\n")))
               .expectException(RuleViolation.class);
    }
}
