package cn.foi.query.projection;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.FeeBasis;
import cn.foi.events.codes.ResultCode;
import cn.foi.query.view.HistoryEntry;
import cn.foi.query.view.RequestView;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    /**
     * The view as its stored document, written straight as BSON: building a {@code Document} and encoding it through
     * the codec registry (a lookup per value) was the largest cost of a rebuild's writes.
     */
    static RawBsonDocument encode(RequestView view) {
        BsonWriting w = new BsonWriting();
        w.writer.writeStartDocument();
        w.writer.writeString("_id", view.requestId());
        w.writer.writeInt64("lastSeq", view.lastSeq());
        if (view.caseNumber() != null) {
            w.string("caseNumber", view.caseNumber());
        }
        if (!view.earlierDecisions().isEmpty()) {
            w.writer.writeStartArray("earlierDecisions");
            for (RequestView.Decision earlier : view.earlierDecisions()) {
                w.writer.writeStartDocument();
                if (earlier.result() != null) {
                    w.string("result", earlier.result().name());
                }
                if (earlier.legacyResult() != null) {
                    w.string("legacyResult", earlier.legacyResult().name());
                }
                w.date("decidedOn", earlier.decidedOn());
                if (earlier.note() != null) {
                    w.string("note", earlier.note());
                }
                if (earlier.recordedAt() != null) {
                    w.instant("recordedAt", earlier.recordedAt());
                }
                w.writer.writeEndDocument();
            }
            w.writer.writeEndArray();
        }
        if (!view.earlierReceipts().isEmpty()) {
            w.writer.writeStartArray("earlierReceipts");
            for (RequestView.EarlierReceipt earlier : view.earlierReceipts()) {
                w.writer.writeStartDocument();
                w.date("receivedOn", earlier.receivedOn());
                w.string("channel", earlier.channel().name());
                w.string("applicantType", earlier.applicantType().name());
                w.string("subject", earlier.subject());
                w.instant("replacedAt", earlier.replacedAt());
                w.writer.writeEndDocument();
            }
            w.writer.writeEndArray();
        }
        if (view.applicantDetails() != null) {
            var d = view.applicantDetails();
            w.writer.writeStartDocument("applicantDetails");
            w.string("idType", d.idType() == null ? null : d.idType().name());
            w.string("idNumber", d.idNumber());
            w.string("phone", d.phone());
            w.string("address", d.address());
            w.string("email", d.email());
            w.writer.writeEndDocument();
        }
        if (view.assignment() != null) {
            w.writer.writeStartDocument("assignment");
            w.string("username", view.assignment().username());
            w.string("name", view.assignment().name());
            w.date("assignedOn", view.assignment().assignedOn());
            w.writer.writeEndDocument();
        }
        RequestView.Receipt receipt = view.receipt();
        if (receipt != null) {
            w.string("agencyId", receipt.agencyId());
            w.date("receivedOn", receipt.receivedOn());
            w.string("channel", receipt.channel().name());
            w.string("applicantType", receipt.applicantType().name());
            w.string("applicantName", receipt.applicantName());
            w.string("subject", receipt.subject());
            w.writer.writeInt32("firstYear", receipt.firstYear());
            w.writer.writeBoolean("imported", receipt.imported());
            w.instant("recordedAt", receipt.recordedAt());
        }
        RequestView.Correction correction = view.correction();
        if (correction != null) {
            w.writer.writeStartDocument("correction");
            w.date("requestedOn", correction.requestedOn());
            w.date("dueOn", correction.dueOn());
            w.strings("items", correction.items());
            if (correction.receivedOn() != null) {
                w.date("receivedOn", correction.receivedOn());
            }
            w.writer.writeEndDocument();
        }
        if (!view.consultations().isEmpty()) {
            w.writer.writeStartArray("consultations");
            for (RequestView.Consultation c : view.consultations()) {
                w.writer.writeStartDocument();
                w.string("consultationId", c.consultationId());
                w.string("party", c.party());
                w.string("kind", c.kind());
                w.date("sentOn", c.sentOn());
                if (c.repliedOn() != null) {
                    w.date("repliedOn", c.repliedOn());
                    if (c.consents() == null) {
                        w.writer.writeNull("consents");
                    } else {
                        w.writer.writeBoolean("consents", c.consents());
                    }
                }
                w.writer.writeEndDocument();
            }
            w.writer.writeEndArray();
        }
        RequestView.Fee fee = view.fee();
        if (fee != null) {
            w.writer.writeStartDocument("fee");
            w.date("issuedOn", fee.issuedOn());
            w.string("amountYuan", fee.amountYuan().toPlainString());
            w.string("basis", fee.basis().name());
            w.date("dueOn", fee.dueOn());
            if (fee.paidOn() != null) {
                w.date("paidOn", fee.paidOn());
            }
            w.writer.writeEndDocument();
        }
        RequestView.Extension extension = view.extension();
        if (extension != null) {
            w.writer.writeStartDocument("extension");
            w.date("grantedOn", extension.grantedOn());
            w.writer.writeInt32("workingDays", extension.workingDays());
            w.string("approvedBy", extension.approvedBy());
            w.string("reason", extension.reason());
            w.writer.writeEndDocument();
        }
        RequestView.Decision decision = view.decision();
        if (decision != null) {
            if (decision.result() != null) {
                w.string("result", decision.result().name());
            } else {
                w.string("legacyResult", decision.legacyResult().name());
            }
            w.date("decidedOn", decision.decidedOn());
            w.instant("decisionRecordedAt", decision.recordedAt());
            w.string("note", decision.note());
        }
        w.writer.writeStartArray("history");
        for (HistoryEntry entry : view.history()) {
            w.entry(entry);
        }
        w.writer.writeEndArray();
        w.writer.writeEndDocument();
        return w.done();
    }

    /** A document's history as stored, oldest first (the same shape for every collection that keeps one). */
    static List<RawBsonDocument> encode(List<HistoryEntry> entries) {
        List<RawBsonDocument> history = new ArrayList<>(entries.size());
        for (HistoryEntry entry : entries) {
            BsonWriting w = new BsonWriting();
            w.entry(entry);
            history.add(w.done());
        }
        return history;
    }

    /** One document written as BSON, with the stored forms of dates, instants and absent values. */
    private static final class BsonWriting {
        private final BasicOutputBuffer buffer = new BasicOutputBuffer(512);
        private final BsonBinaryWriter writer = new BsonBinaryWriter(buffer);

        void string(String name, String value) {
            if (value == null) {
                writer.writeNull(name);
            } else {
                writer.writeString(name, value);
            }
        }

        void date(String name, LocalDate day) {
            if (day == null) {
                writer.writeNull(name);
            } else {
                writer.writeDateTime(name, StoredDates.of(day).getTime());
            }
        }

        void instant(String name, java.time.Instant instant) {
            if (instant == null) {
                writer.writeNull(name);
            } else {
                writer.writeDateTime(name, instant.toEpochMilli());
            }
        }

        void strings(String name, List<String> values) {
            writer.writeStartArray(name);
            values.forEach(writer::writeString);
            writer.writeEndArray();
        }

        void entry(HistoryEntry entry) {
            writer.writeStartDocument();
            writer.writeInt64("globalIndex", entry.globalIndex());
            writer.writeInt64("sequenceNumber", entry.sequenceNumber());
            string("type", entry.type());
            string("label", entry.label());
            date("businessDate", entry.businessDate());
            instant("recordedAt", entry.recordedAt());
            string("recordedBy", entry.recordedBy());
            string("aggregateId", entry.aggregateId());
            string("summary", entry.summary());
            writer.writeEndDocument();
        }

        RawBsonDocument done() {
            writer.close();
            return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
        }
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
        String legacyResult = doc.getString("legacyResult");
        RequestView.Decision decision = result == null && legacyResult == null ? null
                : new RequestView.Decision(result == null ? null : ResultCode.valueOf(result), StoredDates.date(doc.get("decidedOn")),
                                           doc.getString("note"), StoredDates.instant(doc.get("decisionRecordedAt")),
                                           legacyResult == null ? null : cn.foi.events.codes.LegacyResultCode.valueOf(legacyResult));
        List<HistoryEntry> history = history(doc);
        return new RequestView(doc.getString("_id"), doc.get("lastSeq", Number.class).longValue(), receipt, correction, consultations, fee,
                               extension, decision, history, doc.getString("caseNumber"), assignment(doc.get("assignment", Document.class)),
                               earlierDecisions(doc), applicantDetails(doc.get("applicantDetails", Document.class)), earlierReceipts(doc));
    }

    private static List<RequestView.EarlierReceipt> earlierReceipts(Document doc) {
        List<RequestView.EarlierReceipt> earlier = new ArrayList<>();
        for (Document r : doc.getList("earlierReceipts", Document.class, List.of())) {
            earlier.add(new RequestView.EarlierReceipt(StoredDates.date(r.get("receivedOn")), Channel.valueOf(r.getString("channel")),
                                                       ApplicantType.valueOf(r.getString("applicantType")), r.getString("subject"),
                                                       StoredDates.instant(r.get("replacedAt"))));
        }
        return earlier;
    }

    private static cn.foi.events.request.ApplicantDetails applicantDetails(Document d) {
        return d == null ? null : new cn.foi.events.request.ApplicantDetails(
                d.getString("idType") == null ? null : cn.foi.events.codes.IdType.valueOf(d.getString("idType")), d.getString("idNumber"),
                d.getString("phone"), d.getString("address"), d.getString("email"));
    }

    private static List<RequestView.Decision> earlierDecisions(Document doc) {
        List<RequestView.Decision> earlier = new ArrayList<>();
        for (Document d : doc.getList("earlierDecisions", Document.class, List.of())) {
            String result = d.getString("result");
            String legacy = d.getString("legacyResult");
            earlier.add(new RequestView.Decision(result == null ? null : ResultCode.valueOf(result), StoredDates.date(d.get("decidedOn")),
                                                 d.getString("note"), StoredDates.instant(d.get("recordedAt")),
                                                 legacy == null ? null : cn.foi.events.codes.LegacyResultCode.valueOf(legacy)));
        }
        return earlier;
    }

    private static RequestView.Assignment assignment(Document a) {
        return a == null ? null : new RequestView.Assignment(a.getString("username"), a.getString("name"), StoredDates.date(a.get("assignedOn")));
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
