package cn.foi.command.publication;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether an event the query side asks for again is in flight or lost, decided on this host's clock, in bounded memory. */
class AcknowledgedTimesTest {

    private static final Instant STARTED = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final AcknowledgedTimes times = new AcknowledgedTimes();

    @Test
    void an_event_acknowledged_just_before_the_request_was_read_is_in_flight() {
        Instant readAt = STARTED.plusSeconds(60);
        times.note(7, readAt.minusSeconds(2));
        times.note(8, readAt.minusSeconds(6));

        assertThat(times.inFlight(7, STARTED, readAt, SETTLE)).isTrue();
        assertThat(times.inFlight(8, STARTED, readAt, SETTLE)).as("acknowledged long enough ago: lost, sent again").isFalse();
    }

    @Test
    void the_time_the_query_side_wrote_on_its_request_plays_no_part() {
        // a query host whose clock runs a minute ahead: its requestedAt would make every recent event look in flight
        Instant readAt = STARTED.plusSeconds(600);
        times.note(7, readAt.minusSeconds(30));

        assertThat(times.inFlight(7, STARTED, readAt, SETTLE)).isFalse();
    }

    @Test
    void an_event_not_known_here_counts_as_published_when_this_process_started() {
        assertThat(times.inFlight(7, STARTED, STARTED.plusSeconds(3), SETTLE)).as("just started: may be in flight").isTrue();
        assertThat(times.inFlight(7, STARTED, STARTED.plusSeconds(30), SETTLE)).isFalse();
    }

    @Test
    void memory_stays_bounded_at_any_rate_and_an_event_forgotten_is_unknown() {
        Instant at = STARTED.plusSeconds(10);
        for (long index = 0; index < 3L * AcknowledgedTimes.CAPACITY; index++) {
            times.note(index, at);
        }

        assertThat(times.of(3L * AcknowledgedTimes.CAPACITY - 1)).contains(at);
        assertThat(times.of(2L * AcknowledgedTimes.CAPACITY)).contains(at);
        assertThat(times.of(2L * AcknowledgedTimes.CAPACITY - 1)).as("overwritten by a later index").isEmpty();
        assertThat(times.of(0)).isEmpty();
    }
}
