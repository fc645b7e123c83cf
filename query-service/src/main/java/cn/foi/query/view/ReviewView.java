package cn.foi.query.view;

import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reconsideration or lawsuit about a request (table 四), as folded from its events by {@link ReviewFold}: when it
 * was filed, in which block, and how and when it ended. The recording times say what a table as of a moment knew
 * (null: projected before they were kept). {@code lastSeq}: the last of its events applied.
 */
public record ReviewView(String reviewId, long lastSeq, String requestId, String agencyId, ReviewBlock block,
                         LocalDate filedOn, Instant recordedAt, ReviewResult result, LocalDate concludedOn,
                         Instant conclusionRecordedAt) {

    /** Nothing known yet. */
    public static ReviewView empty(String reviewId) {
        return new ReviewView(reviewId, -1, null, null, null, null, null, null, null, null);
    }

    public boolean isFiled() {
        return block != null;
    }
}
