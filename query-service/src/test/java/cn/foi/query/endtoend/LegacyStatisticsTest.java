package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The statistics form of a year up to 2018, counted from the year's events and the figures the agency recorded. */
class LegacyStatisticsTest extends EndToEndTest {

    private JsonNode statistics(String agency, int year) {
        return services.get(services.queryUrl + "/api/agencies/" + agency + "/legacy-statistics/" + year).json();
    }

    private void ok(String path, String body) {
        var response = services.post(services.commandUrl + path, body);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
    }

    @Test
    void a_2018_form_counts_receipts_by_way_answers_by_old_result_and_timeliness_fees_and_the_agency_s_figures() {
        String agency = "legacy-form-office";
        api.registerAgency(agency, "某县国土资源局");
        String byLetter = api.logRequest(agency, "2018-03-01", "LETTER", "NATURAL_PERSON");
        String online = api.logRequest(agency, "2018-03-01", "ONLINE", "NATURAL_PERSON");
        String byEmail = api.logRequest(agency, "2018-06-01", "EMAIL", "COMMERCIAL_ENTERPRISE");
        api.logRequest(agency, "2018-12-20", "FAX", "NATURAL_PERSON"); // still open at the year's end
        ok("/api/requests/" + byLetter + "/fee-notice", "{\"issuedOn\":\"2018-03-05\",\"amountYuan\":100,\"basis\":\"BY_VOLUME\",\"dueOn\":\"2018-03-20\"}");
        ok("/api/requests/" + byLetter + "/fee-payment", "{\"paidOn\":\"2018-03-08\"}");
        ok("/api/requests/" + byLetter + "/decision", "{\"result\":\"AGREED\",\"decidedOn\":\"2018-03-12\"}");
        ok("/api/requests/" + online + "/decision", "{\"result\":\"NOT_EXIST\",\"decidedOn\":\"2018-04-20\"}"); // late: 15 days
        ok("/api/requests/" + byEmail + "/decision", "{\"result\":\"REFUSED_PRIVACY\",\"decidedOn\":\"2018-06-05\"}");
        var figures = services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2018/legacy-figures",
                                   "{\"PROACTIVE_ITEMS\":120,\"STAFF_FULL_TIME\":2,\"STAFF_PART_TIME\":1}");
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> statistics(agency, 2018).path("items").path("COMPLETED").asInt() == 3
                                                           && statistics(agency, 2018).path("recordedFiguresVersion").asInt() == 1);
        JsonNode items = statistics(agency, 2018).get("items");

        assertThat(items.get("RECEIVED").asInt()).isEqualTo(4);
        assertThat(items.get("RECEIVED_LETTER").asInt()).isEqualTo(1);
        assertThat(items.get("RECEIVED_ONLINE").asInt()).as("网络 and e-mail").isEqualTo(2);
        assertThat(items.get("RECEIVED_FAX").asInt()).isEqualTo(1);
        assertThat(items.get("RECEIVED_IN_PERSON").asInt()).isZero();
        assertThat(items.get("COMPLETED_ON_TIME").asInt()).isEqualTo(2);
        assertThat(items.get("COMPLETED_EXTENDED").asInt()).as("answered after the 15 working days").isEqualTo(1);
        assertThat(items.get("ANSWERED").asInt()).isEqualTo(3);
        assertThat(items.get("AGREED").asInt()).isEqualTo(1);
        assertThat(items.get("NOT_EXIST").asInt()).isEqualTo(1);
        assertThat(items.get("REFUSED").asInt()).isEqualTo(1);
        assertThat(items.get("REFUSED_PRIVACY").asInt()).isEqualTo(1);
        assertThat(items.get("FEES_10K_YUAN").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(items.get("PROACTIVE_ITEMS").asInt()).isEqualTo(120);
        assertThat(items.get("STAFF").asInt()).isEqualTo(3);
        assertThat(items.size()).isEqualTo(cn.foi.events.codes.LegacyStatisticsItem.values().length);

        var later = services.get(services.queryUrl + "/api/agencies/" + agency + "/legacy-statistics/2019");
        assertThat(later.status()).isEqualTo(422);
        assertThat(later.json().get("detail").asText()).contains("表二至表四");
        var table = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2018");
        assertThat(table.status()).as("years up to 2018 have no table 三").isEqualTo(422);
        assertThat(table.json().get("detail").asText()).contains("政府信息公开情况统计表", "legacy-statistics/2018");
    }

    /** A 2018-form report made up here, from its own figures: the form in every format and the whole report with the form as its appendix. */
    @Test
    void the_whole_report_of_2018_carries_its_own_headings_and_the_form_as_its_appendix() throws Exception {
        String agency = "legacy-report-office";
        api.registerAgency(agency, "某市环境保护局");
        String online = api.logRequest(agency, "2018-04-02", "ONLINE", "NATURAL_PERSON");
        String inPerson = api.logRequest(agency, "2018-05-07", "IN_PERSON", "OTHER_ORGANIZATION");
        ok("/api/requests/" + online + "/decision", "{\"result\":\"ALREADY_PROACTIVE\",\"decidedOn\":\"2018-04-10\"}");
        ok("/api/requests/" + inPerson + "/decision", "{\"result\":\"TOLD_OTHER_CHANNEL\",\"decidedOn\":\"2018-05-09\"}");
        var figures = services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2018/legacy-figures",
                                   "{\"PROACTIVE_ITEMS\":356,\"PROACTIVE_BY_WEBSITE\":300,\"MEETINGS\":4,\"TRAINEES\":60,"
                                   + "\"SPECIAL_FUNDS_10K_YUAN\":2.5,\"STAFF_FULL_TIME\":1,\"STAFF_PART_TIME\":3}");
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        var texts = services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2018/report-text",
                                 "{\"sections\":{\"OVERVIEW\":\"2018年，我局认真贯彻落实《条例》。\","
                                 + "\"DISCLOSURE\":\"（一）主动公开情况。全年主动公开政府信息356条。\\n（二）依申请公开情况。{{依申请公开}}\","
                                 + "\"PROBLEMS\":\"公开内容还不够全面。\",\"OTHER\":\"无。\"}}");
        assertThat(texts.status()).as(texts.body()).isEqualTo(200);
        var wrongPart = services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2018/report-text",
                                     "{\"sections\":{\"APPLICATIONS\":\"……\"}}");
        assertThat(wrongPart.status()).as("table 三 is not part of a 2018 report").isEqualTo(400);
        assertThat(api.closeYear(agency, 2018)).isZero();

        String base = services.queryUrl + "/api/agencies/" + agency;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode report = services.get(base + "/annual-reports/2018").json();
            return report.path("version").asInt() == 1 && report.path("closed").asBoolean()
                   && report.path("tables").path("COMPLETED").asInt() == 2 && report.path("tables").path("STAFF").asInt() == 4;
        });
        JsonNode report = services.get(base + "/annual-reports/2018").json();
        assertThat(report.get("layout").asText()).isEqualTo("UNDER_2008_REGULATIONS");
        java.util.List<String> headings = new java.util.ArrayList<>();
        report.get("sections").forEach(section -> headings.add(section.get("heading").asText()));
        assertThat(headings).containsExactly("", "一、概述", "二、信息公开情况", "三、存在的主要问题及改进情况", "四、其他需要报告的事项",
                                             "附表：政府信息公开情况统计表");
        String text = services.get(base + "/annual-reports/2018?format=text").body();
        assertThat(text).startsWith("某市环境保护局2018年政府信息公开工作年度报告\n")
                        .contains("（二）依申请公开情况。2018年，本机关共收到政府信息公开申请2件，其中当面申请1件，传真申请0件，网络申请1件，信函申请0件。")
                        .doesNotContain("三、收到和处理政府信息公开申请情况");
        JsonNode items = statistics(agency, 2018).get("items");
        for (cn.foi.events.codes.LegacyStatisticsItem item : cn.foi.events.codes.LegacyStatisticsItem.values()) {
            String printed = item.label() + "\t" + item.unit() + "\t" + items.get(item.name()).decimalValue().stripTrailingZeros().toPlainString() + "\n";
            assertThat(text).as(item.name()).contains(printed);
            assertThat(report.get("tables").get(item.name()).decimalValue()).isEqualByComparingTo(items.get(item.name()).decimalValue());
        }
        assertThat(text).contains("三、依申请公开情况（一）收到申请数\t件\t2\n", "（三）从事政府信息公开工作人员数\t人\t4\n",
                                  "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）\t万元\t2.5\n",
                                  "1.属于已主动公开范围数\t件\t1\n", "8.告知通过其他途径办理数\t件\t1\n");

        String formText = services.get(base + "/legacy-statistics/2018?format=text").body();
        assertThat(formText).startsWith("某市环境保护局2018年政府信息公开情况统计表\n").contains("统计指标\t单位\t统计数\n", "3.网络申请数\t件\t1\n");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                services.download(base + "/legacy-statistics/2018?format=xlsx")))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(cn.foi.events.codes.LegacyStatisticsItem.PROACTIVE_ITEMS.label());
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(356);
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + cn.foi.events.codes.LegacyStatisticsItem.values().length);
        }
        try (var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(
                services.download(base + "/legacy-statistics/2018?format=docx")))) {
            assertThat(word.getTables()).hasSize(1);
            assertThat(word.getTables().get(0).getRows()).hasSize(1 + cn.foi.events.codes.LegacyStatisticsItem.values().length);
        }
        var published = services.post(services.commandUrl + "/api/agencies/" + agency + "/annual-reports/2018/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> services.get(base + "/annual-reports/2018/publications/1").status() == 200);
        assertThat(services.get(base + "/annual-reports/2018/publications/1?format=text").body()).isEqualTo(text);
        JsonNode check = services.get(base + "/annual-reports/2018/publications/1/check").json();
        assertThat(check.get("matches").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("figures").asInt()).isEqualTo(cn.foi.events.codes.LegacyStatisticsItem.values().length);
    }
}
