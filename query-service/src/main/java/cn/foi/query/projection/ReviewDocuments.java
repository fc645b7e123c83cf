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
               .append("filedOn", StoredDates.of(view.filedOn()))
               .append("recordedAt", StoredDates.of(view.recordedAt()));
        }
        if (view.result() != null) {
            doc.append("result", view.result().name())
               .append("concludedOn", StoredDates.of(view.concludedOn()))
               .append("conclusionRecordedAt", StoredDates.of(view.conclusionRecordedAt()));
        }
        return doc;
    }

    static ReviewView decode(Document doc) {
        String block = doc.getString("block");
        String result = doc.getString("result");
        return new ReviewView(doc.getString("_id"), doc.get("lastSeq", Number.class).longValue(), doc.getString("requestId"),
                              doc.getString("agencyId"), block == null ? null : ReviewBlock.valueOf(block),
                              StoredDates.date(doc.get("filedOn")), StoredDates.instant(doc.get("recordedAt")),
                              result == null ? null : ReviewResult.valueOf(result), StoredDates.date(doc.get("concludedOn")),
                              StoredDates.instant(doc.get("conclusionRecordedAt")));
    }

    /** Whether a document keeps its dates as text, as versions before issue 13 wrote them: it is rewritten. */
    static boolean datesAsText(Document doc) {
        return StoredDates.isText(doc.get("filedOn")) || StoredDates.isText(doc.get("concludedOn"));
    }
}
