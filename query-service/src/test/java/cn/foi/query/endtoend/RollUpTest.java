package cn.foi.query.endtoend;

import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A made-up region of several levels: 自治区 ← 市 ← 县 ← 县政府办, and a second 市. Every cell of a roll-up is the sum
 * of its members' own tables; members and closed counts; a grant on a government reads its subtree's figures and
 * nothing of its members' requests; a roll-up as of a moment before a move uses the tree of that moment.
 */
class RollUpTest extends EndToEndTest {

    private static final String PASSWORD = "rollup-password-1";
    private static final String PROVINCE = "ru-province";
    private static final String CITY = "ru-city";
    private static final String COUNTY = "ru-county";
    private static final String OFFICE = "ru-county-office";
    private static final String OTHER_CITY = "ru-other-city";
    private static final String OUTSIDE = "ru-outside";

    private static Services.Client admin() {
        return services.as("admin", Services.ADMIN_PASSWORD);
    }

    private static Services.Response register(String id, String name, String parent) {
        return admin().post(services.commandUrl + "/api/agencies", "{\"agencyId\":\"" + id + "\",\"name\":\"" + name + "\""
                                                                   + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}");
    }

    private static void user(String username, String roles, String agencies) {
        var created = admin().post(services.commandUrl + "/api/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                                                                       + "\",\"roles\":" + roles + ",\"agencies\":" + agencies + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static JsonNode rollUp(String agency, int year) {
        var response = services.get(services.queryUrl + "/api/agencies/" + agency + "/roll-up/" + year);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void logAndDecide(String agency, String receivedOn, String channel, String type, String result, String decidedOn) {
        String id = api.logRequest(agency, receivedOn, channel, type);
        if (result != null) {
            api.decide(id, result, decidedOn);
        }
    }

    @Test
    void a_region_of_several_levels_sums_cell_by_cell_and_reads_by_its_tree() throws Exception {
        assertThat(register(PROVINCE, "某自治区人民政府办公厅", null).status()).isEqualTo(201);
        assertThat(register(CITY, "某市人民政府办公室", PROVINCE).status()).isEqualTo(201);
        assertThat(register(COUNTY, "某县人民政府", CITY).status()).isEqualTo(201);
        assertThat(register(OFFICE, "某县人民政府办公室", COUNTY).status()).isEqualTo(201);
        assertThat(register(OTHER_CITY, "另一市人民政府办公室", PROVINCE).status()).isEqualTo(201);
        assertThat(register(OUTSIDE, "区外某局", null).status()).isEqualTo(201);

        // bad input, nothing stored
        var unknownParent = register("ru-orphan", "某局", "ru-nowhere");
        assertThat(unknownParent.status()).isEqualTo(404);
        assertThat(unknownParent.json().get("detail").asText()).contains("上级机构 ru-nowhere 不存在");
        assertThat(services.get(services.queryUrl + "/api/agencies/ru-orphan").status()).isEqualTo(404);
        var cycle = admin().put(services.commandUrl + "/api/agencies/" + CITY + "/parent", "{\"parentId\":\"" + OFFICE + "\"}");
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("detail").asText()).contains("循环");
        var nobody = admin().put(services.commandUrl + "/api/agencies/ru-nowhere/parent", "{\"parentId\":\"" + CITY + "\"}");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("detail").asText()).contains("ru-nowhere");
        var notAdmin = services.as(null, null).put(services.commandUrl + "/api/agencies/" + CITY + "/parent", "{\"parentId\":null}");
        assertThat(notAdmin.status()).isEqualTo(401);

        // the year's requests: the figures of published reports of agencies of those kinds, made up here
        for (int i = 0; i < 6; i++) {
            logAndDecide(PROVINCE, "2024-0" + (i + 1) + "-10", "ONLINE", "NATURAL_PERSON", i < 5 ? "DISCLOSED" : null, "2024-0" + (i + 1) + "-20");
        }
        logAndDecide(CITY, "2024-03-04", "LETTER", "COMMERCIAL_ENTERPRISE", "PARTIALLY_DISCLOSED", "2024-03-15");
        logAndDecide(CITY, "2024-05-06", "ONLINE", "NATURAL_PERSON", "UNABLE_NOT_HELD", "2024-07-30"); // late
        logAndDecide(COUNTY, "2024-11-04", "IN_PERSON", "LEGAL_SERVICE_INSTITUTION", null, null);
        logAndDecide(OFFICE, "2024-02-01", "EMAIL", "NATURAL_PERSON", "NOT_PROCESSED_DUPLICATE", "2024-02-05");
        logAndDecide(OFFICE, "2024-06-03", "FAX", "RESEARCH_INSTITUTION", "DISCLOSED", "2024-06-10");
        logAndDecide(OTHER_CITY, "2024-08-01", "ONLINE", "OTHER_ORGANIZATION", "OTHER_OTHER", "2024-08-20");
        logAndDecide(OUTSIDE, "2024-04-01", "ONLINE", "NATURAL_PERSON", "DISCLOSED", "2024-04-10");
        assertThat(services.put(services.commandUrl + "/api/agencies/" + CITY + "/years/2024/proactive-disclosure",
                                "{\"RULES\":{\"MADE\":1,\"IN_FORCE\":4},\"ADMINISTRATIVE_FEES\":{\"AMOUNT_10K_YUAN\":1.25}}").status()).isEqualTo(200);
        assertThat(services.put(services.commandUrl + "/api/agencies/" + OFFICE + "/years/2024/proactive-disclosure",
                                "{\"RULES\":{\"IN_FORCE\":2},\"ADMINISTRATIVE_FEES\":{\"AMOUNT_10K_YUAN\":0.5}}").status()).isEqualTo(200);
        api.closeYear(OFFICE, 2024);
        api.closeYear(OTHER_CITY, 2024);

        List<String> region = List.of(PROVINCE, CITY, COUNTY, OFFICE, OTHER_CITY);
        await().atMost(Duration.ofSeconds(30)).until(() -> rollUp(PROVINCE, 2024).get("applications").get("NEW").get("TOTAL").asInt() == 12
                                                           && rollUp(PROVINCE, 2024).get("closed").asInt() == 2
                                                           && rollUp(PROVINCE, 2024).get("proactive").get("RULES").get("IN_FORCE").asInt() == 6);
        JsonNode total = rollUp(PROVINCE, 2024);
        assertThat(total.get("members").asInt()).isEqualTo(5);
        assertThat(total.get("consistent").asBoolean()).isTrue();
        assertThat(total.get("completeness").get("complete").asBoolean()).as("the roll-up says whether its projection is complete").isTrue();

        // every cell is the sum of the members' own tables
        Map<String, Integer> sums = new HashMap<>();
        BigDecimal fees = BigDecimal.ZERO;
        for (String member : region) {
            JsonNode table = api.table(member, 2024);
            for (ApplicationRow row : ApplicationRow.values()) {
                for (ApplicantColumn column : ApplicantColumn.values()) {
                    sums.merge(row + "/" + column, table.get("applications").get(row.name()).get(column.name()).asInt(), Integer::sum);
                }
            }
            table.get("reviews").fields().forEachRemaining(e -> sums.merge("review/" + e.getKey(), e.getValue().asInt(), Integer::sum));
            fees = fees.add(table.get("proactive").get("ADMINISTRATIVE_FEES").get("AMOUNT_10K_YUAN").decimalValue());
        }
        for (ApplicationRow row : ApplicationRow.values()) {
            for (ApplicantColumn column : ApplicantColumn.values()) {
                assertThat(total.get("applications").get(row.name()).get(column.name()).asInt()).as(row + "/" + column)
                                                                                                .isEqualTo(sums.get(row + "/" + column));
            }
        }
        total.get("reviews").fields().forEachRemaining(e -> assertThat(e.getValue().asInt()).isEqualTo(sums.get("review/" + e.getKey())));
        assertThat(total.get("proactive").get("ADMINISTRATIVE_FEES").get("AMOUNT_10K_YUAN").decimalValue()).isEqualByComparingTo(fees)
                                                                                                         .isEqualByComparingTo("1.75");
        assertThat(total.get("applications").get("DISCLOSED").get("TOTAL").asInt()).isEqualTo(6);
        assertThat(total.get("applications").get("CARRIED_FORWARD").get("TOTAL").asInt()).isEqualTo(2);

        List<String> order = new ArrayList<>();
        total.get("byMember").forEach(m -> order.add(m.get("agencyId").asText()));
        assertThat(order).containsExactly(PROVINCE, CITY, COUNTY, OFFICE, OTHER_CITY);
        JsonNode city = total.get("byMember").get(1);
        assertThat(city.get("parentId").asText()).isEqualTo(PROVINCE);
        assertThat(city.get("received").asInt()).isEqualTo(2);
        assertThat(city.get("handled").asInt()).isEqualTo(2);
        assertThat(city.get("answeredOnTime").asInt()).isEqualTo(1);
        assertThat(city.get("answeredLate").asInt()).isEqualTo(1);
        assertThat(total.get("byMember").get(0).get("carriedForward").asInt()).isEqualTo(1);
        assertThat(total.get("byMember").get(0).get("overdueOpen").asInt()).as("received 2024-06-10, open at the year's end").isEqualTo(1);
        assertThat(total.get("byMember").get(3).get("closed").asBoolean()).isTrue();
        assertThat(rollUp(CITY, 2024).get("members").asInt()).isEqualTo(3);
        assertThat(rollUp(OFFICE, 2024).get("members").asInt()).isEqualTo(1);

        // formats
        String text = services.get(services.queryUrl + "/api/agencies/" + PROVINCE + "/roll-up/2024?format=text").body();
        assertThat(text).contains("成员机构 5 个，其中已关闭 2024 年度的 2 个", "某市人民政府办公室\t某自治区人民政府办公厅", "三、收到和处理政府信息公开申请情况", "　　某县人民政府");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                services.download(services.queryUrl + "/api/agencies/" + PROVINCE + "/roll-up/2024?format=xlsx")))) {
            assertThat(workbook.getNumberOfSheets()).as("summary, members, one per member").isEqualTo(2 + 5);
            assertThat(workbook.getSheetName(0)).isEqualTo("汇总");
            assertThat(workbook.getSheet("4 " + OFFICE)).isNotNull();
        }
        assertThat(services.get(services.queryUrl + "/api/agencies/" + PROVINCE + "/roll-up/2024?format=text&zero=dash").body())
                .contains("规章\t1\t-\t6");
        assertThat(services.get(services.queryUrl + "/api/agencies/" + PROVINCE + "/roll-up/2024?format=csv").body())
                .contains("本年新收", "某县人民政府办公室");

        // rights: a grant on the city reads its subtree's figures, nothing above or beside it, no member's requests
        user("ru-city-auditor", "[\"AUDITOR\"]", "[\"" + CITY + "\"]");
        user("ru-city-supervisor", "[\"SUPERVISOR\"]", "[\"" + CITY + "\"]");
        user("ru-city-officer", "[\"OFFICER\"]", "[\"" + CITY + "\"]");
        String officeRequest = api.logRequest(OFFICE, "2025-01-20", "ONLINE", "NATURAL_PERSON");
        for (String reader : List.of("ru-city-auditor", "ru-city-supervisor")) {
            var as = services.as(reader, PASSWORD);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + CITY + "/roll-up/2024").status()).as(reader).isEqualTo(200);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + COUNTY + "/roll-up/2024").status()).as(reader).isEqualTo(200);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + OFFICE + "/annual-tables/2024").status()).as(reader).isEqualTo(200);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + OFFICE + "/annual-reports/2024").status()).as(reader + ": a member's report")
                                                                                                             .isEqualTo(200);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + PROVINCE + "/roll-up/2024").status()).as(reader + ": above").isEqualTo(403);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + OTHER_CITY + "/annual-tables/2024").status()).as(reader + ": beside")
                                                                                                                 .isEqualTo(403);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + OUTSIDE + "/roll-up/2024").status()).as(reader + ": outside").isEqualTo(403);
            await().atMost(Duration.ofSeconds(20)).until(() -> services.get(services.queryUrl + "/api/requests/" + officeRequest).status() == 200);
            assertThat(as.get(services.queryUrl + "/api/requests/" + officeRequest).status()).as(reader + ": a member's request").isEqualTo(403);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + OFFICE + "/worklist").status()).as(reader + ": a member's worklist").isEqualTo(403);
            assertThat(as.get(services.queryUrl + "/api/agencies/" + OFFICE + "/annual-tables/2024/cells/DISCLOSED/TOTAL").status())
                    .as(reader + ": the requests behind a member's figure").isEqualTo(403);
        }
        var supervisorMoves = services.as("ru-city-supervisor", PASSWORD)
                                      .put(services.commandUrl + "/api/agencies/" + CITY + "/parent", "{\"parentId\":null}");
        assertThat(supervisorMoves.status()).as("only administrators move agencies").isEqualTo(403);
        var missing = admin().put(services.commandUrl + "/api/agencies/" + CITY + "/parent", "{}");
        assertThat(missing.status()).as("no parentId: not a move to the top").isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("parentId");
        assertThat(admin().put(services.commandUrl + "/api/agencies/" + CITY + "/parent", "{\"parent\":null}").status()).isEqualTo(400);
        var officer = services.as("ru-city-officer", PASSWORD);
        assertThat(officer.get(services.queryUrl + "/api/agencies/" + CITY + "/roll-up/2024").status()).as("officers read no roll-up").isEqualTo(403);
        assertThat(officer.get(services.queryUrl + "/api/agencies/" + COUNTY + "/annual-tables/2024").status()).as("officers keep exact grants")
                                                                                                              .isEqualTo(403);
        var future = services.get(services.queryUrl + "/api/agencies/" + PROVINCE + "/roll-up/" + (java.time.LocalDate.now().getYear() + 1));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("detail").asText()).contains("尚未开始");

        // a move: the county goes to the other city; as of before the move, the tree of then
        String beforeMove = java.time.Instant.now().toString();
        await().atMost(Duration.ofSeconds(5)).until(() -> !java.time.Instant.now().toString().equals(beforeMove));
        String later = api.logRequest(PROVINCE, "2024-12-02", "LETTER", "NATURAL_PERSON"); // recorded after that moment
        var moved = admin().put(services.commandUrl + "/api/agencies/" + COUNTY + "/parent", "{\"parentId\":\"" + OTHER_CITY + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> rollUp(CITY, 2024).get("members").asInt() == 1);
        assertThat(rollUp(OTHER_CITY, 2024).get("members").asInt()).isEqualTo(3);
        JsonNode then = services.get(services.queryUrl + "/api/agencies/" + CITY + "/roll-up/2024?asOf=" + beforeMove).json();
        assertThat(then.get("members").asInt()).as("the tree as it stood before the move").isEqualTo(3);
        assertThat(then.get("applications").get("NEW").get("TOTAL").asInt()).isEqualTo(5);
        assertThat(rollUp(PROVINCE, 2024).get("members").asInt()).as("still under the province").isEqualTo(5);
        await().atMost(Duration.ofSeconds(20)).until(() -> rollUp(PROVINCE, 2024).get("applications").get("NEW").get("TOTAL").asInt() == 13);
        JsonNode provinceThen = services.get(services.queryUrl + "/api/agencies/" + PROVINCE + "/roll-up/2024?asOf=" + beforeMove).json();
        assertThat(provinceThen.get("applications").get("NEW").get("TOTAL").asInt()).as("the request recorded later is not counted").isEqualTo(12);
        assertThat(provinceThen.get("byMember").get(0).get("received").asInt()).isEqualTo(6);
        assertThat(provinceThen.get("byMonth").get("received").get(11).asInt()).isZero();
        // the figures of now are not those of the moment asked for before
        JsonNode provinceNow = rollUp(PROVINCE, 2024);
        assertThat(provinceNow.get("byMember").get(0).get("received").asInt()).isEqualTo(7);
        assertThat(provinceNow.get("byMonth").get("received").get(11).asInt()).isEqualTo(1);
        assertThat(later).isNotEmpty();
        assertThat(services.as("ru-city-auditor", PASSWORD).get(services.queryUrl + "/api/agencies/" + COUNTY + "/roll-up/2024").status())
                .as("no longer under the city").isEqualTo(403);
    }
}
