package cn.foi.events.calendar;

import cn.foi.events.calendar.WorkingDayCalendar.Deadline;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines counted by hand against the State Council's notices for 2024 and 2025. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.shipped();

    @Test
    void twenty_working_days_across_the_2024_national_day_holiday_and_its_make_up_weekend_days() {
        // received Friday 27 Sep: Sun 29 Sep and Sat 12 Oct are working days, 1–7 Oct are not
        Deadline deadline = calendar.workingDaysAfter(of(2024, 9, 27), 20);
        assertThat(deadline.dueOn()).isEqualTo(of(2024, 10, 30));
        assertThat(deadline.makeUpWorkingDaysCrossed()).containsExactly(of(2024, 9, 29), of(2024, 10, 12));
        assertThat(deadline.daysOffCrossed()).containsExactly(of(2024, 10, 1), of(2024, 10, 2), of(2024, 10, 3),
                                                              of(2024, 10, 4), of(2024, 10, 7));
        assertThat(deadline.provisional()).isFalse();
        assertThat(calendar.workingDaysBetween(of(2024, 9, 27), of(2024, 10, 30))).isEqualTo(20);
    }

    @Test
    void twenty_working_days_across_the_2025_spring_festival_with_a_make_up_sunday_and_saturday() {
        // received Friday 24 Jan: Sun 26 Jan and Sat 8 Feb are working days, 28 Jan – 4 Feb are not
        Deadline deadline = calendar.workingDaysAfter(of(2025, 1, 24), 20);
        assertThat(deadline.dueOn()).isEqualTo(of(2025, 2, 27));
        assertThat(deadline.makeUpWorkingDaysCrossed()).containsExactly(of(2025, 1, 26), of(2025, 2, 8));
        assertThat(deadline.daysOffCrossed()).hasSize(6).contains(of(2025, 1, 28), of(2025, 2, 4));
        assertThat(deadline.explanation()).first().asString().contains("2025-01-24", "不计入");
        assertThat(deadline.explanation()).last().asString().contains("2025-02-27");
        // read by a person: consecutive days as a range, no programmer's list
        String explained = String.join("\n", deadline.explanation());
        assertThat(explained).contains("2025-01-28 至 2025-01-31", "2025-01-26、2025-02-08").doesNotContain("[");
    }

    @Test
    void the_day_of_receipt_is_not_counted_even_when_it_is_a_working_day() {
        assertThat(calendar.workingDaysAfter(of(2025, 3, 3), 1).dueOn()).isEqualTo(of(2025, 3, 4));
        assertThat(calendar.isWorkingDay(of(2024, 10, 12))).isTrue();   // make-up Saturday
        assertThat(calendar.isWorkingDay(of(2024, 10, 7))).isFalse();   // holiday Monday
        assertThat(calendar.isWorkingDay(of(2025, 1, 25))).isFalse();   // ordinary Saturday
    }

    @Test
    void a_year_without_its_notice_is_counted_provisionally_and_says_so() {
        Deadline deadline = calendar.workingDaysAfter(of(2026, 12, 20), 20);
        assertThat(deadline.dueOn()).isEqualTo(of(2027, 1, 15));
        assertThat(deadline.provisional()).isTrue();
        assertThat(deadline.provisionalYears()).containsExactly(2027);
        assertThat(String.join("\n", deadline.explanation())).contains("2027 年节假日安排尚未载入", "暂按周一至周五计算");
    }

    @Test
    void a_new_years_notice_is_data_and_changes_the_count() {
        YearArrangement notice = YearArrangement.parse(new StringReader("""
                # a notice for 2027 as an agency would load it
                year: 2027
                days-off: 2027-01-01, 2027-02-05..2027-02-11
                make-up-working-days: 2027-02-13
                """), "2027.txt");
        Deadline deadline = calendar.with(notice).workingDaysAfter(of(2026, 12, 20), 20);
        assertThat(deadline.provisional()).isFalse();
        assertThat(deadline.dueOn()).isEqualTo(of(2027, 1, 18));
        assertThat(deadline.daysOffCrossed()).containsExactly(of(2027, 1, 1));
    }

    @Test
    void a_malformed_notice_is_refused_with_the_line_it_is_on() {
        assertThatThrownBy(() -> YearArrangement.parse(new StringReader("year: 2027\ndays-off: 2027-13-01\n"), "bad.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("第 2 行");
        assertThatThrownBy(() -> YearArrangement.parse(new StringReader("year: 2027\nmake-up-working-days: 2027-02-10\n"),
                                                       "weekday.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不是周末");
        assertThatThrownBy(() -> YearArrangement.parse(new StringReader("days-off: 2027-01-01\n"), "noyear.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("year");
    }

    @Test
    void every_shipped_year_is_known() {
        for (int year = 2024; year <= 2026; year++) {
            assertThat(calendar.knows(year)).isTrue();
        }
        assertThat(calendar.knows(2023)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // make-up Saturday 2026
    }

    @Test
    void the_days_a_consultation_takes_do_not_count_and_the_qingming_holiday_still_applies() {
        // 20 working days after Mon 3 Mar 2025 end on 31 Mar; a consultation from 10 to 14 Mar takes 4 of them
        assertThat(calendar.workingDaysAfter(of(2025, 3, 3), 20).dueOn()).isEqualTo(of(2025, 3, 31));
        Deadline paused = calendar.workingDaysAfter(of(2025, 3, 3), 20,
                List.of(new WorkingDayCalendar.Pause(of(2025, 3, 10), of(2025, 3, 14), "征求第三方意见")));
        assertThat(paused.dueOn()).isEqualTo(of(2025, 4, 7));
        assertThat(String.join("\n", paused.explanation())).contains("2025-03-10 至 2025-03-14 征求第三方意见");
    }
}
