package cn.foi.query.report;

import cn.foi.query.audit.LogAudit;
import cn.foi.query.audit.Provenance;

import cn.foi.events.codes.LegacyStatisticsItem;
import cn.foi.events.codes.ReportSection;
import cn.foi.events.report.AnnualReportPublished.Block;
import cn.foi.events.report.AnnualReportPublished.FrozenReport;
import cn.foi.events.report.AnnualReportPublished.Section;
import cn.foi.query.legacy.LegacyForm;
import cn.foi.query.table.AnnualTable;
import cn.foi.query.table.AnnualTableText;
import cn.foi.query.table.PrintedGrid;
import cn.foi.query.table.ZeroStyle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole annual report of a year as it stands, drawn from what the engine recorded (a pure function): the title,
 * the opening paragraph, every part in printed order (the agency's texts, the generated paragraphs placed in them, the
 * tables or the 2008 statistics form), the document as blocks every format is drawn from, its plain text, and every
 * figure of its tables by code. Publishing freezes exactly this.
 */
public final class ReportDraft {

    public static final String APPLICATIONS_MARKER = ReportSection.APPLICATIONS_MARKER;
    public static final String FEES_MARKER = ReportSection.FEES_MARKER;

    private ReportDraft() {
    }

    /** What a current-format report (reporting years from 2019) is made of. */
    public record CurrentInputs(String agencyName, int year, Map<String, String> texts, AnnualTable tables,
                                ApplicationsSummary applications, FeeSummary fees) {
    }

    /** What the report of a year up to 2018 is made of: its statistics form instead of tables 二–四. */
    public record LegacyInputs(String agencyName, int year, Map<String, String> texts, Map<LegacyStatisticsItem, BigDecimal> form,
                               FeeSummary fees) {
    }

    public static FrozenReport of(CurrentInputs in) {
        Document doc = new Document(ReportSection.title(in.agencyName(), in.year()));
        int year = in.year();
        PrintedGrid grid = AnnualTableText.layout(in.tables(), ZeroStyle.ZERO);
        int table3 = grid.indexOf(AnnualTableText.TABLE_3_TITLE);
        int table4 = grid.indexOf(AnnualTableText.TABLE_4_TITLE);
        String applications = in.applications().paragraph(year);
        String fees = in.fees().sentence(year);
        for (ReportSection section : ReportSection.of(year)) {
            String own = in.texts().get(section.name());
            switch (section) {
                case OPENING -> doc.opening(own != null ? own : defaultOpening(in.agencyName(), year, false));
                case OVERVIEW -> doc.narrative(section, year, own == null ? applications : own.replace(APPLICATIONS_MARKER, applications),
                                               applications);
                case PROACTIVE -> doc.table(section, year, trimmed(grid, 2, table3));
                case APPLICATIONS -> doc.table(section, year, trimmed(grid, table3 + 2, table4));
                case REVIEWS -> doc.table(section, year, trimmed(grid, table4 + 2, grid.size()));
                case PROBLEMS -> doc.narrative(section, year, own == null ? "" : own, null);
                case OTHER -> doc.narrative(section, year, withSentence(own, fees), fees);
                default -> throw new IllegalStateException(section + " is not a part of a current report");
            }
        }
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        in.tables().counts().forEach((code, n) -> figures.put(code, BigDecimal.valueOf(n)));
        in.tables().proactive().forEach((row, cells) -> cells.forEach((column, value) -> figures.put(row + "." + column, value)));
        return doc.freeze(figures);
    }

    public static FrozenReport of(LegacyInputs in) {
        Document doc = new Document(ReportSection.title(in.agencyName(), in.year()));
        int year = in.year();
        String applications = legacyParagraph(year, in.form());
        String fees = in.fees().sentence(year);
        for (ReportSection section : ReportSection.of(year)) {
            String own = in.texts().get(section.name());
            switch (section) {
                case OPENING -> doc.opening(own != null ? own : defaultOpening(in.agencyName(), year, true));
                case OVERVIEW, PROBLEMS -> doc.narrative(section, year, own == null ? "" : own, null);
                case DISCLOSURE -> doc.narrative(section, year, own == null ? applications : own.replace(APPLICATIONS_MARKER, applications),
                                                 applications);
                case OTHER -> doc.narrative(section, year, withSentence(own, fees), fees);
                case FORM -> doc.table(section, year, LegacyForm.printed(in.form()));
                default -> throw new IllegalStateException(section + " is not a part of a report up to 2018");
            }
        }
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        in.form().forEach((item, value) -> figures.put(item.name(), value));
        return doc.freeze(figures);
    }

    /** The generated paragraph of a report up to 2018: receipts by the form's four ways and answers, from the form. */
    static String legacyParagraph(int year, Map<LegacyStatisticsItem, BigDecimal> form) {
        int received = form.get(LegacyStatisticsItem.RECEIVED).intValue();
        if (received == 0 && form.get(LegacyStatisticsItem.COMPLETED).signum() == 0) {
            return year + "年，本机关未收到政府信息公开申请。";
        }
        return year + "年，本机关共收到政府信息公开申请" + received + "件，其中当面申请" + form.get(LegacyStatisticsItem.RECEIVED_IN_PERSON)
               + "件，传真申请" + form.get(LegacyStatisticsItem.RECEIVED_FAX) + "件，网络申请" + form.get(LegacyStatisticsItem.RECEIVED_ONLINE)
               + "件，信函申请" + form.get(LegacyStatisticsItem.RECEIVED_LETTER) + "件。办结申请" + form.get(LegacyStatisticsItem.COMPLETED)
               + "件，其中按时办结" + form.get(LegacyStatisticsItem.COMPLETED_ON_TIME) + "件，延期办结"
               + form.get(LegacyStatisticsItem.COMPLETED_EXTENDED) + "件。";
    }

    /** The format notice 国办公开办函〔2021〕30号 governs reports from the 2021 reporting year on; earlier ones cite the Regulations alone. */
    static String defaultOpening(String agencyName, int year, boolean under2008Regulations) {
        String basis = under2008Regulations || year < 2021 ? "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定"
                : "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国"
                  + "政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求";
        return basis + "，现发布《" + ReportSection.title(agencyName, year) + "》，本报告所列数据从" + year + "年1月1日至" + year
               + "年12月31日。本报告电子版可在" + agencyName + "门户网站查阅下载。";
    }

    private static String withSentence(String own, String sentence) {
        if (own == null) {
            return sentence;
        }
        return own.contains(FEES_MARKER) ? own.replace(FEES_MARKER, sentence) : sentence + "\n" + own;
    }

    /** Rows {@code from}–{@code to} without the blank lines around them. */
    private static PrintedGrid trimmed(PrintedGrid grid, int from, int to) {
        List<List<String>> rows = grid.rows();
        while (from < to && rows.get(from).isEmpty()) {
            from++;
        }
        while (to > from && rows.get(to - 1).isEmpty()) {
            to--;
        }
        return grid.slice(from, to);
    }

    /** The block that names the log a document was computed from: its text is the footnote, its rows the figures. */
    public static final String BASED_ON = "BASED_ON";

    /** The document with its provenance as its last block and line (a publication's digest then covers it). */
    public static FrozenReport withBasedOn(FrozenReport report, LogAudit.BasedOn basedOn) {
        String footnote = Provenance.footnote(basedOn);
        List<Block> blocks = new ArrayList<>(report.blocks());
        blocks.add(new Block(BASED_ON, footnote, List.of(List.of("globalIndex", String.valueOf(basedOn.globalIndex())),
                                                         List.of("head", String.valueOf(basedOn.head()))), null));
        return new FrozenReport(report.title(), report.sections(), List.copyOf(blocks), report.text() + footnote + "\n",
                                report.figures());
    }

    /** The provenance a document names, if it names one (publications frozen before provenance did not). */
    public static java.util.Optional<LogAudit.BasedOn> basedOn(FrozenReport report) {
        return report.blocks().stream().filter(block -> BASED_ON.equals(block.kind())).findFirst()
                     .map(block -> new LogAudit.BasedOn(Long.parseLong(block.rows().get(0).get(1)), block.rows().get(1).get(1)));
    }

    /** The document being assembled: sections for the API, blocks for the formats, and the plain text. */
    private static final class Document {
        private final String title;
        private final List<Section> sections = new ArrayList<>();
        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Document(String title) {
            this.title = title;
            blocks.add(new Block("TITLE", title, null, null));
            text.append(title).append("\n\n");
        }

        void opening(String opening) {
            sections.add(new Section(ReportSection.OPENING.name(), "", opening, null));
            paragraphs(opening);
        }

        void narrative(ReportSection section, int year, String body, String generated) {
            sections.add(new Section(section.name(), section.heading(year), body, generated));
            heading(section.heading(year));
            paragraphs(body);
        }

        void table(ReportSection section, int year, PrintedGrid grid) {
            String printed = grid.text();
            sections.add(new Section(section.name(), section.heading(year), printed, printed));
            heading(section.heading(year));
            blocks.add(new Block("TABLE", null, grid.rows(), grid.mergeLists()));
            text.append(printed).append('\n');
        }

        private void heading(String heading) {
            blocks.add(new Block("HEADING", heading, null, null));
            text.append(heading).append("\n\n");
        }

        private void paragraphs(String body) {
            for (String line : body.split("\\R")) {
                if (!line.isBlank()) {
                    blocks.add(new Block("PARAGRAPH", line.strip(), null, null));
                    text.append(line.strip()).append("\n\n");
                }
            }
        }

        FrozenReport freeze(Map<String, BigDecimal> figures) {
            return new FrozenReport(title, List.copyOf(sections), List.copyOf(blocks), text.toString(), figures);
        }
    }
}
