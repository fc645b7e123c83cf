package cn.foi.query.endtoend;

import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import cn.foi.query.table.PublishedTable;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproduces table 三 of real published reports through the public API only (register the agency,
 * log the requests, close the previous year, decide, read the table) and compares every cell with
 * the figures printed in the report, tables 三 and 四.
 */
class GoldenTablesTest extends EndToEndTest {


    static PublishedTable published(String name) throws IOException {
        try (InputStream in = GoldenTablesTest.class.getResourceAsStream("/examples/" + name)) {
            return PublishedTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void xixia_district_office_2024() throws IOException {
        PublishedTable expected = published("xixia-district-office-2024.txt");
        String agency = "golden-xixia";
        api.registerAgency(agency, "西夏区人民政府办公室");
        // 9 requests from natural persons in 2024: 7 online, 2 by letter (as the report's text says)
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            requests.add(api.logRequest(agency, "2024-0" + (1 + i) + "-1" + i, i < 7 ? "ONLINE" : "LETTER",
                                        "NATURAL_PERSON"));
        }
        assertThat(api.closeYear(agency, 2023)).isZero();
        for (int i = 0; i < 8; i++) {
            api.decide(requests.get(i), "DISCLOSED", "2024-0" + (1 + i) + "-2" + i);
        }
        api.decide(requests.get(8), "NOT_PROCESSED_DUPLICATE", "2024-09-28");
        // table 四: one administrative reconsideration, upheld
        var filed = services.post(services.commandUrl + "/api/requests/" + requests.get(8) + "/reviews",
                                  "{\"kind\":\"RECONSIDERATION\",\"filedOn\":\"2024-10-15\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        var concluded = services.post(services.commandUrl + "/api/reviews/" + filed.json().get("reviewId").asText()
                                      + "/conclusion", "{\"result\":\"UPHELD\",\"concludedOn\":\"2024-12-10\"}");
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);

        // table 二 as printed: 行政规范性文件 repealed 1, in force 10; everything else 0
        var proactive = services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2024/proactive-disclosure",
                "{\"RULES\":{\"MADE\":0,\"REPEALED\":0,\"IN_FORCE\":0},"
                + "\"NORMATIVE_DOCUMENTS\":{\"MADE\":0,\"REPEALED\":1,\"IN_FORCE\":9},\"LICENSING\":{\"DECISIONS\":0}}");
        assertThat(proactive.status()).as(proactive.body()).isEqualTo(200);
        var corrected = services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2024/proactive-disclosure",
                "{\"NORMATIVE_DOCUMENTS\":{\"MADE\":0,\"REPEALED\":1,\"IN_FORCE\":10}}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode table = api.awaitTable(agency, 2024, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 9
                                                           && t.get("proactive").get("NORMATIVE_DOCUMENTS").get("IN_FORCE").asInt() == 10
                                                           && t.get("reviews").get("RECONSIDERATION_TOTAL").asInt() == 1);
        assertSameApplications(table, expected);
        assertSameReviews(table, expected);
        assertThat(table.get("proactive").get("NORMATIVE_DOCUMENTS").get("REPEALED").asInt()).isEqualTo(1);
        assertThat(table.get("proactive").get("RULES").get("IN_FORCE").asInt()).isZero();
        assertThat(table.get("proactive").get("ADMINISTRATIVE_FEES").get("AMOUNT_10K_YUAN").asInt()).isZero();
        assertThat(api.tableText(agency, 2024)).contains("行政规范性文件\t0\t1\t10\n", "行政事业性收费\t0\n");
        assertThat(table.get("consistent").asBoolean()).isTrue();
        assertThat(table.get("agencyName").asText()).isEqualTo("西夏区人民政府办公室");
        PublishedTable printed = PublishedTable.parse(api.tableText(agency, 2024));
        assertThat(printed.applications()).isEqualTo(expected.applications());
        assertThat(printed.reviews()).isEqualTo(expected.reviews());
    }

    @Test
    void ningxia_offices_administration_2024_had_no_requests() throws IOException {
        assertAllZeroYearAmidOthers("golden-ningxia", "自治区机关事务管理局",
                                    published("ningxia-offices-admin-2024.txt"));
    }

    @Test
    void zhongwei_government_services_2024_had_no_requests() throws IOException {
        assertAllZeroYearAmidOthers("golden-zhongwei", "中卫市政府办公室",
                                    published("zhongwei-offices-service-2024.txt"));
    }

    /** Activity in the years around 2024 must not leak into it. */
    private void assertAllZeroYearAmidOthers(String agency, String name, PublishedTable expected) {
        api.registerAgency(agency, name);
        String before = api.logRequest(agency, "2023-05-06", "IN_PERSON", "RESEARCH_INSTITUTION");
        api.decide(before, "DISCLOSED", "2023-05-20");
        api.closeYear(agency, 2023);
        api.closeYear(agency, 2024);
        String after = api.logRequest(agency, "2025-02-03", "EMAIL", "OTHER_ORGANIZATION");
        api.decide(after, "OTHER_OTHER", "2025-02-10");
        api.awaitTable(agency, 2025, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 1);
        api.awaitTable(agency, 2023, t -> cell(t, "DISCLOSED", "RESEARCH_INSTITUTION") == 1);

        JsonNode table = api.table(agency, 2024);
        assertSameApplications(table, expected);
        assertSameReviews(table, expected);
        PublishedTable printed = PublishedTable.parse(api.tableText(agency, 2024));
        assertThat(printed.applications()).isEqualTo(expected.applications());
        assertThat(printed.reviews()).isEqualTo(expected.reviews());
    }

    static int cell(JsonNode table, String row, String column) {
        return table.get("applications").get(row).get(column).asInt();
    }

    static void assertSameReviews(JsonNode table, PublishedTable expected) {
        expected.reviews().forEach((code, count) ->
                assertThat(table.get("reviews").get(code).asInt()).as(code).isEqualTo(count));
    }

    static void assertSameApplications(JsonNode table, PublishedTable expected) {
        for (ApplicationRow row : ApplicationRow.values()) {
            for (ApplicantColumn column : ApplicantColumn.values()) {
                assertThat(cell(table, row.name(), column.name()))
                        .as(row + "/" + column)
                        .isEqualTo(expected.applications().get(row).get(column));
            }
        }
    }
}
