package cn.foi.command.agency;

import cn.foi.command.agency.AgencyCommands.CloseReportingYear;
import cn.foi.command.agency.AgencyCommands.RegisterAgency;
import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.problem.StateConflict;
import cn.foi.command.register.AgencyBook;
import cn.foi.command.register.RegisteredRequest;
import cn.foi.command.register.RequestRegister;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.agency.ReportingYearClosed.CarriedForwardRequest;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static cn.foi.events.codes.ApplicantType.LEGAL_SERVICE_INSTITUTION;
import static cn.foi.events.codes.ApplicantType.NATURAL_PERSON;

class AgencyTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final String AGENCY = "xixia-office";
    private static final AgencyRegistered REGISTERED = new AgencyRegistered(AGENCY, "西夏区人民政府办公室",
                                                                            LocalDate.of(2023, 1, 3));

    private AggregateTestFixture<Agency> fixture;
    private final List<RegisteredRequest> requests = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(BEIJING).toInstant(), BEIJING));
        fixture.registerInjectableResource((RequestRegister) agencyId -> new AgencyBook(requests));
        fixture.registerInjectableResource(new AgencyDirectory() {
            @Override
            public boolean exists(String agencyId) {
                return false;
            }

            @Override
            public boolean isClosed(String agencyId, int year) {
                return false;
            }
        });
    }

    @Test
    void an_agency_is_registered_with_an_id_and_a_chinese_name() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgency(AGENCY, " 西夏区人民政府办公室 "))
               .expectEvents(new AgencyRegistered(AGENCY, "西夏区人民政府办公室", TODAY));
    }

    @Test
    void an_agency_id_must_be_lowercase_letters_digits_or_hyphens() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgency("Xixia Office", "西夏区"))
               .expectException(InvalidInput.class)
               .expectNoEvents();
    }

    @Test
    void closing_a_year_carries_forward_every_request_open_at_its_end_by_business_dates() {
        requests.add(new RegisteredRequest("open", NATURAL_PERSON, 2024, null));
        requests.add(new RegisteredRequest("decided-next-year", LEGAL_SERVICE_INSTITUTION, 2024,
                                           LocalDate.of(2025, 1, 8)));
        requests.add(new RegisteredRequest("decided-in-year", NATURAL_PERSON, 2024, LocalDate.of(2024, 12, 31)));
        requests.add(new RegisteredRequest("received-next-year", NATURAL_PERSON, 2025, null));
        fixture.given(REGISTERED, new ReportingYearClosed(AGENCY, 2023, LocalDate.of(2024, 1, 5), List.of()))
               .when(new CloseReportingYear(AGENCY, 2024))
               .expectResultMessagePayload(2)
               .expectEvents(new ReportingYearClosed(AGENCY, 2024, TODAY, List.of(
                       new CarriedForwardRequest("decided-next-year", LEGAL_SERVICE_INSTITUTION),
                       new CarriedForwardRequest("open", NATURAL_PERSON))));
    }

    @Test
    void a_year_that_has_not_ended_cannot_be_closed() {
        fixture.given(REGISTERED)
               .when(new CloseReportingYear(AGENCY, 2025))
               .expectException(RuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void a_year_is_closed_only_once() {
        fixture.given(REGISTERED, new ReportingYearClosed(AGENCY, 2024, LocalDate.of(2025, 1, 5), List.of()))
               .when(new CloseReportingYear(AGENCY, 2024))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @Test
    void every_earlier_year_with_requests_must_be_closed_first() {
        requests.add(new RegisteredRequest("from-2023", NATURAL_PERSON, 2023, LocalDate.of(2023, 5, 1)));
        fixture.given(REGISTERED)
               .when(new CloseReportingYear(AGENCY, 2024))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @Test
    void earlier_years_without_any_request_need_not_be_closed() {
        requests.add(new RegisteredRequest("from-2024", NATURAL_PERSON, 2024, LocalDate.of(2024, 5, 1)));
        fixture.given(REGISTERED)
               .when(new CloseReportingYear(AGENCY, 2024))
               .expectEvents(new ReportingYearClosed(AGENCY, 2024, TODAY, List.of()));
    }

    private static java.util.Map<String, java.util.Map<String, java.math.BigDecimal>> figures(String row, String column,
                                                                                       String value) {
        return java.util.Map.of(row, java.util.Map.of(column, new java.math.BigDecimal(value)));
    }

    @Test
    void table_two_figures_are_recorded_with_every_cell_and_each_recording_is_a_new_version() {
        var first = new cn.foi.events.agency.ProactiveDisclosureRecorded(AGENCY, 2024, 1, TODAY,
                java.util.Map.of("RULES", java.util.Map.of()));
        fixture.given(REGISTERED, first)
               .when(new AgencyCommands.RecordProactiveDisclosure(AGENCY, 2024, figures("ADMINISTRATIVE_FEES",
                                                                                         "AMOUNT_10K_YUAN", "1.25")))
               .expectSuccessfulHandlerExecution()
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                       org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                       new org.hamcrest.CustomTypeSafeMatcher<cn.foi.events.agency.ProactiveDisclosureRecorded>(
                                               "version 2 with all 12 cells") {
                                           @Override
                                           protected boolean matchesSafely(
                                                   cn.foi.events.agency.ProactiveDisclosureRecorded e) {
                                               return e.version() == 2 && e.figures().size() == 6
                                                      && e.figures().get("ADMINISTRATIVE_FEES").get("AMOUNT_10K_YUAN")
                                                          .compareTo(new java.math.BigDecimal("1.25")) == 0
                                                      && e.figures().get("RULES").get("IN_FORCE").signum() == 0;
                                           }
                                       },
                               org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void table_two_refuses_unknown_codes_fractions_of_documents_and_closed_years() {
        fixture.given(REGISTERED)
               .when(new AgencyCommands.RecordProactiveDisclosure(AGENCY, 2024, figures("SPEECHES", "MADE", "1")))
               .expectException(InvalidInput.class);
        fixture.given(REGISTERED)
               .when(new AgencyCommands.RecordProactiveDisclosure(AGENCY, 2024, figures("RULES", "MADE", "1.5")))
               .expectException(InvalidInput.class);
        fixture.given(REGISTERED, new ReportingYearClosed(AGENCY, 2024, LocalDate.of(2025, 1, 5), List.of()))
               .when(new AgencyCommands.RecordProactiveDisclosure(AGENCY, 2024, figures("RULES", "MADE", "1")))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @org.junit.jupiter.api.Nested
    class FiguresOfTheStatisticsFormOfYearsUpTo2018 {

        private java.util.Map<String, java.math.BigDecimal> given(Object... codesAndValues) {
            java.util.Map<String, java.math.BigDecimal> figures = new java.util.LinkedHashMap<>();
            for (int i = 0; i < codesAndValues.length; i += 2) {
                figures.put((String) codesAndValues[i], new java.math.BigDecimal(codesAndValues[i + 1].toString()));
            }
            return figures;
        }

        /** Every item the agency supplies, zero unless given. */
        private java.util.Map<String, java.math.BigDecimal> recorded(Object... codesAndValues) {
            java.util.Map<String, java.math.BigDecimal> all = new java.util.LinkedHashMap<>();
            for (cn.foi.events.codes.LegacyStatisticsItem item : cn.foi.events.codes.LegacyStatisticsItem.values()) {
                if (item.source() == cn.foi.events.codes.LegacyStatisticsItem.Source.AGENCY) {
                    all.put(item.name(), java.math.BigDecimal.ZERO);
                }
            }
            all.putAll(given(codesAndValues));
            return all;
        }

        @Test
        void the_agency_s_items_are_recorded_with_the_rest_zero_and_the_staff_total_added_up() {
            var expected = recorded("PROACTIVE_ITEMS", 120, "STAFF_FULL_TIME", 2, "STAFF_PART_TIME", 3, "STAFF", 5,
                                    "SPECIAL_FUNDS_10K_YUAN", "1.5");

            fixture.given(REGISTERED)
                   .when(new AgencyCommands.RecordLegacyFigures(AGENCY, 2016, given("PROACTIVE_ITEMS", 120, "STAFF_FULL_TIME", 2,
                                                                                     "STAFF_PART_TIME", 3,
                                                                                     "SPECIAL_FUNDS_10K_YUAN", "1.5")))
                   .expectEvents(new cn.foi.events.agency.LegacyFiguresRecorded(AGENCY, 2016, 1, TODAY, expected));
        }

        @Test
        void a_second_recording_is_a_new_version() {
            fixture.given(REGISTERED, new cn.foi.events.agency.LegacyFiguresRecorded(AGENCY, 2016, 1, TODAY, java.util.Map.of()))
                   .when(new AgencyCommands.RecordLegacyFigures(AGENCY, 2016, given("COMPLAINTS", 1)))
                   .expectEvents(new cn.foi.events.agency.LegacyFiguresRecorded(AGENCY, 2016, 2, TODAY, recorded("COMPLAINTS", 1)));
        }

        @Test
        void years_from_2019_on_are_refused_they_are_reported_in_tables_two_to_four() {
            fixture.given(REGISTERED)
                   .when(new AgencyCommands.RecordLegacyFigures(AGENCY, 2019, given("PROACTIVE_ITEMS", 1)))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.containsString("2008–2018"))
                   .expectNoEvents();
        }

        @Test
        void items_counted_from_events_unknown_codes_the_staff_total_negative_or_fractional_counts_are_refused() {
            for (var figures : List.of(given("RECEIVED", 3), given("NO_SUCH_ITEM", 1), given("STAFF", 5),
                                       given("PROACTIVE_ITEMS", -1), given("PROACTIVE_ITEMS", "1.5"))) {
                fixture.given(REGISTERED)
                       .when(new AgencyCommands.RecordLegacyFigures(AGENCY, 2016, figures))
                       .expectException(InvalidInput.class)
                       .expectNoEvents();
            }
        }
    }

    @Test
    void each_saved_template_of_a_letter_is_a_new_version_and_the_same_text_again_stores_nothing() {
        var first = new cn.foi.events.letter.LetterTemplateSet(AGENCY, cn.foi.events.letter.LetterKind.RECEIPT, 1, "受理回执",
                                                               "{{申请人}}：\n{{收到日期}}收到，不晚于{{答复期限}}答复。", TODAY);
        fixture.given(REGISTERED)
               .when(new AgencyCommands.SetLetterTemplate(AGENCY, "RECEIPT", " 受理回执 ", "{{申请人}}：\r\n{{收到日期}}收到，不晚于{{答复期限}}答复。"))
               .expectEvents(first)
               .expectResultMessagePayload(new AgencyCommands.SavedLetterTemplate(1, "受理回执", "{{申请人}}：\n{{收到日期}}收到，不晚于{{答复期限}}答复。"));
        fixture.given(REGISTERED, first)
               .when(new AgencyCommands.SetLetterTemplate(AGENCY, "RECEIPT", "受理回执", "{{申请人}}：\n{{收到日期}}收到，不晚于{{答复期限}}答复。"))
               .expectNoEvents()
               .expectResultMessagePayload(new AgencyCommands.SavedLetterTemplate(1, "受理回执", "{{申请人}}：\n{{收到日期}}收到，不晚于{{答复期限}}答复。"));
        fixture.given(REGISTERED, first)
               .when(new AgencyCommands.SetLetterTemplate(AGENCY, "RECEIPT", "受理回执", "{{申请人}}：\n{{收到日期}}收到，编号{{登记编号}}，不晚于{{答复期限}}答复。"))
               .expectEvents(new cn.foi.events.letter.LetterTemplateSet(AGENCY, cn.foi.events.letter.LetterKind.RECEIPT, 2, "受理回执",
                                                                        "{{申请人}}：\n{{收到日期}}收到，编号{{登记编号}}，不晚于{{答复期限}}答复。", TODAY));
    }

    @Test
    void a_template_with_a_field_of_another_letter_or_of_an_unknown_kind_is_refused() {
        fixture.given(REGISTERED)
               .when(new AgencyCommands.SetLetterTemplate(AGENCY, "RECEIPT", "受理回执", "{{缴费期限}}"))
               .expectException(InvalidInput.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("不属于受理回执"))
               .expectNoEvents();
        fixture.given(REGISTERED)
               .when(new AgencyCommands.SetLetterTemplate(AGENCY, "REPLY", "答复书", "{{申请人}}：\n{{答复意见}}"))
               .expectException(InvalidInput.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("{{救济途径}}"))
               .expectNoEvents();
        fixture.given(REGISTERED)
               .when(new AgencyCommands.SetLetterTemplate(AGENCY, "SUMMONS", "传票", "正文"))
               .expectException(cn.foi.command.problem.NotFound.class)
               .expectNoEvents();
    }
}
