package cn.foi.query.endtoend;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web application in a real browser (Debian's headless Chromium): an officer signs in, registers a
 * request, decides it and sees the annual table change, downloads the .xlsx and we read it back; an auditor
 * follows a figure down to the request behind it and its history. Screenshots of the main pages, at 1366×768
 * and at a phone's width, are kept under target/screenshots.
 */
class WebApplicationBrowserTest extends EndToEndTest {

    private static final String AGENCY = "web-browser";
    private static final String PASSWORD = "browser-password-1";

    private void createUser(String username, String roles, String agencies) {
        var created = services.as("admin", Services.ADMIN_PASSWORD).post(services.commandUrl + "/api/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":" + roles + ",\"agencies\":" + agencies + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private int tableCell(String row, String column) {
        return services.get(services.queryUrl + "/api/agencies/" + AGENCY + "/annual-tables/" + LocalDate.now().getYear())
                       .json().get("applications").get(row).get(column).asInt();
    }

    @Test
    void an_officer_registers_and_decides_and_an_auditor_follows_the_figure_down_to_the_request() throws Exception {
        int year = LocalDate.now().getYear();
        assertThat(services.as("admin", Services.ADMIN_PASSWORD).post(services.commandUrl + "/api/agencies",
                "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"某市浏览器测试局\"}").status()).isEqualTo(201);
        createUser("browser-officer", "[\"SUPERVISOR\"]", "[\"" + AGENCY + "\"]");
        createUser("browser-auditor", "[\"AUDITOR\"]", "[\"*\"]");

        String requestId;
        try (Chromium browser = Chromium.open(services.queryUrl)) {
            // sign in; the worklist is the start page
            browser.visit("/login.html");
            browser.screenshot("01-login");
            browser.signIn("browser-officer", PASSWORD);
            browser.find(UiNames.WORKLIST);
            browser.screenshot("02-worklist");

            // register a request: first with a missing subject (a Chinese message, nothing sent), then complete
            browser.visit("/#/register");
            browser.find(UiNames.REGISTER_SUBMIT);
            browser.screenshot("03-register");
            browser.set(UiNames.REGISTER_RECEIVED_ON, LocalDate.now().toString());
            browser.set(UiNames.REGISTER_CHANNEL, "ONLINE");
            browser.set(UiNames.REGISTER_APPLICANT_TYPE, "NATURAL_PERSON");
            browser.type(UiNames.REGISTER_APPLICANT_NAME, "赵浏览");
            browser.click(UiNames.REGISTER_SUBMIT);
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getPageSource().matches("(?s).*(请填写|必填|不能为空|请输入).*"));
            assertThat(tableCell("NEW", "TOTAL")).isZero();
            browser.type(UiNames.REGISTER_SUBJECT, "申请公开本市2026年道路养护经费预算");
            browser.click(UiNames.REGISTER_SUBMIT);

            // the request's page, with its due date
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver.getCurrentUrl().contains("#/requests/"));
            requestId = browser.driver.getCurrentUrl().replaceAll(".*#/requests/([^/?]+).*", "$1");
            WebElement due = browser.find(UiNames.DUE_ON);
            await().atMost(Duration.ofSeconds(20)).until(() -> due.getText().matches("(?s).*\\d{4}.*"));
            browser.screenshot("04-request");
            await().atMost(Duration.ofSeconds(20)).until(() -> tableCell("NEW", "NATURAL_PERSON") == 1);

            // decide it: the table's DISCLOSED cell for natural persons goes from 0 to 1
            assertThat(tableCell("DISCLOSED", "NATURAL_PERSON")).isZero();
            browser.set(UiNames.DECISION_RESULT, "DISCLOSED");
            browser.set(UiNames.DECISION_DATE, LocalDate.now().toString());
            browser.click(UiNames.DECISION_SUBMIT);
            await().atMost(Duration.ofSeconds(20)).until(() -> tableCell("DISCLOSED", "NATURAL_PERSON") == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver.getPageSource().contains("予以公开"));

            // the annual report page shows it, in the printed layout, and downloads the .xlsx
            browser.visit("/#/report/" + AGENCY + "/" + year);
            WebElement cell = browser.find("cell-DISCLOSED-NATURAL_PERSON");
            await().atMost(Duration.ofSeconds(20)).until(() -> cell.getText().strip().equals("1"));
            assertThat(browser.driver.getPageSource()).contains("本年新收政府信息公开申请数量");
            browser.screenshot("05-report");
            browser.click(UiNames.DOWNLOAD_XLSX);
            Path xlsx = browser.downloaded(".xlsx");
            assertThat(xlsxContains(xlsx, "予以公开")).isTrue();
            assertThat(xlsxRowFigures(xlsx, "予以公开")).as("the DISCLOSED row of the downloaded table").contains("1");

            // phone width: the pages still render
            browser.resize(390, 844);
            browser.visit("/#/worklist");
            browser.find(UiNames.WORKLIST);
            browser.screenshot("06-worklist-phone");
            browser.visit("/#/report/" + AGENCY + "/" + year);
            browser.find("cell-DISCLOSED-NATURAL_PERSON");
            browser.screenshot("07-report-phone");
            browser.resize(1366, 768);

            // an auditor: from the figure to the request, and its history with who did what
            browser.signOut();
            browser.signIn("browser-auditor", PASSWORD);
            browser.visit("/#/report/" + AGENCY + "/" + year);
            browser.find("cell-DISCLOSED-NATURAL_PERSON").findElement(By.tagName("a")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver.getPageSource().contains(requestId));
            browser.screenshot("08-drill-down");
            browser.driver.findElement(By.cssSelector("a[href*='" + requestId + "']")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver.getPageSource().contains("browser-officer"));
            assertThat(browser.driver.getPageSource()).as("names are masked for auditors").doesNotContain("赵浏览").contains("赵*");
            browser.screenshot("09-history");

            browser.visit("/#/audit");
            browser.find(UiNames.AUDIT_PAGE);
            browser.screenshot("10-audit");
            browser.visit("/#/published-check/" + AGENCY + "/" + year);
            browser.find(UiNames.PUBLISHED_CHECK_PAGE);
            browser.screenshot("11-published-check");
        }
    }

    private static boolean xlsxContains(Path xlsx, String text) throws Exception {
        return xlsxText(xlsx).stream().anyMatch(row -> row.contains(text));
    }

    /** The cells of the first row whose text contains this label. */
    private static List<String> xlsxRowFigures(Path xlsx, String label) throws Exception {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            DataFormatter format = new DataFormatter();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(c -> cells.add(format.formatCellValue(c).strip()));
                    if (cells.stream().anyMatch(c -> c.contains(label))) {
                        return cells;
                    }
                }
            }
        }
        return List.of();
    }

    private static List<String> xlsxText(Path xlsx) throws Exception {
        List<String> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            DataFormatter format = new DataFormatter();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    StringBuilder text = new StringBuilder();
                    row.forEach(c -> text.append(format.formatCellValue(c)).append('\t'));
                    rows.add(text.toString());
                }
            }
        }
        return rows;
    }

    /** The data-test names of the pages' controls (query-service/src/main/resources/static). */
    private static final class UiNames {
        static final String WORKLIST = "worklist";
        static final String REGISTER_RECEIVED_ON = "register-received-on";
        static final String REGISTER_CHANNEL = "register-channel";
        static final String REGISTER_APPLICANT_TYPE = "register-applicant-type";
        static final String REGISTER_APPLICANT_NAME = "register-applicant-name";
        static final String REGISTER_SUBJECT = "register-subject";
        static final String REGISTER_SUBMIT = "register-submit";
        static final String DUE_ON = "due-on";
        static final String DECISION_RESULT = "decision-result";
        static final String DECISION_DATE = "decision-decided-on";
        static final String DECISION_SUBMIT = "decision-submit";
        static final String DOWNLOAD_XLSX = "download-xlsx";
        static final String AUDIT_PAGE = "audit-page";
        static final String PUBLISHED_CHECK_PAGE = "published-check-page";
    }
}
