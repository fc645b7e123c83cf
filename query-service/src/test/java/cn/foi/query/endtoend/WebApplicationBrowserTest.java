package cn.foi.query.endtoend;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
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
            // the supervisor sets how the agency's case numbers are written: a malformed pattern is explained, nothing kept
            assertThat(browser.find("case-number-pattern").getText()).isEqualTo("〔{year}〕{seq}号");
            browser.click("case-number-pattern-edit");
            browser.type("case-number-pattern-input", "〔{year}〕号");
            browser.click("case-number-pattern-save");
            assertThat(browser.find("case-number-pattern-error").getText()).contains("编号格式须含且只含一个 {seq}");
            browser.type("case-number-pattern-input", "浏测依申〔{year}〕{seq:3}号");
            browser.click("case-number-pattern-save");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.find("case-number-example").getText()
                                                                      .equals("（例：浏测依申〔" + year + "〕007号）"));
            browser.screenshot("03-register");
            browser.set(UiNames.REGISTER_RECEIVED_ON, LocalDate.now().toString());
            browser.set(UiNames.REGISTER_CHANNEL, "ONLINE");
            browser.set(UiNames.REGISTER_APPLICANT_TYPE, "NATURAL_PERSON");
            browser.type(UiNames.REGISTER_APPLICANT_NAME, "赵浏览");
            browser.set("register-id-type", "RESIDENT_ID_CARD");
            browser.type("register-id-number", "11010519491231002X");
            browser.type("register-phone", "13812345678");
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
            assertThat(browser.find(UiNames.REQUEST_CASE_NUMBER).getText()).isEqualTo("浏测依申〔" + year + "〕001号");
            assertThat(browser.find("request-applicant-details").getText()).isEqualTo("居民身份证 11010519491231002X；电话 13812345678");
            assertThat(browser.find("flash").getText()).contains("编号 浏测依申〔" + year + "〕001号");
            browser.screenshot("04-request");
            await().atMost(Duration.ofSeconds(20)).until(() -> tableCell("NEW", "NATURAL_PERSON") == 1);

            // decide it: the table's DISCLOSED cell for natural persons goes from 0 to 1
            assertThat(tableCell("DISCLOSED", "NATURAL_PERSON")).isZero();
            browser.set(UiNames.DECISION_RESULT, "DISCLOSED");
            browser.set(UiNames.DECISION_DATE, LocalDate.now().toString());
            browser.click(UiNames.DECISION_SUBMIT);
            await().atMost(Duration.ofSeconds(20)).until(() -> tableCell("DISCLOSED", "NATURAL_PERSON") == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver.getPageSource().contains("予以公开"));

            // a request awaiting its correction: the answer form chooses nothing, so no click closes it by accident
            String awaiting = services.post(services.commandUrl + "/api/agencies/" + AGENCY + "/requests",
                    "{\"receivedOn\":\"" + LocalDate.now() + "\",\"channel\":\"LETTER\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                    + "\"name\":\"孙补正\"},\"subject\":\"补正测试\"}").json().get("requestId").asText();
            assertThat(services.post(services.commandUrl + "/api/requests/" + awaiting + "/correction-request",
                    "{\"requestedOn\":\"" + LocalDate.now() + "\",\"dueOn\":\"" + LocalDate.now().plusDays(15)
                    + "\",\"items\":[\"具体文件名称\"]}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> "AWAITING_CORRECTION".equals(
                    services.get(services.queryUrl + "/api/requests/" + awaiting).json().path("status").asText()));
            browser.visit("/#/requests/" + awaiting);
            WebElement awaitingResult = browser.find(UiNames.DECISION_RESULT);
            assertThat(new org.openqa.selenium.support.ui.Select(awaitingResult).getFirstSelectedOption().getAttribute("value")).isEmpty();
            assertThat(browser.find(UiNames.DECISION_DATE).getAttribute("value")).isEmpty();
            browser.click(UiNames.DECISION_SUBMIT);
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getPageSource().contains("请填写答复日期"));
            assertThat(services.get(services.queryUrl + "/api/requests/" + awaiting).json().path("status").asText())
                    .isEqualTo("AWAITING_CORRECTION");

            // the supervisor gives it to an officer of the agency (here: themself), then finds it with the worklist's filters
            assertThat(browser.find("request-assignee-name").getText()).isEqualTo("未分派");
            browser.click("assign-open");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.all("[data-test='assign-select'] option").size() > 1);
            browser.set("assign-select", "browser-officer");
            browser.click("assign-submit");
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                   .until(() -> browser.find("request-assignee-name").getText().startsWith("browser-officer"));
            assertThat(browser.find("flash").getText()).contains("已分派给 browser-officer");
            browser.visit("/#/worklist");
            browser.find(UiNames.WORKLIST);
            browser.click("worklist-filter-paused");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.all("[data-test='worklist-row']").size() == 1);
            assertThat(browser.find("worklist-assignee").getText()).isEqualTo("browser-officer");
            browser.click("worklist-filter-overdue");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.all("[data-test='worklist-empty']").size() == 1);
            browser.click("worklist-filter-open");
            browser.click("worklist-mine");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.all("[data-test='worklist-row']").size() == 1);
            browser.click("worklist-sort-receivedOn");
            browser.screenshot("02a-worklist-mine");
            // the scanned application attached to it: listed with its size and digest, downloadable
            browser.visit("/#/requests/" + awaiting);
            browser.find(UiNames.DECISION_RESULT);
            assertThat(browser.find("attachments-none").getText()).isEqualTo("暂无附件");
            Path scan = Files.createTempFile("申请书扫描件", ".pdf");
            Files.write(scan, "%PDF-1.4\n% a scanned application\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            browser.find("attachment-file").sendKeys(scan.toAbsolutePath().toString());
            browser.click("attachment-submit");
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                   .until(() -> browser.find("attachment-link").getText().endsWith(".pdf"));
            browser.screenshot("04d-attachment");
            Files.deleteIfExists(scan);

            // a request of 2018 answered in 2018: the answer form offers the results of the 2008 Regulations for that date
            String of2018 = services.post(services.commandUrl + "/api/agencies/" + AGENCY + "/requests",
                    "{\"receivedOn\":\"2018-11-05\",\"channel\":\"LETTER\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                    + "\"name\":\"钱旧例\"},\"subject\":\"2018 年的申请\"}").json().get("requestId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> services.get(services.queryUrl + "/api/requests/" + of2018).status() == 200);
            browser.visit("/#/requests/" + of2018);
            browser.find(UiNames.DECISION_RESULT);
            browser.set(UiNames.DECISION_DATE, "2018-11-20");
            browser.find("result-option-AGREED");
            assertThat(browser.all("[data-test='result-option-DISCLOSED']")).as("current results are not offered for 2018").isEmpty();
            browser.set(UiNames.DECISION_RESULT, "AGREED");
            browser.screenshot("04b-answer-2008");
            browser.click(UiNames.DECISION_SUBMIT);
            await().atMost(Duration.ofSeconds(20)).until(() -> "DECIDED".equals(
                    services.get(services.queryUrl + "/api/requests/" + of2018).json().path("status").asText()));
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver.getPageSource().contains("同意公开（2008 年《条例》）"));
            browser.screenshot("04c-answered-2008");
            assertThat(services.get(services.queryUrl + "/api/requests/" + of2018).json().path("result").asText()).isEqualTo("AGREED");

            // the supervisor corrects an answer recorded wrongly: a reason is required, both stay in the history
            String wrong = services.post(services.commandUrl + "/api/agencies/" + AGENCY + "/requests",
                    "{\"receivedOn\":\"" + LocalDate.now() + "\",\"channel\":\"EMAIL\",\"applicant\":{\"type\":\"COMMERCIAL_ENTERPRISE\","
                    + "\"name\":\"某公司\"},\"subject\":\"误录测试\"}").json().get("requestId").asText();
            api.decide(wrong, "DISCLOSED", LocalDate.now().toString());
            await().atMost(Duration.ofSeconds(20)).until(() -> "DECIDED".equals(
                    services.get(services.queryUrl + "/api/requests/" + wrong).json().path("status").asText()));
            browser.visit("/#/requests/" + wrong);
            browser.click("action-decision-correction");
            browser.set("decision-correction-result", "PARTIALLY_DISCLOSED");
            browser.click("decision-correction-submit");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getPageSource().contains("请填写更正理由"));
            browser.type("decision-correction-reason", "误录为予以公开，实际部分公开");
            browser.click("decision-correction-submit");
            await().atMost(Duration.ofSeconds(20)).until(() -> "PARTIALLY_DISCLOSED".equals(
                    services.get(services.queryUrl + "/api/requests/" + wrong).json().path("result").asText()));
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver.getPageSource().contains("更正办理结果"));
            browser.screenshot("04e-decision-corrected");

            // the letters of the request: the answer previewed as printed, with the article that fits its (corrected) result
            browser.click("letter-preview-REPLY");
            await().atMost(Duration.ofSeconds(15)).until(() -> browser.find("letter-paper").getText().contains("第三十七条"));
            assertThat(browser.find("letter-paper").getText()).contains("某公司：", "六十日内", "政府信息公开申请答复书");
            assertThat(browser.find("letter-download-RECEIPT").getAttribute("href")).endsWith("/api/requests/" + wrong + "/letters/RECEIPT");
            assertThat(browser.all("[data-test='history-letter']")).isNotEmpty();
            browser.screenshot("04f-letters");

            // the agency's templates: a draft previewed with a made-up request, then saved as the first version
            browser.click("letters-templates-link");
            browser.click("template-tab-RECEIPT");
            browser.type("template-title", "受理通知书");
            browser.type("template-body", "{{申请人}}：\n您于{{收到日期}}提出的申请已登记，编号{{登记编号}}，将于{{答复期限}}前答复。");
            browser.click("template-preview-button");
            await().atMost(Duration.ofSeconds(15)).until(() -> browser.find("letter-paper").getText().contains("张某某："));
            assertThat(browser.find("letter-title").getText()).isEqualTo("受理通知书");
            browser.type("template-body", "{{申请人}}：{{缴费期限}}");
            browser.click("template-preview-button");
            assertThat(browser.find("template-error").getText()).contains("不属于受理回执");
            browser.type("template-body", "{{申请人}}：\n您于{{收到日期}}提出的申请已登记，编号{{登记编号}}，将于{{答复期限}}前答复。");
            browser.click("template-save");
            assertThat(browser.find("template-saved").getText()).contains("第 1 版");
            await().atMost(Duration.ofSeconds(15)).until(() -> browser.find("template-version").getText().contains("第 1 版"));
            browser.click("template-preview-button");
            await().atMost(Duration.ofSeconds(15)).until(() -> browser.find("letter-paper").getText().contains("张某某："));
            browser.screenshot("04g-letter-templates");
            assertThat(services.as("browser-officer", PASSWORD).get(services.queryUrl + "/api/requests/" + wrong + "/letters/RECEIPT?format=json").json()
                               .get("title").asText()).isEqualTo("受理通知书");

            // the supervisor corrects the receipt's details: a reason is required, both stay in the history
            browser.visit("/#/requests/" + wrong);
            browser.click("action-receipt-correction");
            browser.set("receipt-correction-channel", "LETTER");
            browser.click("receipt-correction-submit");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getPageSource().contains("请填写更正理由"));
            browser.type("receipt-correction-reason", "登记时误选了电子邮件，实为信函");
            browser.click("receipt-correction-submit");
            await().atMost(Duration.ofSeconds(20)).until(() -> "LETTER".equals(
                    services.get(services.queryUrl + "/api/requests/" + wrong).json().path("channel").asText()));
            await().atMost(Duration.ofSeconds(20)).until(() -> !browser.all("[data-type='ReceiptCorrected']").isEmpty());
            assertThat(browser.find("request-channel").getText()).isEqualTo("信函");
            browser.screenshot("04h-receipt-corrected");

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

            // 办理时效: the year's metrics, the timeliness chart drawn with the API's figures
            JsonNode metrics = services.get(services.queryUrl + "/api/agencies/" + AGENCY + "/metrics/" + year).json();
            browser.visit("/#/metrics/" + AGENCY + "/" + year);
            assertThat(browser.find("metrics-tiles").getText()).contains("本年答复", metrics.at("/answered/count").asText() + " 件", "用时中位数");
            Object drawn = browser.driver.executeScript("return Chart.getChart(document.querySelector(\"[data-test='chart-timeliness']\"))"
                                                        + ".data.datasets[0].data.join(',')");
            assertThat(drawn).isEqualTo(metrics.at("/timeliness/ON_TIME").asInt() + "," + metrics.at("/timeliness/ON_TIME_AFTER_EXTENSION").asInt()
                                        + "," + metrics.at("/timeliness/LATE").asInt());
            browser.screenshot("05a-metrics");

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
            assertThat(browser.all("[data-test='history-digest']")).isNotEmpty()
                    .allSatisfy(digest -> assertThat(digest.getAttribute("title")).matches("[0-9a-f]{64}"));
            browser.screenshot("09-history");

            browser.visit("/#/audit");
            browser.find(UiNames.AUDIT_PAGE);
            browser.screenshot("10-audit");
            browser.visit("/#/published-check/" + AGENCY + "/" + year);
            browser.find(UiNames.PUBLISHED_CHECK_PAGE);
            browser.screenshot("11-published-check");
        }
    }

    @Test
    void an_auditor_reads_a_past_table_checks_a_published_one_and_an_administrator_rebuilds() throws Exception {
        String agency = "web-audit";
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        assertThat(admin.post(services.commandUrl + "/api/agencies", "{\"agencyId\":\"" + agency + "\",\"name\":\"某区审计测试局\"}").status())
                .isEqualTo(201);
        createUser("browser-auditor-2", "[\"AUDITOR\"]", "[\"" + agency + "\"]");
        List<String> ids = new ArrayList<>();
        for (String day : new String[]{"2025-03-03", "2025-03-04"}) {
            var logged = services.post(services.commandUrl + "/api/agencies/" + agency + "/requests",
                    "{\"receivedOn\":\"" + day + "\",\"channel\":\"LETTER\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"钱审\"},\"subject\":\"审计\"}");
            ids.add(logged.json().get("requestId").asText());
        }
        assertThat(services.post(services.commandUrl + "/api/requests/" + ids.get(0) + "/decision",
                                 "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-03-20\"}").status()).isEqualTo(200);
        String table = services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025";
        await().atMost(Duration.ofSeconds(20)).until(() -> services.get(table).status() == 200
                && services.get(table).json().at("/applications/DISCLOSED/NATURAL_PERSON").asInt() == 1);
        java.time.Instant between = java.time.Instant.now();
        await().atMost(Duration.ofSeconds(5)).until(() -> java.time.Instant.now().isAfter(between.plusMillis(50)));
        assertThat(services.post(services.commandUrl + "/api/requests/" + ids.get(1) + "/decision",
                                 "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-03-21\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> services.get(table).status() == 200
                && services.get(table).json().at("/applications/DISCLOSED/NATURAL_PERSON").asInt() == 2);

        try (Chromium browser = Chromium.open(services.queryUrl)) {
            browser.signIn("browser-auditor-2", PASSWORD);

            // what the table said between the two decisions
            browser.visit("/#/report/" + agency + "/2025?asOf=" + between);
            WebElement past = browser.find("cell-DISCLOSED-NATURAL_PERSON");
            await().atMost(Duration.ofSeconds(15)).until(() -> past.getText().strip().equals("1"));
            browser.screenshot("12-report-as-of");
            browser.visit("/#/report/" + agency + "/2025");
            WebElement now = browser.find("cell-DISCLOSED-NATURAL_PERSON");
            await().atMost(Duration.ofSeconds(15)).until(() -> now.getText().strip().equals("2"));

            // a published table 三 printed with "-" for zero, one figure wrong: the page points at that cell
            String printed = services.get(table + "?format=text&zero=dash").body();
            String published = printed.lines().map(line -> line.startsWith("一、本年新收政府信息公开申请数量")
                    ? line.substring(0, line.lastIndexOf('\t')) + "\t3" : line).collect(java.util.stream.Collectors.joining("\n"));
            browser.visit("/#/published-check/" + agency + "/2025");
            browser.set(UiNames.PUBLISHED_TEXT, published);
            browser.click(UiNames.PUBLISHED_SUBMIT);
            WebElement differs = browser.find("differs-NEW-TOTAL");
            assertThat(differs.getText()).contains("3").contains("2");
            assertThat(browser.all("[data-test^='differs-']")).hasSize(1);
            browser.screenshot("13-published-check-result");

            // what changed between the two decisions, and which request moved
            java.util.function.Function<java.time.Instant, String> local = instant -> java.time.LocalDateTime
                    .ofInstant(instant, java.time.ZoneId.systemDefault()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            browser.visit("/#/audit?agency=" + agency + "&year=2025&from=" + local.apply(between)
                          + "&to=" + local.apply(java.time.Instant.now()));
            browser.find("diff-requests");
            List<WebElement> moved = browser.all("[data-test='diff-request']");
            assertThat(moved).hasSize(1);
            assertThat(moved.get(0).getText()).contains(ids.get(1)).contains("予以公开").doesNotContain(ids.get(0));
            browser.screenshot("13a-diff");

            // every stored event is in the projection: the auditor sees it proved, agency by agency
            browser.visit("/#/completeness");
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                if ("true".equals(browser.find("completeness-verdict").getAttribute("data-complete"))) {
                    return true;
                }
                browser.click("completeness-run"); // another test's events may still be on their way
                return false;
            });
            assertThat(browser.find("completeness-verdict").getText()).contains("完整").contains("均已计入投影");
            assertThat(browser.find("completeness-agency-years").getText()).contains("某区审计测试局").contains("2025 年")
                                                                           .contains("收到 2，结转导入 0，办结 2").doesNotContain("统计表缺少");
            browser.screenshot("13b-completeness");

            // the log is as it was written, and the table's 数据出处 names this log
            JsonNode basedOn = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025").json().get("basedOn");
            browser.visit("/#/verification?globalIndex=" + basedOn.get("globalIndex").asLong() + "&head=" + basedOn.get("head").asText());
            browser.click("verification-run");
            assertThat(browser.find("verification-verdict").getAttribute("data-verified")).isEqualTo("true");
            assertThat(browser.find("verification-verdict").getText()).startsWith("完好：全部");
            assertThat(browser.find("verification-based-on").getAttribute("data-matches")).isEqualTo("true");
            assertThat(browser.find("verification-head-digest").getText()).matches("[0-9a-f]{64}");
            browser.screenshot("13c-verification");

            // the administrator rebuilds every projection, sees it progress and end equal
            browser.signOut();
            browser.signIn("admin", Services.ADMIN_PASSWORD);
            browser.visit("/#/rebuild");
            java.time.Instant clicked = java.time.Instant.now();
            browser.click(UiNames.REBUILD_START);
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
                browser.driver.switchTo().alert().accept();
                return true;
            });
            // this rebuild's outcome, not one an earlier test left on the shared query service
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> java.time.Instant.parse(
                    browser.find(UiNames.REBUILD_EQUAL).getAttribute("data-finished-at")).isAfter(clicked));
            WebElement report = browser.find(UiNames.REBUILD_EQUAL);
            assertThat(report.getText()).contains("一致");
            assertThat(browser.find(UiNames.REBUILD_FIGURES).getText()).contains("条事件");
            browser.screenshot("14-rebuild");
            await().atMost(Duration.ofSeconds(30)).until(() -> services.get(table).status() == 200
                    && services.get(table).json().at("/applications/DISCLOSED/NATURAL_PERSON").asInt() == 2);
        }
    }

    @Test
    void an_administrator_registers_an_agency_and_its_supervisor_who_enters_table_two_and_closes_the_year() throws Exception {
        String agency = "web-admin";
        try (Chromium browser = Chromium.open(services.queryUrl)) {
            browser.signIn("admin", Services.ADMIN_PASSWORD);
            browser.visit("/#/admin");
            browser.find(UiNames.ADMIN_PAGE);

            // a malformed agency code is refused on the page, nothing is registered
            browser.type(UiNames.AGENCY_ID, "Bad Code");
            browser.type(UiNames.AGENCY_NAME, "某县管理测试局");
            browser.click(UiNames.AGENCY_SUBMIT);
            assertThat(browser.find(UiNames.AGENCY_ERROR).getText()).contains("机构代码");
            assertThat(services.as("admin", Services.ADMIN_PASSWORD).get(services.queryUrl + "/api/agencies/" + agency).status())
                    .isEqualTo(404);

            browser.type(UiNames.AGENCY_ID, agency);
            browser.click(UiNames.AGENCY_SUBMIT);
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                   .until(() -> browser.find("agency-list").getText().contains("某县管理测试局"));

            // a supervisor of that agency only
            browser.type(UiNames.USER_USERNAME, "web-supervisor");
            browser.type(UiNames.USER_PASSWORD, PASSWORD);
            browser.type("user-display-name", "孙主任");
            browser.click("user-role-SUPERVISOR");
            browser.click("user-agency-" + agency);
            browser.screenshot("15-admin");
            browser.click(UiNames.USER_SUBMIT);
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                   .until(() -> browser.find("user-list").getText().contains("web-supervisor"));
            var account = java.util.stream.StreamSupport.stream(services.as("admin", Services.ADMIN_PASSWORD)
                            .get(services.commandUrl + "/api/users").json().spliterator(), false)
                    .filter(u -> u.get("username").asText().equals("web-supervisor")).findFirst().orElseThrow();
            assertThat(account.get("roles").toString()).contains("SUPERVISOR").contains("OFFICER");
            assertThat(account.get("agencies").toString()).isEqualTo("[\"" + agency + "\"]");
            assertThat(account.get("displayName").asText()).isEqualTo("孙主任");
            // the account's history, from the event log: created by the administrator, with its roles and grants
            browser.click("user-history-toggle-web-supervisor");
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                   .until(() -> browser.find("user-history-web-supervisor").getText().contains("创建账户"));
            assertThat(browser.find("user-history-web-supervisor").getText()).contains("admin").contains("负责人").contains("某县管理测试局")
                                                                            .contains("不含任何密码信息");
            browser.screenshot("15a-user-history");

            // the new supervisor signs in, enters table 二 for 2025 and closes that year after confirming
            browser.signOut();
            browser.signIn("web-supervisor", PASSWORD);
            // the supervisor changes their own password from the link on their name: a mismatch is caught on the page
            browser.click("current-user");
            browser.type("account-current", PASSWORD);
            browser.type("account-new", "sun-renewed-pass-2");
            browser.type("account-repeat", "sun-renewed-pass-3");
            browser.click("account-submit");
            assertThat(browser.find("account-error").getText()).contains("不一致");
            browser.set("account-repeat", "sun-renewed-pass-2");
            browser.click("account-submit");
            assertThat(browser.find("account-saved").getText()).contains("密码已修改");
            browser.screenshot("15b-account");
            assertThat(services.as("web-supervisor", "sun-renewed-pass-2").get(services.queryUrl + "/api/agencies").status()).isEqualTo(200);
            browser.visit("/#/proactive/" + agency + "/2025");
            browser.type("proactive-RULES-MADE", "3");
            browser.click(UiNames.PROACTIVE_SUBMIT);
            browser.find(UiNames.PROACTIVE_SAVED);
            String table = services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025";
            assertThat(services.get(table).json().at("/proactive/RULES/MADE").asInt()).isEqualTo(3);

            browser.visit("/#/report/" + agency + "/2025");
            browser.click(UiNames.CLOSE_YEAR);
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
                browser.driver.switchTo().alert().accept();
                return true;
            });
            assertThat(browser.find(UiNames.CLOSE_YEAR_RESULT).getText()).contains("已关闭 2025 年度");
            browser.screenshot("16-year-closed");
            browser.visit("/#/report/" + agency + "/2024");
            browser.visit("/#/report/" + agency + "/2025");
            assertThat(browser.find(UiNames.YEAR_CLOSED).getText()).contains("关闭年度");
            assertThat(browser.all("[data-test='close-year']")).isEmpty();
            JsonNode closedYear = services.get(services.queryUrl + "/api/agencies/" + agency).json().at("/closedYears/2025");
            assertThat(closedYear.isMissingNode()).isFalse();
            // the table as it stood a moment before the close was recorded: the year was open then, nothing to close in the past
            java.time.Instant beforeClose = java.time.Instant.parse(closedYear.get("recordedAt").asText()).minusMillis(1);
            browser.visit("/#/report/" + agency + "/2025?asOf=" + beforeClose);
            browser.find("as-of-note");
            assertThat(browser.all("[data-test='year-closed']")).isEmpty();
            assertThat(browser.all("[data-test='close-year']")).isEmpty();

            // the whole report of the closed year: a part written, the generated paragraph marked, published
            browser.visit("/#/annual-report/" + agency + "/2025");
            assertThat(browser.find("generated-OVERVIEW").getText()).contains("系统生成", "未收到政府信息公开申请");
            assertThat(browser.find("generated-OTHER").getText()).contains("本年度未收取信息处理费");
            browser.type("text-PROBLEMS", "一是公开内容还不够全面；二是解读形式较为单一。");
            browser.click("save-PROBLEMS");
            assertThat(browser.find("saved-note").getText()).contains("第 1 版");
            assertThat(browser.find("report-preview").getText()).contains("五、存在的主要问题及改进情况", "一是公开内容还不够全面",
                                                                          "三、收到和处理政府信息公开申请情况");
            browser.screenshot("18-annual-report");
            browser.click("publish");
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
                browser.driver.switchTo().alert().accept();
                return true;
            });
            assertThat(browser.find("published-note").getText()).contains("已发布第 1 次", "SHA-256");
            browser.click("check-publication-1");
            assertThat(browser.find("check-result-1").getText()).contains("一致");
            browser.screenshot("19-annual-report-published");
            JsonNode published = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-reports/2025").json().get("published");
            assertThat(published).hasSize(1);
            assertThat(published.get(0).get("publishedBy").asText()).isEqualTo("web-supervisor");

            // a year up to 2018 shows the statistics form of the 2008 Regulations; the agency's items are entered there
            browser.visit("/#/report/" + agency + "/2018");
            assertThat(browser.find("legacy-form").getText()).contains("政府网站公开政府信息数", "申请办结数", "事件统计", "本机关填报");
            browser.type("legacy-input-PROACTIVE_BY_WEBSITE", "120");
            browser.click("legacy-save");
            assertThat(browser.find("legacy-saved").getText()).contains("第 1 版");
            await().atMost(Duration.ofSeconds(15)).until(() -> services.get(services.queryUrl + "/api/agencies/" + agency
                                                                            + "/legacy-statistics/2018").json().at("/items/PROACTIVE_BY_WEBSITE").asInt() == 120);
            browser.screenshot("20-legacy-form");
        }
    }

    @Test
    void a_government_s_supervisor_follows_its_members_on_the_dashboard_and_down_to_a_member_s_tables() throws Exception {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        assertThat(admin.post(services.commandUrl + "/api/agencies", "{\"agencyId\":\"web-gov\",\"name\":\"某县人民政府\"}").status()).isEqualTo(201);
        assertThat(admin.post(services.commandUrl + "/api/agencies",
                              "{\"agencyId\":\"web-gov-office\",\"name\":\"某县人民政府办公室\",\"parentId\":\"web-gov\"}").status()).isEqualTo(201);
        assertThat(admin.post(services.commandUrl + "/api/agencies",
                              "{\"agencyId\":\"web-gov-bureau\",\"name\":\"某县自然资源局\",\"parentId\":\"web-gov\"}").status()).isEqualTo(201);
        String first = api.logRequest("web-gov-office", "2025-03-03", "ONLINE", "NATURAL_PERSON");
        api.decide(first, "DISCLOSED", "2025-03-10");
        String second = api.logRequest("web-gov-bureau", "2025-04-07", "LETTER", "COMMERCIAL_ENTERPRISE");
        api.decide(second, "UNABLE_NOT_HELD", "2025-06-30"); // late
        api.logRequest("web-gov-bureau", "2025-05-06", "ONLINE", "NATURAL_PERSON");
        createUser("web-gov-supervisor", "[\"SUPERVISOR\"]", "[\"web-gov\"]");
        await().atMost(Duration.ofSeconds(20)).until(() -> services.get(services.queryUrl + "/api/agencies/web-gov/roll-up/2025").json()
                                                                  .at("/applications/NEW/TOTAL").asInt() == 3);

        try (Chromium browser = Chromium.open(services.queryUrl)) {
            browser.signIn("web-gov-supervisor", PASSWORD);
            browser.visit("/#/dashboard/web-gov/2025");
            assertThat(browser.find("dashboard-members").getText()).contains("某县人民政府办公室", "某县自然资源局", "未关闭");
            assertThat(browser.find("dashboard-tiles").getText()).contains("成员机构", "3", "按期答复率", "50%");
            // the charts are drawn by the vendored Chart.js with the roll-up's figures
            Object monthly = browser.driver.executeScript("return Chart.getChart(document.querySelector(\"[data-test='chart-monthly']\"))"
                                                          + ".data.datasets[0].data.join(',')");
            assertThat(monthly).isEqualTo("0,0,1,1,1,0,0,0,0,0,0,0");
            Object results = browser.driver.executeScript("const c = Chart.getChart(document.querySelector(\"[data-test='chart-results']\"));"
                                                          + "return c.data.labels.join(',') + '|' + c.data.datasets[0].data.join(',')");
            assertThat(results.toString()).contains("予以公开").contains("无法提供").startsWith("予以公开");
            assertThat(browser.driver.executeScript("return Chart.getChart(document.querySelector(\"[data-test='chart-timeliness']\")) != null"))
                    .isEqualTo(true);
            browser.screenshot("21-dashboard");
            // a member's figure leads to its tables, which the government's supervisor may read
            browser.driver.findElement(org.openqa.selenium.By.cssSelector("[data-test='member-web-gov-bureau'] a")).click();
            assertThat(browser.find("table-3").getText()).contains("本年新收政府信息公开申请数量");
        }
    }

    @Test
    void an_officer_imports_rows_pasted_from_a_spreadsheet_and_sees_row_by_row_what_was_registered() throws Exception {
        String agency = "web-import";
        assertThat(services.as("admin", Services.ADMIN_PASSWORD).post(services.commandUrl + "/api/agencies",
                "{\"agencyId\":\"" + agency + "\",\"name\":\"某区导入测试局\"}").status()).isEqualTo(201);
        createUser("browser-importer", "[\"OFFICER\"]", "[\"" + agency + "\"]");
        String pasted = String.join("\n",
                "收到日期\t渠道\t申请人类型\t申请人\t申请内容\t答复日期\t办理结果",
                "2025/3/3\t网络\t自然人\t赵一\t某项目环评报告\t2025-03-20\t予以公开",
                "2025年3月4日\t信函\t商业企业\t某公司\t某招标文件\t\t",
                "2025-03-05\t飞鸽传书\t自然人\t钱二\t某文件\t\t",
                "2025-03-06\t网络\t自然人\t孙三\t某文件\t2025-03-01\t予以公开",
                "2024-06-03\t网络\t自然人\t李四\t某文件\t\t",
                // answered in 2018: the results of the 2008 Regulations, a current one refused before sending
                "2018-05-03\t信函\t自然人\t周五\t某文件\t2018-05-10\t申请信息不存在",
                "2018-06-01\t网络\t自然人\t吴六\t某文件\t2018-06-05\t予以公开");

        try (Chromium browser = Chromium.open(services.queryUrl)) {
            browser.signIn("browser-importer", PASSWORD);
            browser.visit("/#/import");
            browser.find(UiNames.IMPORT_TEXT);
            // 2024 is closed after the page loaded the agency: the preview cannot know, the server refuses that row
            assertThat(services.post(services.commandUrl + "/api/agencies/" + agency + "/years/2024/close", "").status()).isEqualTo(200);
            browser.set(UiNames.IMPORT_TEXT, pasted);
            browser.click(UiNames.IMPORT_PREVIEW);
            // a channel the page cannot read, an answer before the receipt: held back before anything is sent
            assertThat(browser.find("import-row-4").getText()).contains("不导入").contains("飞鸽传书");
            assertThat(browser.find("import-row-5").getText()).contains("不导入").contains("答复日期 2025-03-01 早于收到日期 2025-03-06");
            assertThat(browser.find("import-row-8").getText()).contains("不导入").contains("2018 年的答复适用 2008 年《条例》");
            assertThat(browser.find(UiNames.IMPORT_SUBMIT).getText()).contains("导入 4 件");
            browser.click(UiNames.IMPORT_SUBMIT);
            assertThat(browser.find(UiNames.IMPORT_SUMMARY).getText()).contains("已登记 3 件").contains("未登记 4 件");
            assertThat(browser.find("import-row-7").getText()).contains("已登记并答复");
            // refused by the server: nothing of the row is registered
            assertThat(browser.find("import-row-6").getText()).contains("未登记").contains("2024 年度已关闭").doesNotContain("已登记");
            assertThat(browser.find("import-row-2").getText()).contains("已登记并答复");
            browser.screenshot("17-import");
        }
        String table = services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025";
        await().atMost(Duration.ofSeconds(20)).until(() -> services.get(table).status() == 200
                && services.get(table).json().at("/applications/NEW/TOTAL").asInt() == 2);
        var figures = services.get(table).json();
        assertThat(figures.at("/applications/DISCLOSED/NATURAL_PERSON").asInt()).isEqualTo(1);
        assertThat(figures.at("/applications/NEW/COMMERCIAL_ENTERPRISE").asInt()).isEqualTo(1);
        String form = services.queryUrl + "/api/agencies/" + agency + "/legacy-statistics/2018";
        await().atMost(Duration.ofSeconds(20)).until(() -> services.get(form).json().at("/items/NOT_EXIST").asInt() == 1);
        assertThat(services.get(form).json().at("/items/RECEIVED_LETTER").asInt()).isEqualTo(1);
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
        static final String REQUEST_CASE_NUMBER = "request-case-number";
        static final String DUE_ON = "due-on";
        static final String DECISION_RESULT = "decision-result";
        static final String DECISION_DATE = "decision-decided-on";
        static final String DECISION_SUBMIT = "decision-submit";
        static final String DOWNLOAD_XLSX = "download-xlsx";
        static final String AUDIT_PAGE = "audit-page";
        static final String PUBLISHED_CHECK_PAGE = "published-check-page";
        static final String PUBLISHED_TEXT = "published-text";
        static final String PUBLISHED_SUBMIT = "published-check-submit";
        static final String REBUILD_START = "rebuild-start";
        static final String REBUILD_EQUAL = "rebuild-equal";
        static final String REBUILD_FIGURES = "rebuild-figures";
        static final String ADMIN_PAGE = "admin-page";
        static final String AGENCY_ID = "agency-id";
        static final String AGENCY_NAME = "agency-name";
        static final String AGENCY_SUBMIT = "agency-submit";
        static final String AGENCY_ERROR = "agency-error";
        static final String USER_USERNAME = "user-username";
        static final String USER_PASSWORD = "user-password";
        static final String USER_SUBMIT = "user-submit";
        static final String PROACTIVE_SUBMIT = "proactive-submit";
        static final String PROACTIVE_SAVED = "proactive-saved";
        static final String CLOSE_YEAR = "close-year";
        static final String YEAR_CLOSED = "year-closed";
        static final String IMPORT_TEXT = "import-text";
        static final String IMPORT_PREVIEW = "import-preview";
        static final String IMPORT_SUBMIT = "import-submit";
        static final String IMPORT_SUMMARY = "import-summary";
        static final String CLOSE_YEAR_RESULT = "close-year-result";
    }
}
