package cn.foi.query.deadline;

import cn.foi.query.projection.Ledger;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Working days left as the worklist shows them (今日到期, 剩余…, 已超期…), on the shipped 2026 calendar. */
class DeadlinesTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);

    private static int leftOn(LocalDate today, LocalDate dueOn) {
        Clock clock = Clock.fixed(today.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        return new Deadlines(new Ledger(), clock).workingDaysLeft(dueOn);
    }

    @Test
    void due_today_is_zero_days_left() {
        assertThat(leftOn(FRIDAY, FRIDAY)).isZero();
    }

    @Test
    void due_on_the_last_working_day_is_overdue_on_the_rest_day_after_it() {
        assertThat(leftOn(FRIDAY.plusDays(1), FRIDAY)).isNegative();
        assertThat(leftOn(FRIDAY.plusDays(2), FRIDAY)).isNegative();
    }

    @Test
    void overdue_counts_the_working_days_passed_since() {
        assertThat(leftOn(FRIDAY.plusDays(3), FRIDAY)).isEqualTo(-1); // Monday
        assertThat(leftOn(FRIDAY.plusDays(4), FRIDAY)).isEqualTo(-2);
    }

    @Test
    void before_the_due_date_counts_the_working_days_to_it() {
        assertThat(leftOn(FRIDAY.minusDays(4), FRIDAY)).isEqualTo(4); // Monday to Friday
    }
}
