package cn.foi.query.projection;

import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;
import cn.foi.query.view.ReviewView;
import org.bson.Document;

/** Stores a {@link ReviewView} as one document of the {@code reviews} collection, in the shape earlier versions wrote. */
final class ReviewDocuments {

    private ReviewDocuments() {
    }

    static Document encode(ReviewView view) {
        Document doc = new Document("_id", view.reviewId()).append("lastSeq", view.lastSeq());
        if (view.isFiled()) {
            doc.append("requestId", view.requestId())
               .append("agencyId", view.agencyId())
               .append("block", view.block().name())
               .append("filedOn", view.filedOn().toString())
               .append("recordedAt", RequestDocuments.text(view.recordedAt()));
        }
        if (view.result() != null) {
            doc.append("result", view.result().name())
               .append("concludedOn", view.concludedOn().toString())
               .append("conclusionRecordedAt", RequestDocuments.text(view.conclusionRecordedAt()));
        }
        return doc;
    }

    static ReviewView decode(Document doc) {
        String block = doc.getString("block");
        String result = doc.getString("result");
        return new ReviewView(doc.getString("_id"), doc.get("lastSeq", Number.class).longValue(), doc.getString("requestId"),
                              doc.getString("agencyId"), block == null ? null : ReviewBlock.valueOf(block),
                              RequestDocuments.date(doc.getString("filedOn")), RequestDocuments.instant(doc.getString("recordedAt")),
                              result == null ? null : ReviewResult.valueOf(result), RequestDocuments.date(doc.getString("concludedOn")),
                              RequestDocuments.instant(doc.getString("conclusionRecordedAt")));
    }

}
