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

    private static Deadlines on(LocalDate today) {
        Clock clock = Clock.fixed(today.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        return new Deadlines(new Ledger(), clock);
    }

    /** Received Monday 2 March 2026: due 20 working days later, on Monday 30 March. */
    private static cn.foi.query.projection.RequestFacts awaitingPaymentSince(LocalDate issuedOn) {
        return new cn.foi.query.projection.RequestFacts("r", cn.foi.events.codes.ApplicantType.NATURAL_PERSON, LocalDate.of(2026, 3, 2),
                2026, false, null, null, 0, null, java.util.List.of(),
                new cn.foi.query.projection.RequestFacts.Stop(cn.foi.query.projection.RequestFacts.Reason.AWAITING_PAYMENT, issuedOn,
                                                              issuedOn.plusDays(15)), null, null);
    }

    @Test
    void a_clock_stopped_today_is_stopped_today_as_it_would_be_for_that_day_in_the_past() {
        LocalDate issuedOn = LocalDate.of(2026, 3, 10);

        assertThat(on(issuedOn).now(awaitingPaymentSince(issuedOn)).pausedBecause()).isEqualTo("等待申请人缴纳信息处理费");
        assertThat(on(LocalDate.of(2026, 4, 20)).asOf(awaitingPaymentSince(issuedOn), issuedOn).pausedBecause()).isNotNull();
    }

    @Test
    void a_fee_notice_after_the_due_date_does_not_undo_the_delay() {
        Deadlines.ClockState clock = on(LocalDate.of(2026, 4, 8)).now(awaitingPaymentSince(LocalDate.of(2026, 4, 2)));

        assertThat(clock.pausedBecause()).isNull();
        assertThat(clock.overdue()).isTrue();
        assertThat(clock.dueOn()).isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    void a_request_received_before_15_may_2019_is_timed_by_the_2008_regulations_15_working_days() {
        Deadlines deadlines = on(LocalDate.of(2026, 4, 8));

        // Monday 13 May 2019: 15 working days (Monday–Friday; no notice loaded for that year) end on Monday 3 June
        assertThat(deadlines.of(LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 13), 0, java.util.List.of()).dueOn())
                .isEqualTo(LocalDate.of(2019, 6, 3));
        // Wednesday 15 May 2019, the day the current Regulations took effect: 20 working days, Wednesday 12 June
        assertThat(deadlines.of(LocalDate.of(2019, 5, 15), LocalDate.of(2019, 5, 15), 0, java.util.List.of()).dueOn())
                .isEqualTo(LocalDate.of(2019, 6, 12));
    }
}
