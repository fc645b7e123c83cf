package cn.foi.query.projection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoTextTest {

    @Test
    void reads_every_instant_as_the_jdk_writes_it_exactly_as_the_jdk_reads_it() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(Instant.parse("1970-01-01T00:00:00Z").getEpochSecond(),
                                           Instant.parse("2100-01-01T00:00:00Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(IsoText.instant(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void reads_every_date_as_the_jdk_does() {
        for (LocalDate day = LocalDate.of(1999, 1, 1); day.isBefore(LocalDate.of(2031, 1, 1)); day = day.plusDays(1)) {
            assertThat(IsoText.localDate(day.toString())).isEqualTo(day);
        }
    }

    @Test
    void leaves_anything_else_to_the_jdk_and_its_errors() {
        assertThat(IsoText.instant("2026-12-01T19:17:14+00:00")).isEqualTo(Instant.parse("2026-12-01T19:17:14Z"));
        assertThatThrownBy(() -> IsoText.instant("2026-12-01T25:17:14Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoText.localDate("2026-02-30")).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> IsoText.localDate("2026-1-30")).isInstanceOf(DateTimeParseException.class);
    }
}
