package cn.foi.query.projection;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.FeeBasis;
import cn.foi.events.codes.ResultCode;
import cn.foi.query.view.HistoryEntry;
import cn.foi.query.view.RequestView;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a {@link RequestView} as one document of the {@code requests} collection and reads it back: the only
 * place that knows the stored field names. The shape is the one earlier versions wrote, so a store projected by
 * them is read as it is, without a rebuild.
 */
final class RequestDocuments {

    private RequestDocuments() {
    }

    static Document encode(RequestView view) {
        Document doc = new Document("_id", view.requestId()).append("lastSeq", view.lastSeq());
        RequestView.Receipt receipt = view.receipt();
        if (receipt != null) {
            doc.append("agencyId", receipt.agencyId())
               .append("receivedOn", StoredDates.of(receipt.receivedOn()))
               .append("channel", receipt.channel().name())
               .append("applicantType", receipt.applicantType().name())
               .append("applicantName", receipt.applicantName())
               .append("subject", receipt.subject())
               .append("firstYear", receipt.firstYear())
               .append("imported", receipt.imported())
               .append("recordedAt", StoredDates.of(receipt.recordedAt()));
        }
        RequestView.Correction correction = view.correction();
        if (correction != null) {
            Document stored = new Document("requestedOn", StoredDates.of(correction.requestedOn())).append("dueOn", StoredDates.of(correction.dueOn()))
                                                                                         .append("items", correction.items());
            if (correction.receivedOn() != null) {
                stored.append("receivedOn", StoredDates.of(correction.receivedOn()));
            }
            doc.append("correction", stored);
        }
        if (!view.consultations().isEmpty()) {
            List<Document> consultations = new ArrayList<>(view.consultations().size());
            for (RequestView.Consultation c : view.consultations()) {
                Document stored = new Document("consultationId", c.consultationId()).append("party", c.party())
                                                                                    .append("kind", c.kind())
                                                                                    .append("sentOn", StoredDates.of(c.sentOn()));
                if (c.repliedOn() != null) {
                    stored.append("repliedOn", StoredDates.of(c.repliedOn())).append("consents", c.consents());
                }
                consultations.add(stored);
            }
            doc.append("consultations", consultations);
        }
        RequestView.Fee fee = view.fee();
        if (fee != null) {
            Document stored = new Document("issuedOn", StoredDates.of(fee.issuedOn())).append("amountYuan", fee.amountYuan().toPlainString())
                                                                            .append("basis", fee.basis().name())
                                                                            .append("dueOn", StoredDates.of(fee.dueOn()));
            if (fee.paidOn() != null) {
                stored.append("paidOn", StoredDates.of(fee.paidOn()));
            }
            doc.append("fee", stored);
        }
        RequestView.Extension extension = view.extension();
        if (extension != null) {
            doc.append("extension", new Document("grantedOn", StoredDates.of(extension.grantedOn()))
                    .append("workingDays", extension.workingDays())
                    .append("approvedBy", extension.approvedBy())
                    .append("reason", extension.reason()));
        }
        RequestView.Decision decision = view.decision();
        if (decision != null) {
            doc.append("result", decision.result().name())
               .append("decidedOn", StoredDates.of(decision.decidedOn()))
               .append("decisionRecordedAt", StoredDates.of(decision.recordedAt()))
               .append("note", decision.note());
        }
        doc.append("history", encode(view.history()));
        return doc;
    }

    static RequestView decode(Document doc) {
        RequestView.Receipt receipt = doc.getString("agencyId") == null ? null
                : new RequestView.Receipt(doc.getString("agencyId"), StoredDates.date(doc.get("receivedOn")),
                                          Channel.valueOf(doc.getString("channel")),
                                          ApplicantType.valueOf(doc.getString("applicantType")), doc.getString("applicantName"),
                                          doc.getString("subject"), doc.getInteger("firstYear"),
                                          Boolean.TRUE.equals(doc.getBoolean("imported")), StoredDates.instant(doc.get("recordedAt")));
        Document c = doc.get("correction", Document.class);
        RequestView.Correction correction = c == null ? null
                : new RequestView.Correction(StoredDates.date(c.get("requestedOn")), StoredDates.date(c.get("dueOn")),
                                             c.getList("items", String.class, List.of()), StoredDates.date(c.get("receivedOn")));
        List<RequestView.Consultation> consultations = new ArrayList<>();
        for (Document s : doc.getList("consultations", Document.class, List.of())) {
            consultations.add(new RequestView.Consultation(s.getString("consultationId"), s.getString("party"), s.getString("kind"),
                                                           StoredDates.date(s.get("sentOn")), StoredDates.date(s.get("repliedOn")),
                                                           s.getBoolean("consents")));
        }
        Document f = doc.get("fee", Document.class);
        RequestView.Fee fee = f == null ? null
                : new RequestView.Fee(StoredDates.date(f.get("issuedOn")), new BigDecimal(f.getString("amountYuan")),
                                      FeeBasis.valueOf(f.getString("basis")), StoredDates.date(f.get("dueOn")),
                                      StoredDates.date(f.get("paidOn")));
        Document e = doc.get("extension", Document.class);
        RequestView.Extension extension = e == null ? null
                : new RequestView.Extension(StoredDates.date(e.get("grantedOn")), e.getInteger("workingDays"),
                                            e.getString("approvedBy"), e.getString("reason"));
        String result = doc.getString("result");
        RequestView.Decision decision = result == null ? null
                : new RequestView.Decision(ResultCode.valueOf(result), StoredDates.date(doc.get("decidedOn")), doc.getString("note"),
                                           StoredDates.instant(doc.get("decisionRecordedAt")));
        List<HistoryEntry> history = history(doc);
        return new RequestView(doc.getString("_id"), doc.get("lastSeq", Number.class).longValue(), receipt, correction, consultations, fee,
                               extension, decision, history);
    }

    /** A document's history as stored, oldest first (the same shape for every collection that keeps one). */
    static List<Document> encode(List<HistoryEntry> entries) {
        List<Document> history = new ArrayList<>(entries.size());
        for (HistoryEntry entry : entries) {
            history.add(new Document("globalIndex", entry.globalIndex())
                                .append("sequenceNumber", entry.sequenceNumber())
                                .append("type", entry.type())
                                .append("label", entry.label())
                                .append("businessDate", StoredDates.of(entry.businessDate()))
                                .append("recordedAt", StoredDates.of(entry.recordedAt()))
                                .append("recordedBy", entry.recordedBy())
                                .append("aggregateId", entry.aggregateId())
                                .append("summary", entry.summary()));
        }
        return history;
    }

    static List<HistoryEntry> history(Document doc) {
        List<HistoryEntry> history = new ArrayList<>();
        for (Document h : doc.getList("history", Document.class, List.of())) {
            history.add(new HistoryEntry(h.get("globalIndex", Number.class).longValue(), h.get("sequenceNumber", Number.class).longValue(),
                                         h.getString("type"), h.getString("label"), StoredDates.date(h.get("businessDate")),
                                         StoredDates.instant(h.get("recordedAt")), h.getString("recordedBy"), h.getString("aggregateId"),
                                         h.getString("summary")));
        }
        return history;
    }

    /** Whether a document keeps its dates as text, as versions before issue 13 wrote them: it is rewritten. */
    static boolean datesAsText(Document doc) {
        if (StoredDates.isText(doc.get("receivedOn")) || StoredDates.isText(doc.get("registeredOn"))) {
            return true;
        }
        List<Document> history = doc.getList("history", Document.class, List.of());
        return !history.isEmpty() && (StoredDates.isText(history.get(0).get("businessDate"))
                                      || StoredDates.isText(history.get(0).get("recordedAt")));
    }
}
