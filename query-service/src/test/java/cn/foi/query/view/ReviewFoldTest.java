package cn.foi.query.view;

import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;
import cn.foi.events.published.EventTypes;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A review's view, one event at a time. */
class ReviewFoldTest {

    private static PublishedEvent envelope(long globalIndex, long sequenceNumber, Object payload, String timestamp) {
        return new PublishedEvent(globalIndex, "e-" + globalIndex, "Review", "v-1", sequenceNumber,
                                  EventTypes.nameOf(payload.getClass()), null, timestamp, null, null);
    }

    private static final ReviewFiled FILED = new ReviewFiled("v-1", "r-1", "a-1", ReviewBlock.LITIGATION_DIRECT, LocalDate.of(2024, 11, 5));
    private static final ReviewConcluded CONCLUDED = new ReviewConcluded("v-1", "r-1", "a-1", ReviewResult.CORRECTED, LocalDate.of(2025, 2, 1));

    @Test
    void filed_then_concluded_keeps_both_and_when_each_was_recorded() {
        ReviewView filed = ReviewFold.apply(ReviewView.empty("v-1"), envelope(7, 0, FILED, "2024-11-05T02:00:00Z"), FILED);

        ReviewView concluded = ReviewFold.apply(filed, envelope(9, 1, CONCLUDED, "2025-02-01T03:00:00Z"), CONCLUDED);

        assertThat(concluded).isEqualTo(new ReviewView("v-1", 1, "r-1", "a-1", ReviewBlock.LITIGATION_DIRECT, LocalDate.of(2024, 11, 5),
                                                       Instant.parse("2024-11-05T02:00:00Z"), ReviewResult.CORRECTED,
                                                       LocalDate.of(2025, 2, 1), Instant.parse("2025-02-01T03:00:00Z")));
    }

    @Test
    void a_redelivered_filing_does_not_reopen_a_concluded_review() {
        ReviewView filed = ReviewFold.apply(ReviewView.empty("v-1"), envelope(7, 0, FILED, "2024-11-05T02:00:00Z"), FILED);
        ReviewView concluded = ReviewFold.apply(filed, envelope(9, 1, CONCLUDED, "2025-02-01T03:00:00Z"), CONCLUDED);

        assertThat(ReviewFold.apply(concluded, envelope(7, 0, FILED, "2024-11-05T02:00:00Z"), FILED)).isSameAs(concluded);
    }
}
