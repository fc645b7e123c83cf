package cn.foi.command.problem;

import java.time.Clock;
import java.time.LocalDate;

/** Rules every business date obeys, whatever it dates. */
public final class BusinessDates {

    private BusinessDates() {
    }

    /** A business date is today or earlier (Beijing time). */
    public static void requireNotInFuture(LocalDate date, Clock clock, String what) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(what + " " + date + " 晚于今天，不能是将来的日期 (date is in the future)");
        }
    }
}
