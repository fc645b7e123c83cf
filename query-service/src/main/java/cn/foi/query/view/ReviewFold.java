package cn.foi.query.view;

import cn.foi.events.published.PublishedEvent;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;

import java.time.Instant;

/** Folds one event of a review into its view: a pure function; a redelivered event changes nothing. */
public final class ReviewFold {

    private ReviewFold() {
    }

    public static ReviewView apply(ReviewView view, PublishedEvent event, Object payload) {
        if (event.sequenceNumber() <= view.lastSeq()) {
            return view;
        }
        Instant recordedAt = HistoryEntry.recordedAt(event);
        if (payload instanceof ReviewFiled filed) {
            return new ReviewView(view.reviewId(), event.sequenceNumber(), filed.requestId(), filed.agencyId(), filed.block(),
                                  filed.filedOn(), recordedAt, view.result(), view.concludedOn(), view.conclusionRecordedAt());
        }
        if (payload instanceof ReviewConcluded concluded) {
            return new ReviewView(view.reviewId(), event.sequenceNumber(), view.requestId(), view.agencyId(), view.block(),
                                  view.filedOn(), view.recordedAt(), concluded.result(), concluded.concludedOn(), recordedAt);
        }
        return new ReviewView(view.reviewId(), event.sequenceNumber(), view.requestId(), view.agencyId(), view.block(),
                              view.filedOn(), view.recordedAt(), view.result(), view.concludedOn(), view.conclusionRecordedAt());
    }
}
