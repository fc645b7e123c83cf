package cn.foi.query.projection;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.FeeBasis;
import cn.foi.events.codes.ResultCode;
import cn.foi.query.view.HistoryEntry;
import cn.foi.query.view.RequestView;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's view is stored in the shape earlier versions wrote, and read back unchanged. */
class RequestDocumentsTest {

    private static final RequestView EVERYTHING = new RequestView(
            "r-1", 6,
            new RequestView.Receipt("a-1", LocalDate.of(2024, 3, 4), Channel.ONLINE, ApplicantType.NATURAL_PERSON, "张三", "某事项",
                                    2024, false, Instant.parse("2024-03-04T08:00:00.123Z")),
            new RequestView.Correction(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 19), List.of("补充身份证明"), LocalDate.of(2024, 3, 8)),
            List.of(new RequestView.Consultation("c-1", "某公司", "THIRD_PARTY", LocalDate.of(2024, 3, 9), LocalDate.of(2024, 3, 12), false),
                    new RequestView.Consultation("c-2", "某局", "OTHER_AGENCY", LocalDate.of(2024, 3, 10), null, null)),
            new RequestView.Fee(LocalDate.of(2024, 3, 13), new BigDecimal("100.00"), FeeBasis.PER_APPLICATION, LocalDate.of(2024, 3, 27), null),
            new RequestView.Extension(LocalDate.of(2024, 3, 20), 20, "王局长", "需要协调"),
            new RequestView.Decision(ResultCode.DISCLOSED, LocalDate.of(2024, 4, 20), "已提供", Instant.parse("2024-04-20T09:00:00Z")),
            List.of(new HistoryEntry(10, 0, "RequestReceived", "收到申请", LocalDate.of(2024, 3, 4),
                                     Instant.parse("2024-03-04T08:00:00.123Z"), "officer-1", "r-1", "网络，自然人")));

    /** The view's stored bytes, read as the driver reads a document from the collection. */
    private static Document stored(RequestView view) {
        org.bson.RawBsonDocument bytes = RequestDocuments.encode(view);
        return com.mongodb.MongoClientSettings.getDefaultCodecRegistry().get(Document.class)
                .decode(new org.bson.BsonBinaryReader(bytes.getByteBuffer().asNIO()), org.bson.codecs.DecoderContext.builder().build());
    }

    @Test
    void a_view_reads_back_as_it_was_stored() {
        assertThat(RequestDocuments.decode(stored(EVERYTHING))).isEqualTo(EVERYTHING);
    }

    @Test
    void a_view_with_only_a_carry_forward_note_reads_back_as_not_received() {
        RequestView noteOnly = new RequestView("r-2", -1, null, null, List.of(), null, null, null,
                List.of(new HistoryEntry(30, 2, "ReportingYearClosed", "结转下年度继续办理", LocalDate.of(2024, 12, 31),
                                         Instant.parse("2025-01-15T10:00:00Z"), null, "a-1", "2024 年结转至 2025 年")));

        RequestView read = RequestDocuments.decode(stored(noteOnly));

        assertThat(read).isEqualTo(noteOnly);
        assertThat(read.isReceived()).isFalse();
    }

    @Test
    void a_document_written_by_an_earlier_version_is_read_without_the_fields_it_did_not_keep() {
        Document legacy = Document.parse("""
                {"_id": "r-3", "lastSeq": 1, "agencyId": "a-1", "receivedOn": "2019-05-06", "channel": "LETTER",
                 "applicantType": "COMMERCIAL_ENTERPRISE", "applicantName": "某公司", "subject": "某事项", "firstYear": 2019,
                 "result": "DISCLOSED", "decidedOn": "2019-05-20",
                 "history": [{"globalIndex": {"$numberLong": "4"}, "sequenceNumber": {"$numberLong": "0"}, "type": "RequestReceived",
                              "label": "收到申请", "businessDate": "2019-05-06", "summary": "信函，商业企业"}]}""");

        RequestView read = RequestDocuments.decode(legacy);

        assertThat(read.receipt().imported()).isFalse();
        assertThat(read.receipt().recordedAt()).as("not kept then: always visible").isNull();
        assertThat(read.decision().recordedAt()).isNull();
        assertThat(read.history().get(0).recordedBy()).isNull();
        assertThat(RequestFacts.of(read).isDecidedIn(2019)).isTrue();
    }

    @Test
    void the_stored_document_has_the_shape_earlier_versions_wrote_apart_from_its_dates() {
        Document stored = stored(EVERYTHING);

        assertThat(stored.keySet()).containsExactly("_id", "lastSeq", "agencyId", "receivedOn", "channel", "applicantType",
                                                   "applicantName", "subject", "firstYear", "imported", "recordedAt", "correction",
                                                   "consultations", "fee", "extension", "result", "decidedOn",
                                                   "decisionRecordedAt", "note", "history");
        assertThat(stored.get("lastSeq")).isEqualTo(6L);
        assertThat(stored.get("firstYear")).isEqualTo(2024);
        assertThat(stored.get("fee", Document.class).get("amountYuan")).isEqualTo("100.00");
        assertThat(stored.getList("consultations", Document.class).get(1)).doesNotContainKey("repliedOn");
        assertThat(stored.getList("history", Document.class).get(0).keySet())
                .containsExactly("globalIndex", "sequenceNumber", "type", "label", "businessDate", "recordedAt", "recordedBy",
                                 "aggregateId", "summary");
    }

    @Test
    void dates_and_instants_are_stored_as_bson_dates() {
        Document stored = stored(EVERYTHING);

        assertThat(stored.get("receivedOn")).isEqualTo(java.util.Date.from(java.time.Instant.parse("2024-03-04T00:00:00Z")));
        assertThat(stored.get("recordedAt")).isEqualTo(java.util.Date.from(java.time.Instant.parse("2024-03-04T08:00:00.123Z")));
        assertThat(stored.get("fee", Document.class).get("dueOn")).isInstanceOf(java.util.Date.class);
        assertThat(stored.getList("history", Document.class).get(0).get("businessDate")).isInstanceOf(java.util.Date.class);
        assertThat(RequestDocuments.datesAsText(stored)).isFalse();
    }

    @Test
    void a_document_with_its_dates_as_text_reads_the_same_and_is_marked_to_be_rewritten() {
        Document legacy = stored(EVERYTHING);
        legacy.put("receivedOn", "2024-03-04");
        legacy.put("recordedAt", "2024-03-04T08:00:00.123Z");
        legacy.get("fee", Document.class).put("dueOn", "2024-03-27");
        legacy.getList("history", Document.class).get(0).put("businessDate", "2024-03-04");
        legacy.getList("history", Document.class).get(0).put("recordedAt", "2024-03-04T08:00:00.123Z");

        assertThat(RequestDocuments.datesAsText(legacy)).isTrue();
        assertThat(RequestDocuments.decode(legacy)).isEqualTo(EVERYTHING);
    }

    @Test
    void the_receipts_a_correction_replaced_read_back_as_they_were_stored() {
        RequestView corrected = new RequestView(EVERYTHING.requestId(), EVERYTHING.lastSeq(), EVERYTHING.receipt(), null, List.of(), null,
                                                null, null, EVERYTHING.history(), null, null, List.of(), null,
                                                List.of(new RequestView.EarlierReceipt(LocalDate.of(2024, 3, 6), Channel.LETTER,
                                                                                       ApplicantType.COMMERCIAL_ENTERPRISE, "原事项",
                                                                                       Instant.parse("2024-03-07T02:00:00.456Z"))));
        assertThat(RequestDocuments.decode(stored(corrected))).isEqualTo(corrected);
        assertThat(stored(EVERYTHING)).as("none: no field").doesNotContainKey("earlierReceipts");
    }

    @Test
    void an_answer_under_the_2008_regulations_reads_back_as_such() {
        RequestView answered = new RequestView(EVERYTHING.requestId(), EVERYTHING.lastSeq(), EVERYTHING.receipt(), null, List.of(), null,
                                               null, new RequestView.Decision(null, LocalDate.of(2018, 5, 2), null,
                                                                              Instant.parse("2018-05-02T03:00:00Z"),
                                                                              cn.foi.events.codes.LegacyResultCode.NOT_EXIST),
                                               EVERYTHING.history());

        Document stored = stored(answered);

        assertThat(stored.getString("legacyResult")).isEqualTo("NOT_EXIST");
        assertThat(stored).doesNotContainKey("result");
        assertThat(RequestDocuments.decode(stored)).isEqualTo(answered);
        assertThat(RequestDocuments.decode(stored).decision().code()).isEqualTo("NOT_EXIST");
    }
}
