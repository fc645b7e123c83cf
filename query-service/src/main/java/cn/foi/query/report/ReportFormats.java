package cn.foi.query.report;

import cn.foi.events.report.AnnualReportPublished.Block;
import cn.foi.events.report.AnnualReportPublished.FrozenReport;
import cn.foi.query.table.AnnualTableExports;
import cn.foi.query.table.PrintedGrid;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * A report's document in the formats people download, each drawn from its blocks, so a published report renders the
 * same whenever it is asked for: Word in the layout of the example reports (title 宋体 二号 bold, headings 黑体 三号, body
 * 仿宋 三号 with a two-character indent, tables as real Word tables in 宋体 with their merged cells, page numbers in the
 * footer), and an HTML page to read.
 */
public final class ReportFormats {

    private static final String TITLE_FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    private static final String BODY_FONT = "仿宋";
    private static final String TABLE_FONT = "宋体";

    private ReportFormats() {
    }

    /** {@code note}: a line for every page's header (a draft says so; a publication names itself), or null. */
    public static byte[] docx(FrozenReport report, String note) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WordText.defaultFonts(document, TABLE_FONT);
            pageNumbers(document);
            if (note != null) {
                XWPFParagraph header = document.createHeader(HeaderFooterType.DEFAULT).createParagraph();
                header.setAlignment(ParagraphAlignment.RIGHT);
                WordText.run(header, note, BODY_FONT, 9, false);
            }
            for (Block block : report.blocks()) {
                switch (block.kind()) {
                    case "TITLE" -> {
                        XWPFParagraph title = document.createParagraph();
                        title.setAlignment(ParagraphAlignment.CENTER);
                        title.setSpacingAfter(400);
                        WordText.run(title, block.text(), TITLE_FONT, 22, true);
                    }
                    case "HEADING" -> {
                        XWPFParagraph heading = document.createParagraph();
                        heading.setIndentationFirstLine(640);
                        heading.setSpacingBefore(200);
                        WordText.run(heading, block.text(), HEADING_FONT, 16, false);
                    }
                    case "PARAGRAPH" -> {
                        XWPFParagraph paragraph = document.createParagraph();
                        paragraph.setIndentationFirstLine(640); // two characters of 三号
                        paragraph.setAlignment(ParagraphAlignment.BOTH);
                        WordText.run(paragraph, block.text(), BODY_FONT, 16, false);
                    }
                    case "TABLE" -> AnnualTableExports.writeGrid(document, PrintedGrid.of(block.rows(), block.merges()));
                    case ReportDraft.BASED_ON -> {
                        XWPFParagraph provenanceNote = document.createParagraph();
                        provenanceNote.setSpacingBefore(400);
                        WordText.run(provenanceNote, block.text(), BODY_FONT, 9, false);
                    }
                    default -> throw new IllegalStateException("unknown block " + block.kind());
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "— n —" centred in every page's footer, a PAGE field Word fills in. */
    private static void pageNumbers(XWPFDocument document) {
        XWPFParagraph footer = document.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        footer.setAlignment(ParagraphAlignment.CENTER);
        footer.createRun().setText("— ");
        footer.getCTP().addNewFldSimple().setInstr("PAGE \\* MERGEFORMAT");
        footer.createRun().setText(" —");
        document.getDocument().getBody().addNewSectPr().addNewPgNumType().setStart(BigInteger.ONE);
    }

    /** A page to read: headings, paragraphs, and the tables with their merged cells as row and column spans. */
    public static String html(FrozenReport report, String note) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(HtmlUtils.htmlEscape(report.title())).append("</title><style>")
                .append("body{font-family:'FangSong','仿宋','Noto Serif CJK SC',serif;max-width:60em;margin:2em auto;line-height:1.8}")
                .append("h1{text-align:center;font-family:'SimSun','宋体',serif}h2{font-family:'SimHei','黑体',sans-serif;font-size:1.1em}")
                .append("p{text-indent:2em}table{border-collapse:collapse;margin:1em 0;font-size:.85em}")
                .append("td{border:1px solid #444;padding:.2em .4em;text-align:center}.note{color:#555;font-size:.85em;text-indent:0}")
                .append("</style></head><body>\n");
        if (note != null) {
            out.append("<p class=\"note\">").append(HtmlUtils.htmlEscape(note)).append("</p>\n");
        }
        for (Block block : report.blocks()) {
            switch (block.kind()) {
                case "TITLE" -> out.append("<h1>").append(HtmlUtils.htmlEscape(block.text())).append("</h1>\n");
                case "HEADING" -> out.append("<h2>").append(HtmlUtils.htmlEscape(block.text())).append("</h2>\n");
                case "PARAGRAPH" -> out.append("<p>").append(HtmlUtils.htmlEscape(block.text())).append("</p>\n");
                case "TABLE" -> table(out, block.rows(), block.merges());
                case ReportDraft.BASED_ON -> out.append("<p class=\"based-on\"><small>").append(HtmlUtils.htmlEscape(block.text()))
                                                .append("</small></p>\n");
                default -> throw new IllegalStateException("unknown block " + block.kind());
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder out, List<List<String>> rows, List<List<Integer>> merges) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        boolean open = false;
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() <= 1) { // a line between the printed tables (e.g. an article of table 二)
                if (open) {
                    out.append("</table>\n");
                    open = false;
                }
                if (!row.isEmpty()) {
                    out.append("<p class=\"note\">").append(HtmlUtils.htmlEscape(row.get(0))).append("</p>\n");
                }
                continue;
            }
            if (!open) {
                out.append("<table>\n");
                open = true;
            }
            out.append("<tr>");
            for (int c = 0; c < width; c++) {
                List<Integer> merge = mergeAt(merges, r, c);
                if (merge != null && (merge.get(0) != r || merge.get(2) != c)) {
                    continue; // covered by a merged cell
                }
                out.append("<td");
                if (merge != null) {
                    out.append(" rowspan=\"").append(merge.get(1) - merge.get(0) + 1).append("\" colspan=\"")
                       .append(merge.get(3) - merge.get(2) + 1).append('"');
                }
                out.append('>').append(HtmlUtils.htmlEscape(c < row.size() ? row.get(c) : "")).append("</td>");
            }
            out.append("</tr>\n");
        }
        if (open) {
            out.append("</table>\n");
        }
    }

    private static List<Integer> mergeAt(List<List<Integer>> merges, int row, int column) {
        for (List<Integer> m : merges) {
            if (row >= m.get(0) && row <= m.get(1) && column >= m.get(2) && column <= m.get(3)) {
                return m;
            }
        }
        return null;
    }
}
