package cn.foi.query.view;

import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.FeeBasis;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.published.EventTypes;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ConsultationReplied;
import cn.foi.events.request.ConsultationSent;
import cn.foi.events.request.CorrectionReceived;
import cn.foi.events.request.CorrectionRequested;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.OpenRequestImported;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.review.ReviewFiled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's view, folded one event at a time: given these events, when this one, then this view. */
class RequestFoldTest {

    private static final String REQUEST = "r-1";
    private static final String AGENCY = "a-1";
    private static final LocalDate MARCH_4 = LocalDate.of(2024, 3, 4);

    /** The events so far, each with its envelope as the topic carries it. */
    private final List<Object[]> given = new ArrayList<>();
    private long nextGlobalIndex = 10;

    private RequestFoldTest given(String aggregateId, long sequenceNumber, Object payload) {
        given.add(new Object[] {envelope(aggregateId, sequenceNumber, payload), payload});
        return this;
    }

    private RequestFoldTest given(long sequenceNumber, Object payload) {
        return given(REQUEST, sequenceNumber, payload);
    }

    private RequestView when(String aggregateId, long sequenceNumber, Object payload) {
        return when(envelope(aggregateId, sequenceNumber, payload), payload);
    }

    private RequestView when(PublishedEvent event, Object payload) {
        return RequestFold.apply(state(), event, payload);
    }

    private RequestView state() {
        RequestView view = RequestView.empty(REQUEST);
        for (Object[] event : given) {
            view = RequestFold.apply(view, (PublishedEvent) event[0], event[1]);
        }
        return view;
    }

    private PublishedEvent envelope(String aggregateId, long sequenceNumber, Object payload) {
        long globalIndex = nextGlobalIndex++;
        return new PublishedEvent(globalIndex, "e-" + globalIndex, "X", aggregateId, sequenceNumber,
                                  EventTypes.nameOf(payload.getClass()), null, "2024-03-0" + (globalIndex % 9 + 1) + "T08:00:00.123456Z",
                                  Map.of("userId", "officer-1"), null);
    }

    private static RequestReceived received() {
        return new RequestReceived(REQUEST, AGENCY, MARCH_4, Channel.ONLINE, new Applicant(ApplicantType.NATURAL_PERSON, "张三"),
                                   "申请公开某路段拆迁补偿方案");
    }

    @Test
    void a_receipt_enters_the_books_in_its_year_with_who_recorded_it() {
        RequestView view = when(REQUEST, 0, received());

        assertThat(view.receipt()).isEqualTo(new RequestView.Receipt(AGENCY, MARCH_4, Channel.ONLINE, ApplicantType.NATURAL_PERSON,
                                                                     "张三", "申请公开某路段拆迁补偿方案", 2024, false,
                                                                     view.history().get(0).recordedAt()));
        assertThat(view.lastSeq()).isZero();
        HistoryEntry entry = view.history().get(0);
        assertThat(entry.label()).isEqualTo("收到申请");
        assertThat(entry.businessDate()).isEqualTo(MARCH_4);
        assertThat(entry.recordedBy()).isEqualTo("officer-1");
        assertThat(entry.summary()).isEqualTo("网络，自然人");
        assertThat(entry.recordedAt().getNano()).as("to the millisecond, as the store keeps it").isEqualTo(123_000_000);
    }

    @Test
    void its_case_number_joins_the_view_whether_the_book_s_event_comes_before_or_after_the_receipt_and_only_once() {
        var issued = new cn.foi.events.casenumber.CaseNumberIssued(AGENCY, 2024, 7, "〔2024〕7号", REQUEST);
        PublishedEvent fromTheBook = envelope("case-book:" + AGENCY + ":2024", 6, issued);
        RequestView numberFirst = given("case-book:" + AGENCY + ":2024", 6, issued).when(REQUEST, 0, received());
        assertThat(numberFirst.caseNumber()).isEqualTo("〔2024〕7号");
        assertThat(numberFirst.receipt()).isNotNull();

        given.clear();
        RequestView receiptFirst = given(0, received()).when(fromTheBook, issued);
        assertThat(receiptFirst.caseNumber()).isEqualTo("〔2024〕7号");
        assertThat(receiptFirst.history()).extracting(HistoryEntry::label).containsExactly("收到申请", "登记编号");
        assertThat(RequestFold.apply(receiptFirst, fromTheBook, issued)).as("redelivered").isSameAs(receiptFirst);
    }

    @Test
    void a_corrected_receipt_replaces_the_receipt_keeps_the_one_it_replaced_and_the_facts_see_each_as_of_its_time() {
        var decided = new RequestDecided(REQUEST, AGENCY, ResultCode.DISCLOSED, LocalDate.of(2024, 3, 20), null);
        var corrected = new cn.foi.events.request.ReceiptCorrected(REQUEST, AGENCY, MARCH_4, Channel.ONLINE, ApplicantType.NATURAL_PERSON,
                                                                   "申请公开某路段拆迁补偿方案", LocalDate.of(2023, 12, 28), Channel.LETTER,
                                                                   ApplicantType.COMMERCIAL_ENTERPRISE, "申请公开某路段拆迁补偿方案",
                                                                   "信封邮戳为 2023-12-28", LocalDate.of(2024, 4, 1));
        RequestView view = given(0, received()).given(1, decided).when(REQUEST, 2, corrected);

        assertThat(view.receipt()).isEqualTo(new RequestView.Receipt(AGENCY, LocalDate.of(2023, 12, 28), Channel.LETTER,
                                                                     ApplicantType.COMMERCIAL_ENTERPRISE, "张三", "申请公开某路段拆迁补偿方案",
                                                                     2023, false, view.receipt().recordedAt()));
        assertThat(view.earlierReceipts()).extracting(RequestView.EarlierReceipt::receivedOn, RequestView.EarlierReceipt::channel,
                                                      RequestView.EarlierReceipt::applicantType)
                                          .containsExactly(org.assertj.core.groups.Tuple.tuple(MARCH_4, Channel.ONLINE, ApplicantType.NATURAL_PERSON));
        assertThat(view.history()).extracting(HistoryEntry::label).containsExactly("收到申请", "办理答复", "更正登记信息");
        assertThat(view.history().get(2).summary())
                .isEqualTo("收到日期由2024-03-04更正为2023-12-28；申请方式由“网络”更正为“信函”；申请人类型由“自然人”更正为“商业企业”；理由：信封邮戳为 2023-12-28");
        assertThat(view.history().get(2).businessDate()).isEqualTo(LocalDate.of(2024, 4, 1));

        // the facts count the corrected receipt; as of a moment before the correction, the receipt as it stood then
        var facts = cn.foi.query.projection.RequestFacts.of(view);
        assertThat(facts.receivedOn()).isEqualTo(LocalDate.of(2023, 12, 28));
        assertThat(facts.firstYear()).isEqualTo(2023);
        assertThat(facts.applicantType()).isEqualTo(ApplicantType.COMMERCIAL_ENTERPRISE);
        Instant between = view.earlierReceipts().get(0).replacedAt().minusMillis(1);
        var then = facts.asOf(between);
        assertThat(then.receivedOn()).isEqualTo(MARCH_4);
        assertThat(then.firstYear()).isEqualTo(2024);
        assertThat(then.applicantType()).isEqualTo(ApplicantType.NATURAL_PERSON);
        assertThat(then.result()).as("answered before the moment").isEqualTo(ResultCode.DISCLOSED);
        assertThat(then.clockStartsOn()).isEqualTo(MARCH_4);
        assertThat(facts.asOf(view.earlierReceipts().get(0).replacedAt())).as("from the moment it was recorded").isSameAs(facts);
        assertThat(view.receiptAsOf(between).channel()).isEqualTo(Channel.ONLINE);
        assertThat(view.receiptAsOf(null).channel()).isEqualTo(Channel.LETTER);

        // redelivered, it changes nothing
        assertThat(RequestFold.apply(view, envelope(REQUEST, 2, corrected), corrected)).isSameAs(view);
    }

    @Test
    void a_receipt_corrected_twice_is_seen_as_of_each_moment_as_it_stood_then() {
        var first = new cn.foi.events.request.ReceiptCorrected(REQUEST, AGENCY, MARCH_4, Channel.ONLINE, ApplicantType.NATURAL_PERSON,
                "申请公开某路段拆迁补偿方案", LocalDate.of(2024, 3, 1), Channel.ONLINE, ApplicantType.COMMERCIAL_ENTERPRISE,
                "申请公开某路段拆迁补偿方案", "类型误录", LocalDate.of(2024, 3, 3));
        var second = new cn.foi.events.request.ReceiptCorrected(REQUEST, AGENCY, LocalDate.of(2024, 3, 1), Channel.ONLINE,
                ApplicantType.COMMERCIAL_ENTERPRISE, "申请公开某路段拆迁补偿方案", LocalDate.of(2023, 12, 28), Channel.LETTER,
                ApplicantType.OTHER_ORGANIZATION, "申请公开某路段拆迁补偿方案", "邮戳", LocalDate.of(2024, 3, 4));
        // recorded on 2 March, corrected on 3 and again on 4 March (the envelopes' timestamps)
        RequestView view = given(0, received()).given(1, first).when(REQUEST, 2, second);
        var facts = cn.foi.query.projection.RequestFacts.of(view);

        var onTheSecond = facts.asOf(Instant.parse("2024-03-02T12:00:00Z"));
        assertThat(onTheSecond.receivedOn()).isEqualTo(MARCH_4);
        assertThat(onTheSecond.applicantType()).isEqualTo(ApplicantType.NATURAL_PERSON);
        var onTheThird = facts.asOf(Instant.parse("2024-03-03T12:00:00Z"));
        assertThat(onTheThird.receivedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(onTheThird.applicantType()).isEqualTo(ApplicantType.COMMERCIAL_ENTERPRISE);
        assertThat(onTheThird.firstYear()).isEqualTo(2024);
        var onTheFourth = facts.asOf(Instant.parse("2024-03-04T12:00:00Z"));
        assertThat(onTheFourth.receivedOn()).isEqualTo(LocalDate.of(2023, 12, 28));
        assertThat(onTheFourth.applicantType()).isEqualTo(ApplicantType.OTHER_ORGANIZATION);
        assertThat(onTheFourth.firstYear()).isEqualTo(2023);
        assertThat(view.receiptAsOf(Instant.parse("2024-03-03T12:00:00Z")).channel()).isEqualTo(Channel.ONLINE);
        assertThat(view.receiptAsOf(Instant.parse("2024-03-04T12:00:00Z")).channel()).isEqualTo(Channel.LETTER);
    }

    @Test
    void an_imported_request_s_corrected_receipt_stays_in_the_year_it_was_carried_into() {
        var imported = new OpenRequestImported(REQUEST, AGENCY, LocalDate.of(2023, 11, 20), Channel.LETTER,
                                               new Applicant(ApplicantType.NATURAL_PERSON, "张三"), "上年未办结申请", 2024);
        RequestView view = given(0, imported).when(REQUEST, 1, new cn.foi.events.request.ReceiptCorrected(
                REQUEST, AGENCY, LocalDate.of(2023, 11, 20), Channel.LETTER, ApplicantType.NATURAL_PERSON, "上年未办结申请",
                LocalDate.of(2022, 12, 1), Channel.LETTER, ApplicantType.NATURAL_PERSON, "上年未办结申请（补充）", "误录", LocalDate.of(2024, 2, 1)));
        assertThat(view.receipt().firstYear()).isEqualTo(2024);
        assertThat(view.receipt().imported()).isTrue();
        assertThat(view.history().get(1).summary())
                .isEqualTo("收到日期由2023-11-20更正为2022-12-01；申请内容由“上年未办结申请”更正为“上年未办结申请（补充）”；理由：误录");
        assertThat(cn.foi.query.projection.RequestFacts.of(view).asOf(Instant.parse("2000-01-01T00:00:00Z"))).isNull();
    }

    @Test
    void a_corrected_answer_under_the_2008_regulations_replaces_the_answer_and_keeps_the_one_it_replaced() {
        var decided = new cn.foi.events.request.LegacyRequestDecided(REQUEST, AGENCY, cn.foi.events.codes.LegacyResultCode.AGREED,
                                                                     LocalDate.of(2018, 3, 20), "已答复");
        RequestView view = given(0, received()).given(1, decided)
                .when(REQUEST, 2, new cn.foi.events.request.LegacyDecisionCorrected(REQUEST, AGENCY, cn.foi.events.codes.LegacyResultCode.AGREED,
                                                                                    LocalDate.of(2018, 3, 20),
                                                                                    cn.foi.events.codes.LegacyResultCode.NOT_EXIST,
                                                                                    LocalDate.of(2018, 3, 22), "误录", LocalDate.of(2024, 4, 1)));
        assertThat(view.decision().legacyResult()).isEqualTo(cn.foi.events.codes.LegacyResultCode.NOT_EXIST);
        assertThat(view.decision().result()).isNull();
        assertThat(view.decision().decidedOn()).isEqualTo(LocalDate.of(2018, 3, 22));
        assertThat(view.decision().note()).isEqualTo("已答复");
        assertThat(view.earlierDecisions()).extracting(RequestView.Decision::legacyResult).containsExactly(cn.foi.events.codes.LegacyResultCode.AGREED);
        assertThat(view.history()).extracting(HistoryEntry::label).containsExactly("收到申请", "办理答复", "更正办理结果");
        assertThat(view.history().get(2).summary()).startsWith("原为“" + cn.foi.events.codes.LegacyResultCode.AGREED.label() + "”（2018-03-20），更正为“")
                                                   .endsWith("（2018-03-22）（2008 年《条例》）；理由：误录");
        var facts = cn.foi.query.projection.RequestFacts.of(view);
        assertThat(facts.asOf(view.earlierDecisions().get(0).recordedAt().plusMillis(1)).decidedOn()).isEqualTo(LocalDate.of(2018, 3, 20));
    }

    @Test
    void a_corrected_answer_replaces_the_answer_and_keeps_the_one_it_replaced() {
        var decided = new cn.foi.events.request.RequestDecided(REQUEST, AGENCY, cn.foi.events.codes.ResultCode.DISCLOSED,
                                                               LocalDate.of(2024, 3, 20), "已答复");
        RequestView view = given(0, received()).given(1, decided)
                .when(REQUEST, 2, new cn.foi.events.request.DecisionCorrected(REQUEST, AGENCY, cn.foi.events.codes.ResultCode.DISCLOSED,
                                                                              LocalDate.of(2024, 3, 20),
                                                                              cn.foi.events.codes.ResultCode.PARTIALLY_DISCLOSED,
                                                                              LocalDate.of(2024, 3, 21), "误录", LocalDate.of(2024, 4, 1)));
        assertThat(view.decision().result()).isEqualTo(cn.foi.events.codes.ResultCode.PARTIALLY_DISCLOSED);
        assertThat(view.decision().decidedOn()).isEqualTo(LocalDate.of(2024, 3, 21));
        assertThat(view.decision().note()).isEqualTo("已答复");
        assertThat(view.earlierDecisions()).extracting(RequestView.Decision::result).containsExactly(cn.foi.events.codes.ResultCode.DISCLOSED);
        assertThat(view.history()).extracting(HistoryEntry::label).containsExactly("收到申请", "办理答复", "更正办理结果");
        // as of a moment between the answer and its correction, the facts say the first answer
        var facts = cn.foi.query.projection.RequestFacts.of(view);
        var between = view.earlierDecisions().get(0).recordedAt().plusMillis(1);
        assertThat(facts.decisionRecordedAt()).isAfter(between);
        assertThat(facts.asOf(between).result()).isEqualTo(cn.foi.events.codes.ResultCode.DISCLOSED);
        assertThat(facts.asOf(null).result()).isEqualTo(cn.foi.events.codes.ResultCode.PARTIALLY_DISCLOSED);
    }

    @Test
    void a_request_imported_as_open_enters_the_books_in_the_year_it_was_carried_into() {
        RequestView view = when(REQUEST, 0, new OpenRequestImported(REQUEST, AGENCY, LocalDate.of(2023, 12, 20), Channel.LETTER,
                                                                    new Applicant(ApplicantType.OTHER_ORGANIZATION, "某单位"),
                                                                    "上年未办结申请", 2024));

        assertThat(view.receipt().firstYear()).isEqualTo(2024);
        assertThat(view.receipt().imported()).isTrue();
        assertThat(view.history().get(0).label()).isEqualTo("上年结转申请导入");
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        given(0, received()).given(1, new RequestDecided(REQUEST, AGENCY, ResultCode.DISCLOSED, LocalDate.of(2024, 3, 20), null));
        RequestView before = state();

        RequestView after = when(REQUEST, 1, new RequestDecided(REQUEST, AGENCY, ResultCode.DISCLOSED, LocalDate.of(2024, 3, 20), null));

        assertThat(after).isEqualTo(before);
    }

    @Test
    void the_answer_keeps_its_result_date_and_note() {
        given(0, received());

        RequestView view = when(REQUEST, 1, new RequestDecided(REQUEST, AGENCY, ResultCode.NOT_DISCLOSED_STATE_SECRET,
                                                               LocalDate.of(2024, 3, 20), "涉密"));

        assertThat(view.decision().result()).isEqualTo(ResultCode.NOT_DISCLOSED_STATE_SECRET);
        assertThat(view.decision().decidedOn()).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(view.decision().note()).isEqualTo("涉密");
        assertThat(view.decision().recordedAt()).isNotNull();
        assertThat(view.history()).extracting(HistoryEntry::label).containsExactly("收到申请", "办理答复");
    }

    @Nested
    class PausesOfTheClock {

        @Test
        void a_correction_asked_for_is_open_until_it_arrives() {
            given(0, received()).given(1, new CorrectionRequested(REQUEST, AGENCY, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 20),
                                                                  List.of("申请内容不明确")));

            RequestView view = when(REQUEST, 2, new CorrectionReceived(REQUEST, AGENCY, LocalDate.of(2024, 3, 11)));

            assertThat(view.correction()).isEqualTo(new RequestView.Correction(LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 20),
                                                                               List.of("申请内容不明确"), LocalDate.of(2024, 3, 11)));
        }

        @Test
        void a_reply_closes_its_own_consultation_only() {
            given(0, received())
                    .given(1, new ConsultationSent(REQUEST, AGENCY, "c-1", "某公司", "THIRD_PARTY", LocalDate.of(2024, 3, 5)))
                    .given(2, new ConsultationSent(REQUEST, AGENCY, "c-2", "某局", "OTHER_AGENCY", LocalDate.of(2024, 3, 6)));

            RequestView view = when(REQUEST, 3, new ConsultationReplied(REQUEST, AGENCY, "c-2", LocalDate.of(2024, 3, 12), true));

            assertThat(view.consultations()).extracting(RequestView.Consultation::repliedOn)
                                            .containsExactly(null, LocalDate.of(2024, 3, 12));
        }

        @Test
        void a_fee_paid_keeps_its_notice() {
            given(0, received()).given(1, new FeeNoticeIssued(REQUEST, AGENCY, LocalDate.of(2024, 3, 5), new BigDecimal("100.00"),
                                                              FeeBasis.PER_APPLICATION, LocalDate.of(2024, 3, 25)));

            RequestView view = when(REQUEST, 2, new FeePaid(REQUEST, AGENCY, LocalDate.of(2024, 3, 8)));

            assertThat(view.fee()).isEqualTo(new RequestView.Fee(LocalDate.of(2024, 3, 5), new BigDecimal("100.00"),
                                                                 FeeBasis.PER_APPLICATION, LocalDate.of(2024, 3, 25),
                                                                 LocalDate.of(2024, 3, 8)));
        }
    }

    @Nested
    class EntriesFromOtherAggregates {

        @Test
        void a_review_joins_the_history_once_naming_the_review() {
            given(0, received());
            ReviewFiled filed = new ReviewFiled("rv-1", REQUEST, AGENCY, ReviewBlock.RECONSIDERATION, LocalDate.of(2024, 4, 1));
            PublishedEvent event = envelope("rv-1", 0, filed);

            RequestView once = RequestFold.apply(state(), event, filed);
            RequestView twice = RequestFold.apply(once, event, filed);

            assertThat(twice).isSameAs(once);
            assertThat(once.history()).extracting(HistoryEntry::label, HistoryEntry::aggregateId)
                                      .last().isEqualTo(org.assertj.core.groups.Tuple.tuple("提起行政复议", "rv-1"));
            assertThat(once.lastSeq()).as("a review's sequence is its own, not the request's").isZero();
        }

        @Test
        void a_carry_forward_is_dated_the_last_day_of_the_closed_year_and_recorded_when_the_year_was_closed() {
            given(0, received());
            ReportingYearClosed closed = new ReportingYearClosed(AGENCY, 2024, LocalDate.of(2025, 1, 15),
                    List.of(new ReportingYearClosed.CarriedForwardRequest(REQUEST, ApplicantType.NATURAL_PERSON)));

            RequestView view = when(AGENCY, 3, closed);

            HistoryEntry entry = view.history().get(view.history().size() - 1);
            assertThat(entry.label()).isEqualTo("结转下年度继续办理");
            assertThat(entry.businessDate()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(entry.recordedAt()).isEqualTo(Instant.parse(entry.recordedAt().toString()));
            assertThat(entry.summary()).isEqualTo("2024 年结转至 2025 年");
        }

        @Test
        void a_carry_forward_arriving_before_the_receipt_starts_a_view_that_is_not_received_yet() {
            ReportingYearClosed closed = new ReportingYearClosed(AGENCY, 2024, LocalDate.of(2025, 1, 15),
                    List.of(new ReportingYearClosed.CarriedForwardRequest(REQUEST, ApplicantType.NATURAL_PERSON)));
            given(AGENCY, 3, closed);

            RequestView view = when(REQUEST, 0, received());

            assertThat(view.isReceived()).isTrue();
            assertThat(view.history()).extracting(HistoryEntry::label).containsExactly("结转下年度继续办理", "收到申请");
        }
    }

    @Test
    void an_answer_under_the_2008_regulations_is_the_request_s_answer_with_its_old_result() {
        given(0, received());
        RequestView view = when(REQUEST, 1, new cn.foi.events.request.LegacyRequestDecided(REQUEST, AGENCY,
                                                                                          cn.foi.events.codes.LegacyResultCode.AGREED,
                                                                                          LocalDate.of(2024, 3, 20), null));

        assertThat(view.decision().result()).isNull();
        assertThat(view.decision().legacyResult()).isEqualTo(cn.foi.events.codes.LegacyResultCode.AGREED);
        assertThat(view.history().get(1).summary()).isEqualTo("同意公开（2008 年《条例》）");
    }
}
