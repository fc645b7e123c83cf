package cn.foi.query.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedTableTest {

    static String example(String name) throws IOException {
        try (InputStream in = PublishedTableTest.class.getResourceAsStream("/examples/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void xixiaExampleParsesItsNumbers() throws IOException {
        PublishedTable table = PublishedTable.parse(example("xixia-district-office-2024.txt"));

        Map<ApplicationRow, Integer> expected = Map.of(
                ApplicationRow.NEW, 9,
                ApplicationRow.DISCLOSED, 8,
                ApplicationRow.NOT_PROCESSED_DUPLICATE, 1,
                ApplicationRow.TOTAL_HANDLED, 9);
        for (ApplicationRow row : ApplicationRow.values()) {
            for (ApplicantColumn column : ApplicantColumn.values()) {
                boolean counted = column == ApplicantColumn.NATURAL_PERSON || column == ApplicantColumn.TOTAL;
                int want = counted ? expected.getOrDefault(row, 0) : 0;
                assertThat(table.cell(row, column)).as("%s/%s", row, column).isEqualTo(want);
            }
        }
        for (String code : ReviewCell.CODES) {
            int want = code.equals("RECONSIDERATION_UPHELD") || code.equals("RECONSIDERATION_TOTAL") ? 1 : 0;
            assertThat(table.review(code)).as(code).isEqualTo(want);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ningxia-offices-admin-2024.txt", "zhongwei-offices-service-2024.txt"})
    void otherExamplesAreAllZero(String name) throws IOException {
        PublishedTable table = PublishedTable.parse(example(name));

        assertThat(table.applications()).hasSize(25).containsOnlyKeys(ApplicationRow.values());
        table.applications().values().forEach(cells ->
                assertThat(cells).hasSize(7).containsOnlyKeys(ApplicantColumn.values()).allSatisfy((c, n) -> assertThat(n).isZero()));
        assertThat(table.reviews()).hasSize(15).containsOnlyKeys(ReviewCell.CODES).allSatisfy((c, n) -> assertThat(n).isZero());
    }

    @Test
    void dashesAreZeros() throws IOException {
        String dashed = example("xixia-district-office-2024.txt").replaceAll("(?m)(^|\t)0(?=\t|$)", "$1-");
        assertThat(dashed).contains("\t-\t");

        PublishedTable table = PublishedTable.parse(dashed);

        assertThat(table).isEqualTo(PublishedTable.parse(example("xixia-district-office-2024.txt")));
        assertThat(table.cell(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.TOTAL)).isZero();
    }

    @Test
    void differencesNameTheDifferingCells() throws IOException {
        String text = example("xixia-district-office-2024.txt");
        PublishedTable published = PublishedTable.parse(text.substring(text.indexOf("三、收到和处理政府信息公开申请情况")));
        AnnualTable replayed = AnnualTable.of("a", "西峡", 2024,
                Map.of(ApplicationRow.NEW, Map.of(ApplicantColumn.NATURAL_PERSON, 8),
                       ApplicationRow.DISCLOSED, Map.of(ApplicantColumn.NATURAL_PERSON, 8),
                       ApplicationRow.NOT_PROCESSED_DUPLICATE, Map.of(ApplicantColumn.NATURAL_PERSON, 1)),
                Map.of("RECONSIDERATION_UPHELD", 1, "RECONSIDERATION_TOTAL", 1));

        assertThat(published.differencesFrom(replayed)).containsExactly(
                "一、本年新收政府信息公开申请数量｜自然人：公布 9，事件日志 8",
                "一、本年新收政府信息公开申请数量｜总计：公布 9，事件日志 8");
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> PublishedTable.parse("hello\tworld\n1\t2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no table 2, 3 or 4");
        assertThatThrownBy(() -> PublishedTable.parse(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishedTable.parse(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingRowIsReportedWithTheCountFound() throws IOException {
        String text = example("zhongwei-offices-service-2024.txt").replaceFirst("(?m)^\t\t2\\. 重复申请.*\n", "");

        assertThatThrownBy(() -> PublishedTable.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 24").hasMessageContaining("实际找到 24 行");
    }

    @Test
    void rowMissingOneCellIsRepairedWhenUnambiguous() throws IOException {
        // The ningxia example prints CARRIED_FORWARD with 6 zeros; here the 总计 row loses its TOTAL 9.
        String text = example("xixia-district-office-2024.txt").replace("\t(七) 总计\t\t9\t0\t0\t0\t0\t0\t9", "\t(七) 总计\t\t9\t0\t0\t0\t0\t0");
        assertThat(text).isNotEqualTo(example("xixia-district-office-2024.txt"));

        PublishedTable table = PublishedTable.parse(text);

        assertThat(table).isEqualTo(PublishedTable.parse(example("xixia-district-office-2024.txt")));
    }

    @Test
    void rowMissingOneCellIsRejectedWhenAmbiguous() throws IOException {
        // "9 0 0 0 0 9" reads as 9 natural persons with the TOTAL lost, or with a zero column lost.
        String text = example("xixia-district-office-2024.txt").replace("本年新收政府信息公开申请数量\t\t9\t0\t0\t0\t0\t0\t9", "本年新收政府信息公开申请数量\t\t9\t0\t0\t0\t0\t9");
        assertThat(text).isNotEqualTo(example("xixia-district-office-2024.txt"));

        assertThatThrownBy(() -> PublishedTable.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 24").hasMessageContaining("无法确定缺少的单元格");
    }

    @Test
    void table3AloneIsComparedOnItsOwn() throws IOException {
        String text = example("zhongwei-offices-service-2024.txt");
        String table3Only = text.substring(text.indexOf("三、收到和处理政府信息公开申请情况"), text.indexOf("四、政府信息公开行政复议"));

        PublishedTable parsed = PublishedTable.parse(table3Only);
        assertThat(parsed.compared()).containsExactly("表三");
        assertThat(parsed.counts()).containsKey("NEW/TOTAL").doesNotContainKey("RECONSIDERATION_UPHELD");
        assertThat(PublishedTable.parse(text).compared()).containsExactly("表二", "表三", "表四");
    }

    @Test
    void table2IsReadByItsRowLabelsAndCompared() throws IOException {
        PublishedTable parsed = PublishedTable.parse(example("xixia-district-office-2024.txt"));

        assertThat(parsed.compared()).containsExactly("表二", "表三", "表四");
        assertThat(parsed.proactive().get("NORMATIVE_DOCUMENTS")).containsEntry("MADE", java.math.BigDecimal.ZERO)
                                                                 .containsEntry("REPEALED", java.math.BigDecimal.ONE)
                                                                 .containsEntry("IN_FORCE", java.math.BigDecimal.TEN);
        assertThat(parsed.proactive().get("ADMINISTRATIVE_FEES")).containsEntry("AMOUNT_10K_YUAN", java.math.BigDecimal.ZERO);

        // the tables from the log say 0 everywhere in table 二: the two figures that differ are named
        AnnualTable replayed = AnnualTable.of("a", "某局", 2024, Map.of(), Map.of());
        assertThat(parsed.differencesFrom(replayed)).contains("表二 行政规范性文件｜本年废止件数：公布 1，事件日志 0",
                                                              "表二 行政规范性文件｜现行有效件数：公布 10，事件日志 0");
    }

    @Test
    void table2Or4AloneIsComparedOnItsOwn() throws IOException {
        String text = example("xixia-district-office-2024.txt");
        String table2Only = text.substring(text.indexOf("二、主动公开政府信息情况"), text.indexOf("三、收到和处理政府信息公开申请情况"));
        String table4Only = text.substring(text.indexOf("四、政府信息公开行政复议"));

        PublishedTable two = PublishedTable.parse(table2Only);
        assertThat(two.compared()).containsExactly("表二");
        assertThat(two.counts()).isEmpty();
        PublishedTable four = PublishedTable.parse(table4Only);
        assertThat(four.compared()).containsExactly("表四");
        assertThat(four.counts()).containsEntry("RECONSIDERATION_UPHELD", 1).doesNotContainKey("NEW/TOTAL");
    }

    @Test
    void aTableOfContentsBeforeTheReportIsNotMistakenForItsTables() throws IOException {
        String text = example("xixia-district-office-2024.txt");
        String contents = "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
                          + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";

        PublishedTable parsed = PublishedTable.parse(contents + text);

        assertThat(parsed).isEqualTo(PublishedTable.parse(text));
        assertThat(parsed.compared()).containsExactly("表二", "表三", "表四");
    }

    @Test
    void aTable2WithARowMissingIsRejectedNamingTheRow() throws IOException {
        String text = example("xixia-district-office-2024.txt").replaceFirst("行政许可\t", "某某\t");

        assertThatThrownBy(() -> PublishedTable.parse(text)).isInstanceOf(IllegalArgumentException.class)
                                                             .hasMessageContaining("表二中未找到以下各行的数字：行政许可");
    }

    @Test
    void aTable4HeadingWithoutItsFiguresIsRejected() throws IOException {
        String text = example("zhongwei-offices-service-2024.txt");
        String headingOnly = text.substring(0, text.indexOf("四、政府信息公开行政复议")) + "四、政府信息公开行政复议、行政诉讼情况\n";

        assertThatThrownBy(() -> PublishedTable.parse(headingOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table 4");
    }
}
