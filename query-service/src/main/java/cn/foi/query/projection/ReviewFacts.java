package cn.foi.query.projection;

import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;

import java.time.LocalDate;

/** What table 四 needs of one reconsideration or lawsuit. */
public record ReviewFacts(String reviewId, ReviewBlock block, LocalDate filedOn, ReviewResult result,
                          LocalDate concludedOn, java.time.Instant recordedAt, java.time.Instant conclusionRecordedAt) {

    /** What a filed review's view says for table 四. */
    public static ReviewFacts of(cn.foi.query.view.ReviewView view) {
        return new ReviewFacts(view.reviewId(), view.block(), view.filedOn(), view.result(), view.concludedOn(),
                               view.recordedAt(), view.conclusionRecordedAt());
    }

    /** As the tables saw it at {@code moment}: absent before its filing was recorded, pending before its end was. */
    public ReviewFacts asOf(java.time.Instant moment) {
        if (moment == null) {
            return this;
        }
        if (recordedAt != null && recordedAt.isAfter(moment)) {
            return null;
        }
        if (concludedOn != null && conclusionRecordedAt != null && conclusionRecordedAt.isAfter(moment)) {
            return new ReviewFacts(reviewId, block, filedOn, null, null, recordedAt, null);
        }
        return this;
    }

    public boolean isConcludedIn(int year) {
        return concludedOn != null && concludedOn.getYear() == year;
    }

    /** Filed by the end of {@code year} and not concluded by then. */
    public boolean isPendingAtEndOf(int year) {
        return filedOn.getYear() <= year && (concludedOn == null || concludedOn.getYear() > year);
    }
}
