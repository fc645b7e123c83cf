package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/** The .xlsx and .csv downloads carry the figures of the table, in the printed layout, merged cells included. */
class ExportTest extends EndToEndTest {

    @Test
    void the_downloads_read_back_to_the_same_figures_in_the_printed_layout() throws Exception {
        String agency = "export-office";
        api.registerAgency(agency, "某区教育局");
        for (int i = 0; i < 3; i++) {
            api.decide(api.logRequest(agency, "2025-03-0" + (i + 3), "ONLINE", "NATURAL_PERSON"), "DISCLOSED", "2025-03-20");
        }
        api.logRequest(agency, "2025-04-01", "LETTER", "COMMERCIAL_ENTERPRISE");
        JsonNode table = api.awaitTable(agency, 2025, t -> cell(t, "NEW", "TOTAL") == 4 && cell(t, "DISCLOSED", "TOTAL") == 3);
        String url = services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025?format=";

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(services.download(url + "xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row newRow = rowStartingWith(sheet, "一、本年新收政府信息公开申请数量");
            assertThat(newRow.getCell(3).getNumericCellValue()).isEqualTo(cell(table, "NEW", "NATURAL_PERSON"));
            assertThat(newRow.getCell(4).getNumericCellValue()).isEqualTo(cell(table, "NEW", "COMMERCIAL_ENTERPRISE"));
            assertThat(newRow.getCell(9).getNumericCellValue()).isEqualTo(4);
            Row disclosed = rowStartingWith(sheet, "三、本年度办理结果");
            assertThat(disclosed.getCell(9).getNumericCellValue()).isEqualTo(3);
            // 申请人情况 spans the seven applicant columns; the section label of 一 spans the three label columns
            assertThat(merged(sheet, "申请人情况")).isEqualTo(new CellRangeAddress(newRow.getRowNum() - 3, newRow.getRowNum() - 3, 3, 9));
            assertThat(merged(sheet, "一、本年新收政府信息公开申请数量"))
                    .isEqualTo(new CellRangeAddress(newRow.getRowNum(), newRow.getRowNum(), 0, 2));
            assertThat(merged(sheet, "行政复议").getNumberOfCells()).isEqualTo(5);
        }

        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(services.download(url + "docx")))) {
            assertThat(document.getTables()).hasSize(4 + 1 + 1); // table 二 in its four article blocks, 三, 四
            var table3 = document.getTables().stream()
                                 .filter(t -> t.getText().contains("一、本年新收政府信息公开申请数量")).findFirst().orElseThrow();
            var newRow = table3.getRows().stream().filter(r -> r.getCell(0).getText().startsWith("一、本年新收")).findFirst().orElseThrow();
            assertThat(newRow.getCell(9).getText()).isEqualTo("4");
            assertThat(document.getParagraphs().get(0).getText()).contains("某区教育局", "2025");
        }

        // the grid a page draws: tables 二, 三, 四 with their merges, each figure naming what it counts
        JsonNode grid = services.get(url + "grid&zero=dash").json();
        assertThat(grid.get("tables")).hasSize(3);
        assertThat(grid.at("/tables/1/title").asText()).isEqualTo("三、收到和处理政府信息公开申请情况");
        JsonNode table3 = grid.at("/tables/1");
        JsonNode disclosedFigure = null;
        for (JsonNode figure : table3.get("figures")) {
            if (figure.get("code").asText().equals("DISCLOSED/NATURAL_PERSON")) {
                disclosedFigure = figure;
            }
        }
        assertThat(disclosedFigure).isNotNull();
        assertThat(table3.get("rows").get(disclosedFigure.get("row").asInt()).get(disclosedFigure.get("column").asInt()).asText()).isEqualTo("3");
        assertThat(table3.get("rows").get(disclosedFigure.get("row").asInt()).get(1).asText()).isEqualTo("(一) 予以公开");
        JsonNode researchNew = null;
        for (JsonNode figure : table3.get("figures")) {
            if (figure.get("code").asText().equals("NEW/RESEARCH_INSTITUTION")) {
                researchNew = figure;
            }
        }
        assertThat(table3.get("rows").get(researchNew.get("row").asInt()).get(researchNew.get("column").asInt()).asText()).isEqualTo("-");
        assertThat(table3.get("merges").toString()).contains("{\"firstRow\":0,\"lastRow\":0,\"firstColumn\":3,\"lastColumn\":9}");
        assertThat(grid.at("/tables/2/figures")).hasSize(15);

        String csv = new String(services.download(url + "csv&zero=dash"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        CSVRecord newRecord = records.stream().filter(r -> r.get(0).equals("一、本年新收政府信息公开申请数量")).findFirst().orElseThrow();
        assertThat(newRecord.get(3)).isEqualTo("3");
        assertThat(newRecord.get(5)).isEqualTo("-");
        assertThat(newRecord.get(9)).isEqualTo("4");
        assertThat(services.get(url + "pdf").status()).isEqualTo(400);
    }

    private static Row rowStartingWith(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static CellRangeAddress merged(Sheet sheet, String label) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            var cell = sheet.getRow(region.getFirstRow()).getCell(region.getFirstColumn());
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                && label.equals(cell.getStringCellValue())) {
                return region;
            }
        }
        throw new AssertionError("no merged region " + label);
    }
}
