package cn.foi.command.user;

import cn.foi.access.AgencyOwnership;
import cn.foi.command.request.DisclosureRequest;
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

    private final Repository<DisclosureRequest> requests;
    private final Repository<Review> reviews;

    AgencyOwnershipFromAggregates(@Lazy Repository<DisclosureRequest> disclosureRequestRepository,
                                  @Lazy Repository<Review> reviewRepository) {
        this.requests = disclosureRequestRepository;
        this.reviews = reviewRepository;
    }

    @Override
    public Optional<String> agencyOfRequest(String requestId) {
        return read(() -> requests.load(requestId).invoke(DisclosureRequest::agencyId));
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
