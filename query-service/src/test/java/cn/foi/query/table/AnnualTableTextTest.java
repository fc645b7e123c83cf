package cn.foi.query.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnnualTableTextTest {

    /** Varied counts, zeros included, so both zero styles and every position are exercised. */
    static AnnualTable sample() {
        Map<ApplicationRow, Map<ApplicantColumn, Integer>> counts = new EnumMap<>(ApplicationRow.class);
        int n = 0;
        for (ApplicationRow row : ApplicationRow.values()) {
            Map<ApplicantColumn, Integer> cells = new EnumMap<>(ApplicantColumn.class);
            for (ApplicantColumn column : ApplicantColumn.values()) {
                if (column != ApplicantColumn.TOTAL) {
                    cells.put(column, (n++ * 7) % 5 == 0 ? 0 : n % 13 + 1);
                }
            }
            counts.put(row, cells);
        }
        Map<String, Integer> reviews = new HashMap<>();
        for (int i = 0; i < ReviewCell.CODES.size(); i++) {
            reviews.put(ReviewCell.CODES.get(i), i % 3 == 0 ? 0 : i + 10);
        }
        return AnnualTable.of("agency-1", "某局", 2024, counts, reviews);
    }

    @ParameterizedTest
    @EnumSource(ZeroStyle.class)
    void renderThenParseRoundTrips(ZeroStyle zero) {
        AnnualTable table = sample();

        PublishedTable parsed = PublishedTable.parse(AnnualTableText.render(table, zero));

        assertThat(parsed.differencesFrom(table)).isEmpty();
        assertThat(parsed.applications()).isEqualTo(table.applications());
        assertThat(parsed.reviews()).isEqualTo(table.reviews());
    }

    @Test
    void zeroStyles() {
        AnnualTable table = sample();
        String zeros = AnnualTableText.render(table, ZeroStyle.ZERO);
        String dashes = AnnualTableText.render(table, ZeroStyle.DASH);

        assertThat(zeros).contains("\t0\t").doesNotContain("\t-");
        assertThat(dashes).contains("\t-\t").doesNotContainPattern("\t0(\t|\n)");
        assertThat(AnnualTableText.render(table)).isEqualTo(zeros);
    }

    @Test
    void layout() {
        String text = AnnualTableText.render(sample(), ZeroStyle.ZERO);
        List<String> all = List.of(text.split("\n", -1));

        assertThat(text).endsWith("\n");
        // table 二 first, as in the reports: one block per article, its column header, its rows
        assertThat(all.get(0)).isEqualTo("二、主动公开政府信息情况");
        assertThat(all.subList(2, 6)).containsExactly("第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
                                                      "规章\t0\t0\t0", "行政规范性文件\t0\t0\t0");
        assertThat(all).contains("行政事业性收费\t0");
        List<String> lines = all.subList(all.indexOf("三、收到和处理政府信息公开申请情况"), all.size());
        assertThat(lines.get(0)).isEqualTo("三、收到和处理政府信息公开申请情况");
        assertThat(lines.get(1)).isEmpty();
        List<String> grid = lines.subList(2, 2 + 3 + 25);
        assertThat(grid).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(10));
        assertThat(grid.get(0).split("\t", -1)).containsExactly(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", "");
        assertThat(grid.get(1).split("\t", -1)).containsExactly(
                "", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计");
        assertThat(grid.get(2).split("\t", -1)).containsExactly(
                "", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "");

        ApplicationRow[] rows = ApplicationRow.values();
        for (int i = 0; i < rows.length; i++) {
            String[] cells = grid.get(3 + i).split("\t", -1);
            assertThat(List.of(cells[0], cells[1], cells[2])).as(rows[i].name())
                    .containsExactly(rows[i].section(), rows[i].group(), rows[i].item());
        }

        List<String> tail = lines.subList(2 + 3 + 25, lines.size());
        assertThat(tail.get(0)).isEmpty();
        assertThat(tail.get(1)).isEqualTo("四、政府信息公开行政复议、行政诉讼情况");
        assertThat(tail.get(2)).isEmpty();
        List<String> reviewGrid = tail.subList(3, 7);
        assertThat(reviewGrid).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(15));
        assertThat(reviewGrid.get(0).split("\t", -1)[0]).isEqualTo("行政复议");
        assertThat(reviewGrid.get(0).split("\t", -1)[5]).isEqualTo("行政诉讼");
        assertThat(reviewGrid.get(1).split("\t", -1)).startsWith("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉");
        assertThat(reviewGrid.get(1).split("\t", -1)[10]).isEqualTo("复议后起诉");
        assertThat(reviewGrid.get(3).split("\t", -1)).allSatisfy(cell -> assertThat(cell).matches("\\d+"));
        assertThat(tail.subList(7, tail.size())).containsExactly(""); // only the final newline remains
    }

    @Test
    void labelsAppearInPrintedOrder() {
        String text = AnnualTableText.render(sample(), ZeroStyle.DASH);
        List<String> labels = new ArrayList<>();
        for (ApplicationRow row : ApplicationRow.values()) {
            for (String label : List.of(row.section(), row.group(), row.item())) {
                if (!label.isEmpty()) {
                    labels.add(label);
                }
            }
        }
        int at = 0;
        for (String label : labels) {
            int found = text.indexOf(label, at);
            assertThat(found).as(label).isGreaterThanOrEqualTo(at);
            at = found + label.length();
        }
    }
}
