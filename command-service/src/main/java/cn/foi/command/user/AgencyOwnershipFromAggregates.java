package cn.foi.command.user;

import cn.foi.access.AgencyOwnership;
import cn.foi.command.request.RequestDirectory;
import cn.foi.command.review.Review;
import cn.foi.command.config.ReadOnlyUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The agency of a request or review, from the aggregate itself (cached), never from a lagging projection:
 * a request created a moment ago in another agency must already be refused.
 */
@Component
class AgencyOwnershipFromAggregates implements AgencyOwnership {

    private final RequestDirectory requests;
    private final Repository<Review> reviews;

    AgencyOwnershipFromAggregates(RequestDirectory requests, @Lazy Repository<Review> reviewRepository) {
        this.requests = requests;
        this.reviews = reviewRepository;
    }

    @Override
    public Optional<String> agencyOfRequest(String requestId) {
        return requests.find(requestId).map(RequestDirectory.RequestSummary::agencyId);
    }

    @Override
    public Optional<String> agencyOfReview(String reviewId) {
        return read(() -> reviews.load(reviewId).invoke(Review::agencyId));
    }

    private static Optional<String> read(Supplier<String> agency) {
        return ReadOnlyUnitOfWork.read(() -> {
            try {
                return Optional.ofNullable(agency.get());
            } catch (AggregateNotFoundException e) {
                return Optional.empty();
            }
        });
    }
}
