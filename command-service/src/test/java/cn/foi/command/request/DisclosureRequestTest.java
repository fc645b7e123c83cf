package cn.foi.command.request;

import cn.foi.command.calendar.CalendarBook;
import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.NotFound;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.problem.StateConflict;
import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.ExtendDeadline;
import cn.foi.command.request.RequestCommands.ReceiveCorrection;
import cn.foi.command.request.RequestCommands.RequestCorrection;
import cn.foi.events.request.ConsultationReplied;
import cn.foi.events.request.ConsultationSent;
import cn.foi.events.request.CorrectionReceived;
import cn.foi.events.request.CorrectionRequested;
import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.request.DeadlineExtended;
import cn.foi.events.codes.FeeBasis;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import java.math.BigDecimal;
import cn.foi.command.request.RequestCommands.ImportOpenRequest;
import cn.foi.command.request.RequestCommands.LogRequest;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.OpenRequestImported;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static cn.foi.events.codes.ApplicantType.COMMERCIAL_ENTERPRISE;
import static cn.foi.events.codes.ApplicantType.NATURAL_PERSON;
import static cn.foi.events.codes.Channel.ONLINE;
import static cn.foi.events.codes.ResultCode.DISCLOSED;
import static cn.foi.events.codes.ResultCode.NOT_PROCESSED_DUPLICATE;
import static cn.foi.events.codes.ResultCode.OTHER_NO_CORRECTION;
import static cn.foi.events.codes.ResultCode.OTHER_FEE_UNPAID;

class DisclosureRequestTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final String AGENCY = "xixia-office";
    private static final String REQUEST = "r-1";

    private AggregateTestFixture<DisclosureRequest> fixture;
    private FakeAgencyDirectory agencies;
    /** The numbers asked for: agency, year and request of each. */
    private final java.util.List<String> numbersGiven = new java.util.ArrayList<>();
    /** wang is an officer of the agency; li handles another agency only. */
    private final Officers officers = new Officers() {
        @Override
        public java.util.Optional<String> officerOf(String agencyId, String username) {
            return AGENCY.equals(agencyId) && "wang".equals(username) ? java.util.Optional.of("王经办") : java.util.Optional.empty();
        }

        @Override
        public java.util.List<Officer> of(String agencyId) {
            return AGENCY.equals(agencyId) ? java.util.List.of(new Officer("wang", "王经办")) : java.util.List.of();
        }
    };
    private final cn.foi.command.casenumber.CaseNumbers caseNumbers = (agencyId, year, requestId) -> {
        numbersGiven.add(agencyId + " " + year + " " + requestId);
        return "〔" + year + "〕" + numbersGiven.size() + "号";
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
        agencies = new FakeAgencyDirectory().with(AGENCY, 2023);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(BEIJING).toInstant(), BEIJING));
        fixture.registerInjectableResource(agencies);
        fixture.registerInjectableResource(CalendarBook.of(WorkingDayCalendar.shipped()));
        fixture.registerInjectableResource(caseNumbers);
        fixture.registerInjectableResource(officers);
    }

    private static RequestReceived receivedOn(LocalDate date) {
        return new RequestReceived(REQUEST, AGENCY, date, ONLINE, new Applicant(NATURAL_PERSON, "张三"), "拆迁补偿方案");
    }

    private static LogRequest log(LocalDate receivedOn) {
        return new LogRequest(REQUEST, AGENCY, receivedOn, ONLINE, NATURAL_PERSON, "张三", "拆迁补偿方案");
    }

    @Nested
    class CorrectingTheAnswer {

        private final RequestDecided disclosed = new RequestDecided(REQUEST, AGENCY, cn.foi.events.codes.ResultCode.DISCLOSED,
                                                                    LocalDate.of(2024, 12, 20), null);

        @Test
        void a_supervisor_corrects_the_recorded_answer_with_a_reason_and_the_event_keeps_both() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, cn.foi.events.codes.ResultCode.PARTIALLY_DISCLOSED,
                                                             LocalDate.of(2024, 12, 23), " 误录为全部公开 "))
                   .expectEvents(new cn.foi.events.request.DecisionCorrected(REQUEST, AGENCY, cn.foi.events.codes.ResultCode.DISCLOSED,
                                                                             LocalDate.of(2024, 12, 20),
                                                                             cn.foi.events.codes.ResultCode.PARTIALLY_DISCLOSED,
                                                                             LocalDate.of(2024, 12, 23), "误录为全部公开", TODAY));
        }

        @Test
        void a_closed_year_does_not_stop_a_correction() {
            agencies.with(AGENCY, 2023, 2024);
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, cn.foi.events.codes.ResultCode.PARTIALLY_DISCLOSED,
                                                             LocalDate.of(2024, 12, 20), "复核发现部分内容涉及个人隐私"))
                   .expectSuccessfulHandlerExecution();
        }

        @Test
        void without_a_reason_without_an_answer_or_changing_nothing_it_is_refused() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, cn.foi.events.codes.ResultCode.PARTIALLY_DISCLOSED,
                                                             LocalDate.of(2024, 12, 20), " "))
                   .expectException(InvalidInput.class).expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)))
                   .when(new RequestCommands.CorrectDecision(REQUEST, cn.foi.events.codes.ResultCode.PARTIALLY_DISCLOSED,
                                                             LocalDate.of(2024, 12, 20), "理由"))
                   .expectException(StateConflict.class).expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, cn.foi.events.codes.ResultCode.DISCLOSED,
                                                             LocalDate.of(2024, 12, 20), "理由"))
                   .expectException(StateConflict.class).expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, cn.foi.events.codes.ResultCode.DISCLOSED,
                                                             LocalDate.of(2024, 11, 20), "理由"))
                   .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class CorrectingAnAnswerUnderThe2008Regulations {

        private final cn.foi.events.request.LegacyRequestDecided agreed = new cn.foi.events.request.LegacyRequestDecided(
                REQUEST, AGENCY, cn.foi.events.codes.LegacyResultCode.AGREED, LocalDate.of(2018, 3, 20), null);

        @Test
        void it_is_corrected_to_another_result_of_that_law_dated_up_to_2018_and_the_event_keeps_both() {
            fixture.given(receivedOn(LocalDate.of(2018, 3, 1)), agreed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, null, cn.foi.events.codes.LegacyResultCode.AGREED_PARTIALLY,
                                                             LocalDate.of(2018, 3, 21), " 实为部分同意公开 "))
                   .expectEvents(new cn.foi.events.request.LegacyDecisionCorrected(
                           REQUEST, AGENCY, cn.foi.events.codes.LegacyResultCode.AGREED, LocalDate.of(2018, 3, 20),
                           cn.foi.events.codes.LegacyResultCode.AGREED_PARTIALLY, LocalDate.of(2018, 3, 21), "实为部分同意公开", TODAY));
        }

        @Test
        void a_result_of_the_current_regulations_a_date_from_2019_or_nothing_changed_is_refused() {
            fixture.given(receivedOn(LocalDate.of(2018, 3, 1)), agreed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, DISCLOSED, LocalDate.of(2018, 3, 20), "理由"))
                   .expectException(RuleViolation.class).expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2018, 3, 1)), agreed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, null, cn.foi.events.codes.LegacyResultCode.NOT_EXIST,
                                                             LocalDate.of(2019, 1, 2), "理由"))
                   .expectException(RuleViolation.class).expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2018, 3, 1)), agreed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, null, cn.foi.events.codes.LegacyResultCode.AGREED,
                                                             LocalDate.of(2018, 3, 20), "理由"))
                   .expectException(StateConflict.class).expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2018, 3, 1)), agreed)
                   .when(new RequestCommands.CorrectDecision(REQUEST, null, cn.foi.events.codes.LegacyResultCode.NOT_EXIST,
                                                             LocalDate.of(2018, 3, 20), " "))
                   .expectException(InvalidInput.class).expectNoEvents();
            // and the other way round: a current answer is not corrected to an old law's result
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), new RequestDecided(REQUEST, AGENCY, DISCLOSED, LocalDate.of(2024, 12, 20), null))
                   .when(new RequestCommands.CorrectDecision(REQUEST, null, cn.foi.events.codes.LegacyResultCode.AGREED,
                                                             LocalDate.of(2024, 12, 20), "理由"))
                   .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void a_second_correction_starts_from_the_first() {
            fixture.given(receivedOn(LocalDate.of(2018, 3, 1)), agreed,
                          new cn.foi.events.request.LegacyDecisionCorrected(REQUEST, AGENCY, cn.foi.events.codes.LegacyResultCode.AGREED,
                                                                            LocalDate.of(2018, 3, 20), cn.foi.events.codes.LegacyResultCode.NOT_EXIST,
                                                                            LocalDate.of(2018, 3, 22), "误录", TODAY))
                   .when(new RequestCommands.CorrectDecision(REQUEST, null, cn.foi.events.codes.LegacyResultCode.NOT_EXIST,
                                                             LocalDate.of(2018, 3, 22), "理由"))
                   .expectException(StateConflict.class).expectNoEvents();
        }
    }

    @Nested
    class CorrectingTheReceipt {

        private final RequestDecided disclosed = new RequestDecided(REQUEST, AGENCY, DISCLOSED, LocalDate.of(2024, 12, 20), null);

        private RequestCommands.CorrectReceipt correct(LocalDate receivedOn, cn.foi.events.codes.Channel channel,
                                                       cn.foi.events.codes.ApplicantType applicantType, String subject, String reason) {
            return new RequestCommands.CorrectReceipt(REQUEST, receivedOn, channel, applicantType, subject, reason);
        }

        @Test
        void a_supervisor_corrects_the_receipt_with_a_reason_and_the_event_keeps_every_field_before_and_after() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(correct(LocalDate.of(2024, 11, 28), null, COMMERCIAL_ENTERPRISE, null, " 登记时误录 "))
                   .expectEvents(new cn.foi.events.request.ReceiptCorrected(
                           REQUEST, AGENCY, LocalDate.of(2024, 12, 2), ONLINE, NATURAL_PERSON, "拆迁补偿方案",
                           LocalDate.of(2024, 11, 28), ONLINE, COMMERCIAL_ENTERPRISE, "拆迁补偿方案", "登记时误录", TODAY));
        }

        @Test
        void into_another_year_and_in_a_closed_year_it_is_taken_and_the_request_then_counts_from_the_corrected_date() {
            agencies.with(AGENCY, 2023, 2024);
            fixture.given(receivedOn(LocalDate.of(2025, 1, 3)))
                   .when(correct(LocalDate.of(2024, 12, 30), cn.foi.events.codes.Channel.LETTER, null, " 拆迁补偿方案（第二期） ", "信封邮戳为 2024-12-30"))
                   .expectEvents(new cn.foi.events.request.ReceiptCorrected(
                           REQUEST, AGENCY, LocalDate.of(2025, 1, 3), ONLINE, NATURAL_PERSON, "拆迁补偿方案",
                           LocalDate.of(2024, 12, 30), cn.foi.events.codes.Channel.LETTER, NATURAL_PERSON, "拆迁补偿方案（第二期）",
                           "信封邮戳为 2024-12-30", TODAY));
            // the aggregate follows: an answer before the corrected (later) receipt is refused
            fixture.given(receivedOn(LocalDate.of(2025, 1, 3)),
                          new cn.foi.events.request.ReceiptCorrected(REQUEST, AGENCY, LocalDate.of(2025, 1, 3), ONLINE, NATURAL_PERSON,
                                                                     "拆迁补偿方案", LocalDate.of(2025, 1, 6), ONLINE, NATURAL_PERSON,
                                                                     "拆迁补偿方案", "误录", TODAY))
                   .when(new DecideRequest(REQUEST, DISCLOSED, LocalDate.of(2025, 1, 4), null))
                   .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void the_answer_period_counts_from_the_corrected_date() {
            // received on 2 Dec, so an extension on 20 Dec is within the period; received in fact on 1 Nov, the period ended
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)),
                          new cn.foi.events.request.ReceiptCorrected(REQUEST, AGENCY, LocalDate.of(2024, 12, 2), ONLINE, NATURAL_PERSON,
                                                                     "拆迁补偿方案", LocalDate.of(2024, 11, 1), ONLINE, NATURAL_PERSON,
                                                                     "拆迁补偿方案", "误录", TODAY))
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2024, 12, 20), 10, "李主任", "需要调取档案"))
                   .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void without_a_reason_it_is_refused() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(correct(LocalDate.of(2024, 11, 28), null, null, null, "  "))
                   .expectException(InvalidInput.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("理由"))
                   .expectNoEvents();
        }

        @Test
        void the_steps_already_taken_must_stay_in_time_from_the_corrected_date() {
            // asked on 12-05, within 7 working days of 12-02, but not of 11-20 (the seventh is 11-29)
            var asked = new cn.foi.events.request.CorrectionRequested(REQUEST, AGENCY, LocalDate.of(2024, 12, 5), LocalDate.of(2024, 12, 16),
                                                                      java.util.List.of("文号"));
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), asked)
                   .when(correct(LocalDate.of(2024, 11, 20), null, null, null, "理由"))
                   .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("2024-11-29"))
                   .expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), asked)
                   .when(correct(LocalDate.of(2024, 11, 28), null, null, null, "理由"))
                   .expectSuccessfulHandlerExecution();
            // extended on 12-20, before the period from 12-02 ended (12-30), but after the one from 11-20 did (12-18)
            var extended = new cn.foi.events.request.DeadlineExtended(REQUEST, AGENCY, LocalDate.of(2024, 12, 20), 10, "李主任", "档案调取");
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), extended)
                   .when(correct(LocalDate.of(2024, 11, 20), null, null, null, "理由"))
                   .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("2024-12-18"))
                   .expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), extended)
                   .when(correct(LocalDate.of(2024, 11, 25), null, null, null, "理由"))
                   .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_receipt_is_not_moved_into_an_open_year_before_a_closed_one() {
            agencies.with(AGENCY, 2024);
            fixture.given(receivedOn(LocalDate.of(2025, 1, 6)))
                   .when(correct(LocalDate.of(2023, 12, 28), null, null, null, "理由"))
                   .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("2024 年度已关闭"))
                   .expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2025, 1, 6)))
                   .when(correct(LocalDate.of(2024, 12, 30), null, null, null, "理由"))
                   .expectSuccessfulHandlerExecution();
        }

        @Test
        void changing_nothing_is_refused() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(correct(LocalDate.of(2024, 12, 2), ONLINE, NATURAL_PERSON, " 拆迁补偿方案 ", "理由"))
                   .expectException(StateConflict.class).expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(correct(null, null, null, null, "理由"))
                   .expectException(StateConflict.class).expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(correct(null, null, null, " ", "理由"))
                   .expectException(InvalidInput.class).expectNoEvents();
        }

        @Test
        void a_date_after_the_answer_or_after_an_earlier_step_is_refused() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed)
                   .when(correct(LocalDate.of(2024, 12, 21), null, null, null, "理由"))
                   .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("答复日期 2024-12-20"))
                   .expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)),
                          new CorrectionRequested(REQUEST, AGENCY, LocalDate.of(2024, 12, 4), LocalDate.of(2024, 12, 20), List.of("申请内容不明确")),
                          disclosed)
                   .when(correct(LocalDate.of(2024, 12, 5), null, null, null, "理由"))
                   .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("告知补正日期 2024-12-04"))
                   .expectNoEvents();
            // the answer as corrected is the one that counts
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)), disclosed,
                          new cn.foi.events.request.DecisionCorrected(REQUEST, AGENCY, DISCLOSED, LocalDate.of(2024, 12, 20), DISCLOSED,
                                                                      LocalDate.of(2024, 12, 27), "误录", TODAY))
                   .when(correct(LocalDate.of(2024, 12, 23), null, null, null, "理由"))
                   .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_future_date_or_an_imported_request_s_date_in_the_year_it_was_carried_into_is_refused() {
            fixture.given(receivedOn(LocalDate.of(2025, 3, 3)))
                   .when(correct(TODAY.plusDays(1), null, null, null, "理由"))
                   .expectException(RuleViolation.class).expectNoEvents();
            fixture.given(new OpenRequestImported(REQUEST, AGENCY, LocalDate.of(2024, 11, 20), ONLINE, new Applicant(NATURAL_PERSON, "张三"),
                                                  "拆迁补偿方案", 2025))
                   .when(correct(LocalDate.of(2025, 1, 2), null, null, null, "理由"))
                   .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class Assignment {

        @Test
        void a_request_is_given_to_an_officer_of_its_agency_with_the_name_shown_for_them() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)))
                   .when(new RequestCommands.AssignRequest(REQUEST, " wang "))
                   .expectEvents(new cn.foi.events.request.RequestAssigned(REQUEST, AGENCY, "wang", "王经办", TODAY));
        }

        @Test
        void a_user_who_does_not_handle_the_agency_s_requests_is_refused() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)))
                   .when(new RequestCommands.AssignRequest(REQUEST, "li"))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.containsString("不是本机关的经办人"))
                   .expectNoEvents();
        }

        @Test
        void giving_it_again_to_the_one_who_has_it_changes_nothing_and_no_name_is_bad_input() {
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)),
                          new cn.foi.events.request.RequestAssigned(REQUEST, AGENCY, "wang", "王经办", TODAY))
                   .when(new RequestCommands.AssignRequest(REQUEST, "wang"))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)))
                   .when(new RequestCommands.AssignRequest(REQUEST, " "))
                   .expectException(InvalidInput.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Receipt {

        @Test
        void a_request_received_today_or_earlier_is_recorded_with_its_legal_receipt_date() {
            fixture.givenNoPriorActivity()
                   .when(log(LocalDate.of(2024, 12, 31)))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(receivedOn(LocalDate.of(2024, 12, 31)));
            org.assertj.core.api.Assertions.assertThat(numbersGiven).containsExactly(AGENCY + " 2024 " + REQUEST);
        }

        @Test
        void a_receipt_date_in_the_future_is_refused() {
            fixture.givenNoPriorActivity()
                   .when(log(TODAY.plusDays(1)))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
            org.assertj.core.api.Assertions.assertThat(numbersGiven).as("no number for a refused receipt").isEmpty();
        }

        @Test
        void a_receipt_dated_in_a_closed_year_is_refused() {
            fixture.givenNoPriorActivity()
                   .when(log(LocalDate.of(2023, 6, 1)))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
            org.assertj.core.api.Assertions.assertThat(numbersGiven).as("no number for a refused receipt").isEmpty();
        }

        @Test
        void a_request_for_an_unknown_agency_is_refused() {
            fixture.givenNoPriorActivity()
                   .when(new LogRequest(REQUEST, "nobody", TODAY, ONLINE, NATURAL_PERSON, "张三", "x"))
                   .expectException(NotFound.class)
                   .expectNoEvents();
        }

        @Test
        void a_request_without_applicant_type_or_subject_is_refused() {
            fixture.givenNoPriorActivity()
                   .when(new LogRequest(REQUEST, AGENCY, TODAY, ONLINE, null, "张三", "x"))
                   .expectException(InvalidInput.class);
            fixture.givenNoPriorActivity()
                   .when(new LogRequest(REQUEST, AGENCY, TODAY, ONLINE, NATURAL_PERSON, "张三", " "))
                   .expectException(InvalidInput.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class ImportOfRequestsAlreadyOpen {

        @Test
        void a_request_open_at_the_start_of_the_year_is_imported_as_carried_over_into_it() {
            fixture.givenNoPriorActivity()
                   .when(new ImportOpenRequest(REQUEST, AGENCY, LocalDate.of(2024, 12, 20), ONLINE,
                                               COMMERCIAL_ENTERPRISE, "某公司", "环评报告", 2025))
                   .expectEvents(new OpenRequestImported(REQUEST, AGENCY, LocalDate.of(2024, 12, 20), ONLINE,
                                                         new Applicant(COMMERCIAL_ENTERPRISE, "某公司"), "环评报告", 2025));
        }

        @Test
        void it_must_have_been_received_before_the_year_it_is_carried_over_into() {
            fixture.givenNoPriorActivity()
                   .when(new ImportOpenRequest(REQUEST, AGENCY, LocalDate.of(2025, 1, 2), ONLINE,
                                               COMMERCIAL_ENTERPRISE, "某公司", "环评报告", 2025))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void it_cannot_be_carried_over_into_a_closed_year() {
            fixture.givenNoPriorActivity()
                   .when(new ImportOpenRequest(REQUEST, AGENCY, LocalDate.of(2022, 12, 1), ONLINE,
                                               COMMERCIAL_ENTERPRISE, "某公司", "环评报告", 2023))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }

        @Test
        void an_imported_request_cannot_be_decided_before_the_year_it_was_carried_over_into() {
            fixture.given(new OpenRequestImported(REQUEST, AGENCY, LocalDate.of(2024, 11, 20), ONLINE,
                                                  new Applicant(COMMERCIAL_ENTERPRISE, "某公司"), "环评报告", 2025))
                   .when(new DecideRequest(REQUEST, DISCLOSED, LocalDate.of(2024, 12, 5), null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Decision {

        @Test
        void a_received_request_is_decided_with_exactly_one_result() {
            fixture.given(receivedOn(LocalDate.of(2025, 1, 6)))
                   .when(new DecideRequest(REQUEST, NOT_PROCESSED_DUPLICATE, LocalDate.of(2025, 2, 10), "重复申请"))
                   .expectEvents(new RequestDecided(REQUEST, AGENCY, NOT_PROCESSED_DUPLICATE,
                                                    LocalDate.of(2025, 2, 10), "重复申请"));
        }

        @Test
        void a_second_decision_is_a_conflict() {
            fixture.given(receivedOn(LocalDate.of(2025, 1, 6)),
                          new RequestDecided(REQUEST, AGENCY, DISCLOSED, LocalDate.of(2025, 1, 20), null))
                   .when(new DecideRequest(REQUEST, NOT_PROCESSED_DUPLICATE, LocalDate.of(2025, 2, 10), null))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }

        @Test
        void a_decision_dated_before_receipt_breaks_the_rules() {
            fixture.given(receivedOn(LocalDate.of(2025, 1, 6)))
                   .when(new DecideRequest(REQUEST, DISCLOSED, LocalDate.of(2025, 1, 5), null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_decision_dated_in_the_future_breaks_the_rules() {
            fixture.given(receivedOn(LocalDate.of(2025, 1, 6)))
                   .when(new DecideRequest(REQUEST, DISCLOSED, TODAY.plusDays(1), null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_decision_dated_in_a_closed_year_is_refused() {
            agencies.with(AGENCY, 2023, 2024);
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)))
                   .when(new DecideRequest(REQUEST, DISCLOSED, LocalDate.of(2024, 12, 20), null))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }

        @Test
        void a_request_received_in_a_closed_year_may_still_be_decided_in_the_next() {
            agencies.with(AGENCY, 2023, 2024);
            fixture.given(receivedOn(LocalDate.of(2024, 12, 2)))
                   .when(new DecideRequest(REQUEST, DISCLOSED, LocalDate.of(2025, 1, 3), null))
                   .expectEvents(new RequestDecided(REQUEST, AGENCY, DISCLOSED, LocalDate.of(2025, 1, 3), null));
        }

        @Test
        void a_decision_needs_a_result_and_a_date() {
            fixture.given(receivedOn(LocalDate.of(2025, 1, 6)))
                   .when(new DecideRequest(REQUEST, null, LocalDate.of(2025, 1, 7), null))
                   .expectException(InvalidInput.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Extension {

        // received Friday 24 Jan 2025: the original 20 working days end on Thursday 27 Feb (Spring Festival)
        private final RequestReceived received = receivedOn(LocalDate.of(2025, 1, 24));

        @Test
        void the_period_may_be_extended_once_by_up_to_twenty_working_days_with_an_approver() {
            fixture.given(received)
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 2, 20), 15, "李主任", "需要调取档案"))
                   .expectEvents(new DeadlineExtended(REQUEST, AGENCY, LocalDate.of(2025, 2, 20), 15, "李主任",
                                                      "需要调取档案"));
        }

        @Test
        void a_second_extension_is_a_conflict() {
            fixture.given(received, new DeadlineExtended(REQUEST, AGENCY, LocalDate.of(2025, 2, 20), 5, "李主任", null))
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 2, 21), 5, "李主任", null))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }

        @Test
        void more_than_twenty_or_no_working_days_break_the_rules() {
            fixture.given(received)
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 2, 20), 21, "李主任", null))
                   .expectException(RuleViolation.class);
            fixture.given(received)
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 2, 20), 0, "李主任", null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void an_extension_granted_after_the_original_period_ended_breaks_the_rules() {
            fixture.given(received)
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 2, 28), 10, "李主任", null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void an_answered_request_cannot_be_extended_and_an_approver_is_required() {
            fixture.given(received, new RequestDecided(REQUEST, AGENCY, DISCLOSED, LocalDate.of(2025, 2, 10), null))
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 2, 11), 10, "李主任", null))
                   .expectException(StateConflict.class);
            fixture.given(received)
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 2, 11), 10, " ", null))
                   .expectException(InvalidInput.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Correction {

        // received Friday 24 Jan 2025; its 7th working day is Monday 10 Feb (Spring Festival in between)
        private final RequestReceived received = receivedOn(LocalDate.of(2025, 1, 24));
        private final CorrectionRequested asked = new CorrectionRequested(REQUEST, AGENCY, LocalDate.of(2025, 2, 5),
                                                                          LocalDate.of(2025, 2, 20), List.of("申请内容的具体名称"));

        @Test
        void a_correction_is_asked_once_within_seven_working_days_of_receipt() {
            fixture.given(received)
                   .when(new RequestCorrection(REQUEST, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 25),
                                               List.of("文件名称")))
                   .expectEvents(new CorrectionRequested(REQUEST, AGENCY, LocalDate.of(2025, 2, 10),
                                                         LocalDate.of(2025, 2, 25), List.of("文件名称")));
        }

        @Test
        void asking_after_the_seventh_working_day_breaks_the_rules() {
            fixture.given(received)
                   .when(new RequestCorrection(REQUEST, LocalDate.of(2025, 2, 11), LocalDate.of(2025, 2, 25), List.of()))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_second_correction_is_a_conflict_and_so_is_a_correction_nobody_asked_for() {
            fixture.given(received, asked)
                   .when(new RequestCorrection(REQUEST, LocalDate.of(2025, 2, 6), LocalDate.of(2025, 2, 25), List.of()))
                   .expectException(StateConflict.class);
            fixture.given(received)
                   .when(new ReceiveCorrection(REQUEST, LocalDate.of(2025, 2, 6)))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }

        @Test
        void the_corrected_request_restarts_the_twenty_working_days() {
            // without the correction the original period ended on 27 Feb; from 20 Feb it ends on 20 Mar
            fixture.given(received, asked, new CorrectionReceived(REQUEST, AGENCY, LocalDate.of(2025, 2, 20)))
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 3, 5), 10, "李主任", null))
                   .expectSuccessfulHandlerExecution();
        }

        @Test
        void while_waiting_for_the_correction_the_clock_is_stopped_and_cannot_be_extended() {
            fixture.given(received, asked)
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 2, 6), 10, "李主任", null))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }

        @Test
        void a_lapsed_correction_closes_the_request_as_not_corrected_but_only_after_its_period() {
            fixture.given(received, asked)
                   .when(new DecideRequest(REQUEST, OTHER_NO_CORRECTION, LocalDate.of(2025, 2, 21), null))
                   .expectEvents(new RequestDecided(REQUEST, AGENCY, OTHER_NO_CORRECTION, LocalDate.of(2025, 2, 21), null));
            fixture.given(received, asked)
                   .when(new DecideRequest(REQUEST, OTHER_NO_CORRECTION, LocalDate.of(2025, 2, 20), null))
                   .expectException(RuleViolation.class);
            fixture.given(received, asked, new CorrectionReceived(REQUEST, AGENCY, LocalDate.of(2025, 2, 18)))
                   .when(new DecideRequest(REQUEST, OTHER_NO_CORRECTION, LocalDate.of(2025, 2, 21), null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
            // a correction handled before the request was recorded here may still be closed as lapsed
            fixture.given(received)
                   .when(new DecideRequest(REQUEST, OTHER_NO_CORRECTION, LocalDate.of(2025, 2, 21), null))
                   .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Consultation {

        private final RequestReceived received = receivedOn(LocalDate.of(2025, 1, 24));
        private final ConsultationSent sent = new ConsultationSent(REQUEST, AGENCY, "c-1", "某公司", "THIRD_PARTY",
                                                                   LocalDate.of(2025, 2, 5));

        @Test
        void a_third_party_is_consulted_and_its_reply_recorded_once() {
            fixture.given(received)
                   .when(new RequestCommands.SendConsultation(REQUEST, "c-1", "某公司",
                                                              RequestCommands.ConsultationKind.THIRD_PARTY,
                                                              LocalDate.of(2025, 2, 5)))
                   .expectEvents(sent);
            fixture.given(received, sent)
                   .when(new RequestCommands.ReceiveConsultationReply(REQUEST, "c-1", LocalDate.of(2025, 2, 20), true))
                   .expectEvents(new ConsultationReplied(REQUEST, AGENCY, "c-1", LocalDate.of(2025, 2, 20), true));
            fixture.given(received, sent, new ConsultationReplied(REQUEST, AGENCY, "c-1", LocalDate.of(2025, 2, 20), true))
                   .when(new RequestCommands.ReceiveConsultationReply(REQUEST, "c-1", LocalDate.of(2025, 2, 21), true))
                   .expectException(StateConflict.class);
        }

        @Test
        void a_reply_to_an_unknown_consultation_or_before_it_was_sent_is_refused() {
            fixture.given(received, sent)
                   .when(new RequestCommands.ReceiveConsultationReply(REQUEST, "c-9", LocalDate.of(2025, 2, 20), null))
                   .expectException(NotFound.class);
            fixture.given(received, sent)
                   .when(new RequestCommands.ReceiveConsultationReply(REQUEST, "c-1", LocalDate.of(2025, 2, 4), null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void while_a_consultation_is_open_the_original_period_cannot_have_ended() {
            // without the pause the period ended on 27 Feb; with the consultation open it has not
            fixture.given(received, sent)
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 3, 3), 10, "李主任", null))
                   .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Fee {

        private final RequestReceived received = receivedOn(LocalDate.of(2025, 1, 24));
        private final FeeNoticeIssued noticed = new FeeNoticeIssued(REQUEST, AGENCY, LocalDate.of(2025, 2, 6),
                                                                    new BigDecimal("1200"), FeeBasis.BY_VOLUME,
                                                                    LocalDate.of(2025, 2, 28));

        @BeforeEach
        void laterInTheYear() {
            // today is well after every date used here, so no refusal is about a future date
            fixture = new AggregateTestFixture<>(DisclosureRequest.class);
            fixture.registerInjectableResource(Clock.fixed(LocalDate.of(2025, 6, 30).atStartOfDay(BEIJING).toInstant(),
                                                           BEIJING));
            fixture.registerInjectableResource(agencies);
            fixture.registerInjectableResource(CalendarBook.of(WorkingDayCalendar.shipped()));
            fixture.registerInjectableResource(caseNumbers);
            fixture.registerInjectableResource(officers);
        }

        private RequestCommands.IssueFeeNotice notice(String amount) {
            return new RequestCommands.IssueFeeNotice(REQUEST, LocalDate.of(2025, 2, 6), new BigDecimal(amount),
                                                      FeeBasis.BY_VOLUME, LocalDate.of(2025, 2, 28));
        }

        @Test
        void the_agency_may_charge_a_fee_once_with_its_amount_basis_and_payment_period() {
            fixture.given(received)
                   .when(notice("1200"))
                   .expectEvents(noticed);
            fixture.given(received, noticed)
                   .when(notice("300"))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }

        @Test
        void a_fee_is_a_positive_amount_in_yuan() {
            fixture.given(received).when(notice("0")).expectException(InvalidInput.class).expectNoEvents();
            fixture.given(received).when(notice("-5")).expectException(InvalidInput.class).expectNoEvents();
            fixture.given(received).when(notice("10.005")).expectException(InvalidInput.class).expectNoEvents();
        }

        @Test
        void the_clock_runs_again_when_the_fee_is_paid_within_its_period() {
            fixture.given(received, noticed)
                   .when(new RequestCommands.ReceiveFeePayment(REQUEST, LocalDate.of(2025, 2, 20)))
                   .expectEvents(new FeePaid(REQUEST, AGENCY, LocalDate.of(2025, 2, 20)));
            fixture.given(received)
                   .when(new RequestCommands.ReceiveFeePayment(REQUEST, LocalDate.of(2025, 2, 20)))
                   .expectException(StateConflict.class);
            fixture.given(received, noticed, new FeePaid(REQUEST, AGENCY, LocalDate.of(2025, 2, 20)))
                   .when(new RequestCommands.ReceiveFeePayment(REQUEST, LocalDate.of(2025, 2, 21)))
                   .expectException(StateConflict.class);
        }

        @Test
        void fee_notices_and_payments_are_frozen_with_their_closed_year_as_everything_else() {
            agencies.with(AGENCY, 2025);
            fixture.given(received).when(notice("1200")).expectException(StateConflict.class).expectNoEvents();
            fixture.given(received, noticed)
                   .when(new RequestCommands.ReceiveFeePayment(REQUEST, LocalDate.of(2025, 2, 20)))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }

        @Test
        void a_payment_after_the_period_is_refused_because_the_application_lapsed() {
            fixture.given(received, noticed)
                   .when(new RequestCommands.ReceiveFeePayment(REQUEST, LocalDate.of(2025, 3, 3)))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void an_unpaid_fee_closes_the_request_as_unpaid_only_after_the_payment_period() {
            fixture.given(received, noticed)
                   .when(new DecideRequest(REQUEST, OTHER_FEE_UNPAID, LocalDate.of(2025, 2, 28), null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
            fixture.given(received, noticed)
                   .when(new DecideRequest(REQUEST, OTHER_FEE_UNPAID, LocalDate.of(2025, 3, 3), null))
                   .expectEvents(new RequestDecided(REQUEST, AGENCY, OTHER_FEE_UNPAID, LocalDate.of(2025, 3, 3), null));
            fixture.given(received, noticed, new FeePaid(REQUEST, AGENCY, LocalDate.of(2025, 2, 20)))
                   .when(new DecideRequest(REQUEST, OTHER_FEE_UNPAID, LocalDate.of(2025, 3, 3), null))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void while_the_fee_is_awaited_the_original_period_cannot_have_ended() {
            // without the pause the period ended on 27 Feb
            fixture.given(received, noticed)
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 3, 3), 10, "李主任", null))
                   .expectSuccessfulHandlerExecution();
            // paid on 20 Feb: the 11 working days 7–20 Feb (make-up Saturday 8 Feb included) do not count,
            // so the period ends on 14 Mar
            fixture.given(received, noticed, new FeePaid(REQUEST, AGENCY, LocalDate.of(2025, 2, 20)))
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 3, 14), 10, "李主任", null))
                   .expectSuccessfulHandlerExecution();
            fixture.given(received, noticed, new FeePaid(REQUEST, AGENCY, LocalDate.of(2025, 2, 20)))
                   .when(new ExtendDeadline(REQUEST, LocalDate.of(2025, 3, 17), 10, "李主任", null))
                   .expectException(RuleViolation.class);
        }

        @Test
        void no_fee_for_a_decided_request_or_while_a_correction_is_awaited() {
            fixture.given(received, new RequestDecided(REQUEST, AGENCY, DISCLOSED, LocalDate.of(2025, 2, 5), null))
                   .when(notice("100"))
                   .expectException(StateConflict.class);
            fixture.given(received, new CorrectionRequested(REQUEST, AGENCY, LocalDate.of(2025, 1, 27),
                                                            LocalDate.of(2025, 2, 20), List.of("申请内容")))
                   .when(notice("100"))
                   .expectException(StateConflict.class);
        }
    }

    @Nested
    class AfterTheAnswer {

        private final RequestReceived received = receivedOn(LocalDate.of(2025, 1, 24));

        @Test
        void a_payment_or_a_correction_after_the_decision_is_refused() {
            FeeNoticeIssued noticed = new FeeNoticeIssued(REQUEST, AGENCY, LocalDate.of(2025, 2, 6), new BigDecimal("100"),
                                                          FeeBasis.PER_APPLICATION, LocalDate.of(2025, 2, 28));
            fixture.given(received, noticed,
                          new RequestDecided(REQUEST, AGENCY, OTHER_FEE_UNPAID, LocalDate.of(2025, 3, 3), null))
                   .when(new RequestCommands.ReceiveFeePayment(REQUEST, LocalDate.of(2025, 2, 20)))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
            fixture.given(received, new CorrectionRequested(REQUEST, AGENCY, LocalDate.of(2025, 1, 27),
                                                            LocalDate.of(2025, 2, 20), List.of("申请内容")),
                          new RequestDecided(REQUEST, AGENCY, OTHER_NO_CORRECTION, LocalDate.of(2025, 2, 21), null))
                   .when(new ReceiveCorrection(REQUEST, LocalDate.of(2025, 2, 25)))
                   .expectException(StateConflict.class);
        }

        @Test
        void a_fee_or_a_consultation_cannot_stop_a_clock_that_has_already_run_out() {
            // due 27 Feb 2025: a fee notice or a consultation on 3 March would only hide the delay
            fixture.given(received)
                   .when(new RequestCommands.IssueFeeNotice(REQUEST, LocalDate.of(2025, 3, 3), new BigDecimal("100"),
                                                            FeeBasis.PER_APPLICATION, LocalDate.of(2025, 3, 20)))
                   .expectException(RuleViolation.class)
                   .expectNoEvents();
            fixture.given(received)
                   .when(new RequestCommands.SendConsultation(REQUEST, "c-1", "某公司",
                                                              RequestCommands.ConsultationKind.THIRD_PARTY,
                                                              LocalDate.of(2025, 3, 3)))
                   .expectException(RuleViolation.class);
            // after an extension of 10 working days (to 13 March) it is still within the period
            fixture.given(received, new DeadlineExtended(REQUEST, AGENCY, LocalDate.of(2025, 2, 20), 10, "李主任", null))
                   .when(new RequestCommands.IssueFeeNotice(REQUEST, LocalDate.of(2025, 3, 3), new BigDecimal("100"),
                                                            FeeBasis.PER_APPLICATION, LocalDate.of(2025, 3, 20)))
                   .expectSuccessfulHandlerExecution();
        }
    }

    /** Answers dated up to 2018 take a result of the 2008 Regulations, later ones a current result; never the other set. */
    @Nested
    class AnswersUnderTheRegulationsOfTheirDay {

        private final RequestReceived received2018 = receivedOn(LocalDate.of(2018, 11, 5));

        @Test
        void an_answer_dated_2018_with_a_result_of_the_2008_regulations_is_recorded_as_such() {
            fixture.given(received2018)
                   .when(new RequestCommands.DecideRequestUnder2008Regulations(REQUEST, cn.foi.events.codes.LegacyResultCode.AGREED,
                                                                               LocalDate.of(2018, 11, 20), null))
                   .expectEvents(new cn.foi.events.request.LegacyRequestDecided(REQUEST, AGENCY, cn.foi.events.codes.LegacyResultCode.AGREED,
                                                                                LocalDate.of(2018, 11, 20), null));
        }

        @Test
        void an_answer_dated_2018_with_a_current_result_is_refused_naming_the_2008_results() {
            fixture.given(received2018)
                   .when(new RequestCommands.DecideRequest(REQUEST, cn.foi.events.codes.ResultCode.DISCLOSED, LocalDate.of(2018, 11, 20), null))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("2008 年《条例》"),
                                                                       org.hamcrest.Matchers.containsString("同意公开")))
                   .expectNoEvents();
        }

        @Test
        void a_request_of_2018_answered_in_2019_takes_a_current_result_and_the_2008_results_are_refused() {
            fixture.given(received2018)
                   .when(new RequestCommands.DecideRequestUnder2008Regulations(REQUEST, cn.foi.events.codes.LegacyResultCode.AGREED,
                                                                               LocalDate.of(2019, 1, 8), null))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.containsString("现行《条例》"))
                   .expectNoEvents();
            fixture.given(received2018)
                   .when(new RequestCommands.DecideRequest(REQUEST, cn.foi.events.codes.ResultCode.DISCLOSED, LocalDate.of(2019, 1, 8), null))
                   .expectEvents(new cn.foi.events.request.RequestDecided(REQUEST, AGENCY, cn.foi.events.codes.ResultCode.DISCLOSED,
                                                                          LocalDate.of(2019, 1, 8), null));
        }

        @Test
        void a_request_received_before_15_may_2019_is_extended_by_at_most_15_working_days() {
            fixture.given(received2018)
                   .when(new RequestCommands.ExtendDeadline(REQUEST, LocalDate.of(2018, 11, 12), 16, "王局长", null))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.containsString("15 个工作日"))
                   .expectNoEvents();
            fixture.given(received2018)
                   .when(new RequestCommands.ExtendDeadline(REQUEST, LocalDate.of(2018, 11, 12), 15, "王局长", null))
                   .expectEvents(new cn.foi.events.request.DeadlineExtended(REQUEST, AGENCY, LocalDate.of(2018, 11, 12), 15, "王局长", null));
        }

        @Test
        void a_request_answered_under_the_2008_regulations_cannot_be_answered_again() {
            fixture.given(received2018, new cn.foi.events.request.LegacyRequestDecided(REQUEST, AGENCY,
                                                                                       cn.foi.events.codes.LegacyResultCode.NOT_EXIST,
                                                                                       LocalDate.of(2018, 11, 20), null))
                   .when(new RequestCommands.DecideRequest(REQUEST, cn.foi.events.codes.ResultCode.DISCLOSED, LocalDate.of(2019, 1, 8), null))
                   .expectException(StateConflict.class)
                   .expectNoEvents();
        }
    }
}
