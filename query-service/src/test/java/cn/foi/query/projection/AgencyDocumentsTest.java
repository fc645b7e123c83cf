package cn.foi.query.projection;

import cn.foi.query.view.AgencyView;
import cn.foi.query.view.HistoryEntry;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency's view is stored and read back unchanged: its closed years, table 二 and old-form figures, its history. */
class AgencyDocumentsTest {

    private static Document stored(AgencyView view) {
        org.bson.RawBsonDocument bytes = WriteBehind.bson(AgencyDocuments::encode).apply(view);
        return com.mongodb.MongoClientSettings.getDefaultCodecRegistry().get(Document.class)
                .decode(new org.bson.BsonBinaryReader(bytes.getByteBuffer().asNIO()), org.bson.codecs.DecoderContext.builder().build());
    }

    @Test
    void a_view_reads_back_as_it_was_stored() {
        AgencyView view = new AgencyView(
                "a-1", 4, "某县人民政府办公室", LocalDate.of(2016, 1, 4),
                Map.of(2016, new AgencyView.YearClose(LocalDate.of(2017, 1, 10), 2, 40, Instant.parse("2017-01-10T02:00:00.123Z"))),
                Map.of(2020, List.of(new AgencyView.ProactiveVersion(1, LocalDate.of(2021, 1, 5), Instant.parse("2021-01-05T02:00:00Z"),
                                                                     Map.of("RULES", Map.of("MADE", BigDecimal.ONE))))),
                Map.of(2016, List.of(new AgencyView.LegacyFiguresVersion(1, LocalDate.of(2017, 1, 6), Instant.parse("2017-01-06T02:00:00Z"),
                                                                         Map.of("PROACTIVE_ITEMS", BigDecimal.TEN,
                                                                                "SPECIAL_FUNDS_10K_YUAN", new BigDecimal("1.5"))))),
                Map.of(2024, new AgencyView.ReportYear(
                        List.of(new AgencyView.TextVersion(1, LocalDate.of(2025, 1, 8), Instant.parse("2025-01-08T02:00:00.5Z"), "wang",
                                                           Map.of("OVERVIEW", "一年来……{{依申请公开}}", "OTHER", ""))),
                        List.of(new AgencyView.Publication(1, Instant.parse("2025-01-20T03:00:00.123Z"), "wang", null, 1, "ab12",
                                new cn.foi.events.report.AnnualReportPublished.FrozenReport(
                                        "某县人民政府办公室2024年政府信息公开工作年度报告",
                                        List.of(new cn.foi.events.report.AnnualReportPublished.Section("PROBLEMS", "五、存在的主要问题及改进情况", "无", null)),
                                        List.of(new cn.foi.events.report.AnnualReportPublished.Block("TABLE", null, List.of(List.of("a", "1")),
                                                                                                     List.of(List.of(0, 0, 0, 1)))),
                                        "某县…\n", Map.of("NEW/TOTAL", new BigDecimal("0.10"))))))),
                List.of(new AgencyView.Placement("city", LocalDate.of(2016, 1, 4), Instant.parse("2016-01-04T01:00:00.001Z")),
                        new AgencyView.Placement(null, LocalDate.of(2020, 5, 1), Instant.parse("2020-05-01T01:00:00Z"))),
                List.of(new HistoryEntry(1, 0, "AgencyRegistered", "机构登记", LocalDate.of(2016, 1, 4),
                                         Instant.parse("2016-01-04T01:00:00Z"), "admin", "a-1", "某县人民政府办公室")),
                List.of(new AgencyView.LetterTemplateVersion(cn.foi.events.letter.LetterKind.REPLY, 2, "答复书", "{{申请人}}：\n正文",
                                                             LocalDate.of(2026, 3, 2), Instant.parse("2026-03-02T01:00:00.007Z"), "wang")));

        assertThat(AgencyDocuments.decode(stored(view))).isEqualTo(view);
    }
}
