package cn.foi.command.agency;

import cn.foi.command.agency.AgencyCommands.PreparePublication;
import cn.foi.command.agency.AgencyCommands.PublishAnnualReport;
import cn.foi.command.agency.AgencyCommands.RecordReportTexts;
import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.problem.StateConflict;
import cn.foi.command.register.AgencyBook;
import cn.foi.command.register.RequestRegister;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.AnnualReportPublished.FrozenReport;
import cn.foi.events.report.ReportDigest;
import cn.foi.events.report.ReportTextsRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The agency's texts of its annual report, and publishing it: given the agency's events, when a command, then. */
class AnnualReportRulesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2025-01-20T02:00:00.123Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 20);
    private static final String AGENCY = "xixia-office";
    private static final AgencyRegistered REGISTERED = new AgencyRegistered(AGENCY, "西夏区人民政府办公室", LocalDate.of(2023, 1, 3));
    private static final ReportingYearClosed CLOSED_2024 = new ReportingYearClosed(AGENCY, 2024, TODAY, List.of());
    private static final FrozenReport DOCUMENT = new FrozenReport("西夏区人民政府办公室2024年政府信息公开工作年度报告", List.of(), List.of(),
                                                                  "西夏区人民政府办公室2024年政府信息公开工作年度报告\n", Map.of());

    private AggregateTestFixture<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, BEIJING));
        fixture.registerInjectableResource((RequestRegister) agencyId -> new AgencyBook(List.of()));
    }

    @Test
    void each_save_of_the_texts_is_a_new_version_of_the_parts_given() {
        fixture.given(REGISTERED, new ReportTextsRecorded(AGENCY, 2024, 1, TODAY, Map.of("OVERVIEW", "概述")))
               .when(new RecordReportTexts(AGENCY, 2024, Map.of("PROBLEMS", "  存在的问题  ", "OTHER", "")))
               .expectEvents(new ReportTextsRecorded(AGENCY, 2024, 2, TODAY, Map.of("PROBLEMS", "存在的问题", "OTHER", "")));
    }

    @Test
    void a_report_up_to_2018_has_its_own_parts() {
        fixture.given(REGISTERED)
               .when(new RecordReportTexts(AGENCY, 2018, Map.of("DISCLOSURE", "信息公开情况")))
               .expectEvents(new ReportTextsRecorded(AGENCY, 2018, 1, TODAY, Map.of("DISCLOSURE", "信息公开情况")));
        fixture.given(REGISTERED)
               .when(new RecordReportTexts(AGENCY, 2024, Map.of("DISCLOSURE", "信息公开情况")))
               .expectException(InvalidInput.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("2024 年度报告没有章节 DISCLOSURE"))
               .expectNoEvents();
    }

    @Test
    void unknown_and_generated_parts_and_texts_over_20000_characters_are_refused() {
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2024, Map.of("SUMMARY", "x")))
               .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2024, Map.of("APPLICATIONS", "x")))
               .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2024, Map.of("OVERVIEW", "字".repeat(20_001))))
               .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2024, Map.of()))
               .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2026, Map.of("OVERVIEW", "x")))
               .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void a_marker_of_generated_text_only_in_its_own_part_and_no_control_characters() {
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2024, Map.of("PROBLEMS", "{{依申请公开}}")))
               .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2018, Map.of("OVERVIEW", "{{依申请公开}}")))
               .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2024, Map.of("OTHER", "甲\u0000乙")))
               .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(REGISTERED)
               .when(new RecordReportTexts(AGENCY, 2018, Map.of("DISCLOSURE", "（二）{{依申请公开}}\n\t其他", "OTHER", "{{信息处理费}}")))
               .expectEvents(new ReportTextsRecorded(AGENCY, 2018, 1, TODAY, Map.of("DISCLOSURE", "（二）{{依申请公开}}\n\t其他",
                                                                                    "OTHER", "{{信息处理费}}")));
    }

    @Test
    void a_text_of_exactly_20000_characters_is_kept() {
        String longest = "字".repeat(20_000);
        fixture.given(REGISTERED).when(new RecordReportTexts(AGENCY, 2024, Map.of("OVERVIEW", longest)))
               .expectEvents(new ReportTextsRecorded(AGENCY, 2024, 1, TODAY, Map.of("OVERVIEW", longest)));
    }

    @Test
    void a_report_is_published_only_once_its_year_is_closed() {
        fixture.given(REGISTERED)
               .when(new PreparePublication(AGENCY, 2024, null))
               .expectException(StateConflict.class)
               .expectNoEvents();
        fixture.given(REGISTERED)
               .when(new PublishAnnualReport(AGENCY, 2024, null, 0, DOCUMENT))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @Test
    void publishing_freezes_the_document_with_the_sha_256_of_its_text() {
        fixture.given(REGISTERED, CLOSED_2024, new ReportTextsRecorded(AGENCY, 2024, 1, TODAY, Map.of("OVERVIEW", "概述")))
               .when(new PublishAnnualReport(AGENCY, 2024, null, 1, DOCUMENT))
               .expectEvents(new AnnualReportPublished(AGENCY, 2024, 1, NOW, null, 1, ReportDigest.of(DOCUMENT.text()), DOCUMENT))
               .expectResultMessagePayload(new AgencyCommands.Published(1, NOW, ReportDigest.of(DOCUMENT.text())));
    }

    @Test
    void a_draft_of_older_texts_is_not_published() {
        fixture.given(REGISTERED, CLOSED_2024, new ReportTextsRecorded(AGENCY, 2024, 1, TODAY, Map.of("OVERVIEW", "概述")),
                      new ReportTextsRecorded(AGENCY, 2024, 2, TODAY, Map.of("OVERVIEW", "改过的概述")))
               .when(new PublishAnnualReport(AGENCY, 2024, null, 1, DOCUMENT))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @Test
    void a_second_publication_needs_a_reason_and_is_numbered_after_the_first() {
        AnnualReportPublished first = new AnnualReportPublished(AGENCY, 2024, 1, NOW, null, 0, ReportDigest.of(DOCUMENT.text()), DOCUMENT);
        fixture.given(REGISTERED, CLOSED_2024, first)
               .when(new PublishAnnualReport(AGENCY, 2024, "  ", 0, DOCUMENT))
               .expectException(InvalidInput.class)
               .expectNoEvents();
        fixture.given(REGISTERED, CLOSED_2024, first)
               .when(new PublishAnnualReport(AGENCY, 2024, " 更正表二 ", 0, DOCUMENT))
               .expectEvents(new AnnualReportPublished(AGENCY, 2024, 2, NOW, "更正表二", 0, ReportDigest.of(DOCUMENT.text()), DOCUMENT));
    }
}
