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
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(table.year() + "年度报告");
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
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(table.agencyName() + " " + table.year() + " 年政府信息公开工作年度报告（统计表）");
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
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
