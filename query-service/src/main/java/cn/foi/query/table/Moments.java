package cn.foi.query.table;

import cn.foi.query.problem.QueryProblem;
import org.springframework.http.HttpStatus;

/** The moment an auditor asks "as of": a date (its end, Beijing time), a Beijing date-time, or an ISO instant; never later than now. */
public final class Moments {

    private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

    private Moments() {
    }

    public static java.time.Instant parse(String asOf) {
        java.time.Instant moment;
        try {
            if (asOf.matches(".*(Z|[+-]\\d{2}:?\\d{2})$") && asOf.contains("T")) {
                moment = java.time.OffsetDateTime.parse(asOf).toInstant();
            } else if (asOf.contains("T")) {
                moment = java.time.LocalDateTime.parse(asOf).atZone(BEIJING).toInstant();
            } else {
                moment = java.time.LocalDate.parse(asOf).plusDays(1).atStartOfDay(BEIJING).toInstant().minusNanos(1);
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "asOf 应为日期 2025-03-01、北京时间 2025-03-01T10:00 或 ISO 时刻 "
                                                           + "2025-03-01T02:00:00Z (asOf is not a date or time)");
        }
        java.time.Instant now = java.time.Instant.now();
        if (moment.isAfter(now)) {
            // today's date means "as of now"; a later moment has not happened yet
            if (!asOf.contains("T") && java.time.LocalDate.parse(asOf).equals(java.time.LocalDate.now(BEIJING))) {
                return now;
            }
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, "asOf 不能是将来的时点 (asOf is in the future)");
        }
        return moment;
    }

}
