package cn.foi.query.access;

import cn.foi.access.AgencyOwnership;
import cn.foi.query.projection.ReadModel;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;
import cn.foi.query.view.RequestView;
import cn.foi.query.view.ReviewView;

/** The agency of a request or review as projected; what is not projected yet cannot be read anyway. */
@Component
class AgencyOwnershipFromReadModel implements AgencyOwnership {

    private final ReadModel readModel;
    private final cn.foi.query.projection.Ledger ledger;

    AgencyOwnershipFromReadModel(ReadModel readModel, cn.foi.query.projection.Ledger ledger) {
        this.readModel = readModel;
        this.ledger = ledger;
    }

    @Override
    public java.util.List<String> ancestorsOf(String agencyId) {
        return ledger.ancestors(agencyId);
    }

    @Override
    public Optional<String> agencyOfRequest(String requestId) {
        return readModel.request(requestId).filter(RequestView::isReceived).map(view -> view.receipt().agencyId());
    }

    @Override
    public Optional<String> agencyOfReview(String reviewId) {
        return readModel.review(reviewId).filter(ReviewView::isFiled).map(ReviewView::agencyId);
    }
}
