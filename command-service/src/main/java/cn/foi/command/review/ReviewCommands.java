package cn.foi.command.review;

import cn.foi.events.codes.ReviewResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What may be asked of a reconsideration or lawsuit. */
public final class ReviewCommands {

    private ReviewCommands() {
    }

    public enum Kind { RECONSIDERATION, LITIGATION }

    public record FileReview(@TargetAggregateIdentifier String reviewId, String requestId, Kind kind,
                             Boolean afterReconsideration, LocalDate filedOn) {
    }

    public record ConcludeReview(@TargetAggregateIdentifier String reviewId, ReviewResult result, LocalDate concludedOn) {
    }
}
