package cn.foi.query.table;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Downloads of the tables in their printed layout: .xlsx (merged cells as printed) and .csv. */
public final class AnnualTableExports {

    private AnnualTableExports() {
    }

    /** One sheet, the grid as printed: numbers as numbers, labels wrapped, merged cells merged. */
    public static byte[] xlsx(AnnualTable table, PrintedGrid grid) {
        return xlsx(table.year() + "年度报告", table.agencyName() + " " + table.year() + " 年政府信息公开工作年度报告（统计表）", grid);
    }

    /** One sheet named {@code sheetName}: the title, then the grid as printed. */
    public static byte[] xlsx(String sheetName, String title, PrintedGrid grid) {
        return xlsx(List.of(new SheetGrid(sheetName, title, grid)));
    }

    /** A sheet of a workbook: its name, a title in its first row, and a grid as printed under it. */
    public record SheetGrid(String sheetName, String title, PrintedGrid grid) {
    }

    /** A workbook of sheets, each a title and a grid as printed: numbers as numbers, labels wrapped, merged cells merged. */
    public static byte[] xlsx(List<SheetGrid> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.CENTER);
            text.setBorderBottom(BorderStyle.THIN);
            text.setBorderTop(BorderStyle.THIN);
            text.setBorderLeft(BorderStyle.THIN);
            text.setBorderRight(BorderStyle.THIN);
            CellStyle number = workbook.createCellStyle();
            number.cloneStyleFrom(text);
            number.setAlignment(HorizontalAlignment.CENTER);
            for (SheetGrid sheetGrid : sheets) {
                Sheet sheet = workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetGrid.sheetName()));
                PrintedGrid grid = sheetGrid.grid();
                Row titleRow = sheet.createRow(0);
                titleRow.createCell(0).setCellValue(sheetGrid.title());
                List<List<String>> rows = grid.rows();
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<String> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Cell cell = row.createCell(c);
                        String value = cells.get(c);
                        if (value.matches("-?\\d+(\\.\\d+)?") && cells.size() > 1) {
                            cell.setCellValue(Double.parseDouble(value));
                            cell.setCellStyle(number);
                        } else {
                            cell.setCellValue(value);
                            if (cells.size() > 1) {
                                cell.setCellStyle(value.equals("-") ? number : text);
                            }
                        }
                    }
                }
                for (PrintedGrid.Merge merge : grid.merges()) {
                    sheet.addMergedRegion(new CellRangeAddress(merge.firstRow() + 1, merge.lastRow() + 1,
                                                               merge.firstColumn(), merge.lastColumn()));
                }
                sheet.setColumnWidth(0, 24 * 256);
                sheet.setColumnWidth(1, 28 * 256);
                sheet.setColumnWidth(2, 24 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Word document: the title, then each of tables 二, 三 and 四 as a bordered table with the printed
     * merges (horizontal spans as merged cells, vertical spans as vertically merged cells).
     */
    public static byte[] docx(AnnualTable table, PrintedGrid grid) {
        return docx(table.agencyName() + " " + table.year() + " 年政府信息公开工作年度报告（统计表）", grid);
    }

    /** A Word document: the title, then the grid (its tables with their merges). */
    public static byte[] docx(String titleText, PrintedGrid grid) {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var title = document.createParagraph();
            title.setAlignment(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
            var titleRun = title.createRun();
            titleRun.setBold(true);
            titleRun.setText(titleText);
            writeGrid(document, grid);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A grid into a Word document: a row of one cell (or none) is a paragraph, a run of wider rows is one printed table
     * with its merges.
     */
    public static void writeGrid(org.apache.poi.xwpf.usermodel.XWPFDocument document, PrintedGrid grid) {
        List<List<String>> rows = grid.rows();
        int r = 0;
        while (r < rows.size()) {
            List<String> row = rows.get(r);
            if (row.size() <= 1) {
                var paragraph = document.createParagraph();
                if (!row.isEmpty()) {
                    paragraph.createRun().setText(row.get(0));
                }
                r++;
                continue;
            }
            // a block of consecutive multi-cell rows is one printed table
            int first = r;
            int width = 0;
            while (r < rows.size() && rows.get(r).size() > 1) {
                width = Math.max(width, rows.get(r).size());
                r++;
            }
            writeTable(document, grid, first, r, width);
        }
    }

    private static void writeTable(org.apache.poi.xwpf.usermodel.XWPFDocument document, PrintedGrid grid, int first,
                                   int end, int width) {
        List<List<String>> rows = grid.rows();
        var wordTable = document.createTable(end - first, width);
        for (int r = first; r < end; r++) {
            List<String> cells = rows.get(r);
            var wordRow = wordTable.getRow(r - first);
            for (int c = 0; c < width; c++) {
                wordRow.getCell(c).setText(c < cells.size() ? cells.get(c) : "");
            }
        }
        for (PrintedGrid.Merge merge : grid.merges()) {
            if (merge.firstRow() < first || merge.lastRow() >= end) {
                continue;
            }
            for (int r = merge.firstRow(); r <= merge.lastRow(); r++) {
                var wordRow = wordTable.getRow(r - first);
                for (int c = merge.firstColumn(); c <= merge.lastColumn(); c++) {
                    var properties = wordRow.getCell(c).getCTTc().isSetTcPr() ? wordRow.getCell(c).getCTTc().getTcPr()
                            : wordRow.getCell(c).getCTTc().addNewTcPr();
                    if (merge.lastColumn() > merge.firstColumn()) {
                        properties.addNewHMerge().setVal(c == merge.firstColumn()
                                ? org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART
                                : org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.CONTINUE);
                    }
                    if (merge.lastRow() > merge.firstRow()) {
                        properties.addNewVMerge().setVal(r == merge.firstRow()
                                ? org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART
                                : org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.CONTINUE);
                    }
                }
            }
        }
    }

    /** RFC 4180, one printed row a record; merged cells are empty after their first. UTF-8 with a BOM for Excel. */
    public static String csv(PrintedGrid grid) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> row : grid.rows()) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A download's header: attachment, its Chinese file name in UTF-8 (RFC 6266). */
    public static String attachment(String fileName) {
        return org.springframework.http.ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
                                                        .build().toString();
    }
}
