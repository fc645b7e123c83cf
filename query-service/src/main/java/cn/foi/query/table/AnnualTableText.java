package cn.foi.query.table;

import cn.foi.events.codes.ProactiveDisclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plain-text export of tables 三 and 四 in the printed layout of published annual reports: tab-separated
 * cells, one printed row a line, merged cells as empty cells. {@link PublishedTable#parse} reads it back.
 */
public final class AnnualTableText {

    public static final String TABLE_3_TITLE = "三、收到和处理政府信息公开申请情况";
    public static final String TABLE_4_TITLE = "四、政府信息公开行政复议、行政诉讼情况";
    static final String CROSS_CHECK_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /** Table 三: 3 label columns + 6 applicant columns + 总计. */
    private static final int TABLE_3_WIDTH = 3 + ApplicantColumn.values().length;
    static final List<String> OUTCOME_LABELS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    private AnnualTableText() {
    }

    public static String render(AnnualTable table, ZeroStyle zero) {
        return layout(table, zero).text();
    }

    /** Tables 二, 三 and 四 as printed: rows of cells, and the cells merged in the printed layout. */
    public static PrintedGrid layout(AnnualTable table, ZeroStyle zero) {
        PrintedGrid out = new PrintedGrid();
        renderTable2(out, table, zero);
        line(out, TABLE_3_TITLE);
        line(out, "");

        // Header: row 1 spans 申请人情况 over the applicant columns, rows 2-3 split 法人或其他组织.
        int top = out.size();
        out.merge(top, top + 2, 0, 2);
        out.merge(top, top, 3, TABLE_3_WIDTH - 1);
        out.merge(top + 1, top + 2, 3, 3);
        out.merge(top + 1, top + 1, 4, TABLE_3_WIDTH - 2);
        out.merge(top + 1, top + 2, TABLE_3_WIDTH - 1, TABLE_3_WIDTH - 1);
        List<String> header1 = blanks(TABLE_3_WIDTH);
        header1.set(0, CROSS_CHECK_NOTE);
        header1.set(3, "申请人情况");
        line(out, header1);
        List<String> header2 = blanks(TABLE_3_WIDTH);
        header2.set(3, ApplicantColumn.NATURAL_PERSON.label());
        header2.set(4, ApplicantColumn.GROUP_LABEL);
        header2.set(TABLE_3_WIDTH - 1, ApplicantColumn.TOTAL.label());
        line(out, header2);
        List<String> header3 = blanks(TABLE_3_WIDTH);
        ApplicantColumn[] columns = ApplicantColumn.values();
        for (int i = 1; i < columns.length - 1; i++) {
            header3.set(3 + i, columns[i].label());
        }
        line(out, header3);

        mergeRowLabels(out, out.size());
        for (ApplicationRow row : ApplicationRow.values()) {
            List<String> cells = new ArrayList<>(List.of(row.section(), row.group(), row.item()));
            for (ApplicantColumn column : columns) {
                out.figure(out.size(), cells.size(), row.name() + "/" + column.name());
                cells.add(number(table.cell(row, column), zero));
            }
            line(out, cells);
        }

        line(out, "");
        line(out, TABLE_4_TITLE);
        line(out, "");
        int width = ReviewCell.CODES.size();
        int block = ReviewCell.OUTCOMES.size();
        int head = out.size();
        out.merge(head, head, 0, block - 1);
        out.merge(head, head, block, width - 1);
        for (int i = 0; i < block; i++) {
            out.merge(head + 1, head + 2, i, i);
        }
        out.merge(head + 1, head + 1, block, 2 * block - 1);
        out.merge(head + 1, head + 1, 2 * block, width - 1);
        List<String> review1 = blanks(width);
        review1.set(0, "行政复议");
        review1.set(block, "行政诉讼");
        line(out, review1);
        List<String> review2 = blanks(width);
        for (int i = 0; i < block; i++) {
            review2.set(i, OUTCOME_LABELS.get(i));
        }
        review2.set(block, "未经复议直接起诉");
        review2.set(2 * block, "复议后起诉");
        line(out, review2);
        List<String> review3 = blanks(width);
        for (int i = 0; i < block; i++) {
            review3.set(block + i, OUTCOME_LABELS.get(i));
            review3.set(2 * block + i, OUTCOME_LABELS.get(i));
        }
        line(out, review3);
        List<String> numbers = new ArrayList<>();
        for (String code : ReviewCell.CODES) {
            out.figure(out.size(), numbers.size(), code);
            numbers.add(number(table.reviews().getOrDefault(code, 0), zero));
        }
        line(out, numbers);
        return out;
    }

    /**
     * The label cells of table 三 merge as printed: a section without group spans the three label columns
     * (一、二、四), a section spans its rows downwards, a group without items spans two columns, a group spans
     * its items downwards.
     */
    private static void mergeRowLabels(PrintedGrid out, int first) {
        ApplicationRow[] rows = ApplicationRow.values();
        for (int i = 0; i < rows.length; i++) {
            int r = first + i;
            if (!rows[i].section().isEmpty() && rows[i].group().isEmpty() && rows[i].item().isEmpty()) {
                out.merge(r, r, 0, 2);
                continue;
            }
            if (!rows[i].section().isEmpty()) {
                int last = i;
                while (last + 1 < rows.length && rows[last + 1].section().isEmpty()) {
                    last++;
                }
                out.merge(r, first + last, 0, 0);
            }
            if (!rows[i].group().isEmpty() && rows[i].item().isEmpty()) {
                out.merge(r, r, 1, 2);
            } else if (!rows[i].group().isEmpty()) {
                int last = i;
                while (last + 1 < rows.length && rows[last + 1].group().isEmpty() && !rows[last + 1].item().isEmpty()) {
                    last++;
                }
                if (last > i) {
                    out.merge(r, first + last, 1, 1);
                }
            }
        }
    }

    public static String render(AnnualTable table) {
        return render(table, ZeroStyle.ZERO);
    }

    /** Table 二 as the reports print it: one block per article, its column header, then its rows. */
    private static void renderTable2(PrintedGrid out, AnnualTable table, ZeroStyle zero) {
        line(out, "二、主动公开政府信息情况");
        line(out, "");
        String article = null;
        for (ProactiveDisclosure row : ProactiveDisclosure.values()) {
            if (!row.article().equals(article)) {
                article = row.article();
                line(out, article);
                List<String> header = new ArrayList<>(List.of("信息内容"));
                row.columns().forEach(c -> header.add(ProactiveDisclosure.columnLabel(c)));
                line(out, header);
            }
            List<String> cells = new ArrayList<>(List.of(row.label()));
            for (String column : row.columns()) {
                java.math.BigDecimal value = table.proactive().get(row.name()).get(column);
                cells.add(value.signum() == 0 && zero == ZeroStyle.DASH ? "-" : value.stripTrailingZeros().toPlainString());
            }
            line(out, cells);
        }
        line(out, "");
    }

    private static String number(int n, ZeroStyle zero) {
        return n == 0 && zero == ZeroStyle.DASH ? "-" : Integer.toString(n);
    }

    private static List<String> blanks(int width) {
        return new ArrayList<>(Collections.nCopies(width, ""));
    }

    private static void line(PrintedGrid out, List<String> cells) {
        out.row(cells);
    }

    private static void line(PrintedGrid out, String text) {
        out.row(text.isEmpty() ? List.of() : List.of(text));
    }
}
