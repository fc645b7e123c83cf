package cn.foi.query.report;

import cn.foi.events.codes.LegacyStatisticsItem;
import cn.foi.events.report.AnnualReportPublished.FrozenReport;
import cn.foi.events.report.AnnualReportPublished.Section;
import cn.foi.query.table.AnnualTable;
import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The document drafted from what the engine recorded: where the generated texts stand, what they say, and the comparison. */
class ReportDraftTest {

    private static final ApplicationsSummary NONE = new ApplicationsSummary(0, 0, Map.of(), Map.of(), 0, Map.of(), 0, 0, 0, 0);

    private static AnnualTable table(int year, int received) {
        Map<ApplicationRow, Map<ApplicantColumn, Integer>> counts = new EnumMap<>(ApplicationRow.class);
        if (received > 0) {
            counts.put(ApplicationRow.NEW, new EnumMap<>(Map.of(ApplicantColumn.NATURAL_PERSON, received)));
            counts.put(ApplicationRow.CARRIED_FORWARD, new EnumMap<>(Map.of(ApplicantColumn.NATURAL_PERSON, received)));
        }
        return AnnualTable.of("a", "某县统计局", year, counts, Map.of()).withProactive(Map.of());
    }

    private static FrozenReport draft(int year, Map<String, String> texts, FeeSummary fees) {
        return ReportDraft.of(new ReportDraft.CurrentInputs("某县统计局", year, texts, table(year, 0), NONE, fees));
    }

    private static Section section(FrozenReport report, String code) {
        return report.sections().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void the_fee_sentence_counts_notices_and_the_amount_paid_and_opens_part_six() {
        FrozenReport report = draft(2024, Map.of("OTHER", "本报告电子版可在门户网站查阅。"), new FeeSummary(2, 1, new BigDecimal("300.00")));
        assertThat(section(report, "OTHER").generated()).isEqualTo("本年度共发出收费通知2件，收取信息处理费300元。");
        assertThat(section(report, "OTHER").text()).isEqualTo("本年度共发出收费通知2件，收取信息处理费300元。\n本报告电子版可在门户网站查阅。");
        assertThat(report.text()).contains("六、其他需要报告的事项\n\n本年度共发出收费通知2件，收取信息处理费300元。\n\n本报告电子版可在门户网站查阅。\n");
    }

    @Test
    void a_marker_places_the_generated_text_inside_the_agency_s_own() {
        FrozenReport report = draft(2024, Map.of("OTHER", "一是……。{{信息处理费}}二是……。", "OVERVIEW", "（一）主动公开。……\n（二）依申请公开。{{依申请公开}}"),
                                    new FeeSummary(1, 0, BigDecimal.ZERO));
        assertThat(section(report, "OTHER").text()).isEqualTo("一是……。本年度共发出收费通知1件，未收取信息处理费。二是……。");
        assertThat(section(report, "OVERVIEW").text()).isEqualTo("（一）主动公开。……\n（二）依申请公开。2024年，本机关未收到政府信息公开申请，也没有上年结转的申请。");
        assertThat(report.text()).doesNotContain("{{");
    }

    @Test
    void an_agency_text_without_the_marker_replaces_the_paragraph_which_stays_answered_as_generated() {
        FrozenReport report = draft(2024, Map.of("OVERVIEW", "本机关的概述。"), new FeeSummary(0, 0, BigDecimal.ZERO));
        assertThat(section(report, "OVERVIEW").text()).isEqualTo("本机关的概述。");
        assertThat(section(report, "OVERVIEW").generated()).contains("未收到政府信息公开申请");
        assertThat(report.text()).doesNotContain("未收到政府信息公开申请");
    }

    @Test
    void the_opening_cites_the_2021_format_notice_only_from_the_2021_report() {
        assertThat(section(draft(2021, Map.of(), new FeeSummary(0, 0, BigDecimal.ZERO)), "OPENING").text()).contains("国办公开办函〔2021〕30号");
        assertThat(section(draft(2020, Map.of(), new FeeSummary(0, 0, BigDecimal.ZERO)), "OPENING").text())
                .doesNotContain("〔2021〕").startsWith("根据《中华人民共和国政府信息公开条例》");
    }

    @Test
    void a_2018_report_words_fees_as_the_2008_regulations_did() {
        Map<LegacyStatisticsItem, BigDecimal> form = new LinkedHashMap<>();
        for (LegacyStatisticsItem item : LegacyStatisticsItem.values()) {
            form.put(item, BigDecimal.ZERO);
        }
        FrozenReport report = ReportDraft.of(new ReportDraft.LegacyInputs("某县统计局", 2018, Map.of(), form, new FeeSummary(0, 1, BigDecimal.TEN)));
        assertThat(section(report, "OTHER").text()).isEqualTo("本年度未发出收费通知，收取依申请公开信息的费用10元。");
        assertThat(report.text()).doesNotContain("信息处理费");
    }

    @Test
    void the_comparison_names_a_changed_figure_and_a_changed_generated_text() {
        FrozenReport published = ReportDraft.of(new ReportDraft.CurrentInputs("某县统计局", 2024, Map.of(), table(2024, 0), NONE,
                                                                             new FeeSummary(0, 0, BigDecimal.ZERO)));
        assertThat(PublicationComparison.differences(published, published)).isEmpty();
        FrozenReport later = ReportDraft.of(new ReportDraft.CurrentInputs("某县统计局", 2024, Map.of(), table(2024, 1),
                                                                         new ApplicationsSummary(1, 0, Map.of(), Map.of(), 0, Map.of(), 0, 0, 0, 1),
                                                                         new FeeSummary(0, 1, BigDecimal.ONE)));
        List<String> codes = PublicationComparison.differences(published, later).stream().map(PublicationComparison.Difference::code).toList();
        assertThat(codes).contains("NEW/NATURAL_PERSON", "NEW/TOTAL", "CARRIED_FORWARD/TOTAL", "OVERVIEW.generated", "OTHER.generated")
                         .doesNotContain("APPLICATIONS.generated", "DISPOSED/TOTAL");
        var fees = PublicationComparison.differences(published, later).stream().filter(d -> d.code().equals("OTHER.generated")).findFirst().orElseThrow();
        assertThat(fees.published()).isEqualTo("本年度未收取信息处理费。");
        assertThat(fees.replayed()).isEqualTo("本年度未发出收费通知，收取信息处理费1元。");
    }
}
