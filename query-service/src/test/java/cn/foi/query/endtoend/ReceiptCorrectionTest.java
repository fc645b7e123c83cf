package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Correcting a receipt's details (issue 17, item 3): the request moves between applicant columns and between years of
 * table 三, its due date follows the corrected date, the history keeps both, an earlier moment still sees the receipt as
 * it stood then; in a closed year the published report then differs from the log.
 */
class ReceiptCorrectionTest extends EndToEndTest {

    private Services.Response correct(String request, String fields, String reason) {
        return services.post(services.commandUrl + "/api/requests/" + request + "/receipt-correction",
                             "{" + fields + (reason == null ? "" : (fields.isEmpty() ? "" : ",") + "\"reason\":\"" + reason + "\"") + "}");
    }

    private static JsonNode request(String request) {
        return services.get(services.queryUrl + "/api/requests/" + request).json();
    }

    private static JsonNode tableAsOf(String agency, int year, Instant moment) {
        return services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/" + year + "?asOf=" + moment).json();
    }

    @Test
    void a_corrected_receipt_moves_the_request_between_columns_and_years_its_due_date_follows_and_the_history_keeps_both() {
        String agency = "receipt-correction-open";
        api.registerAgency(agency, "某区住房和城乡建设局");
        api.registerAgency("receipt-correction-reference", "某区住房和城乡建设局（对照）");
        String request = api.logRequest(agency, "2026-10-12", "ONLINE", "NATURAL_PERSON");
        String answered = api.logRequest(agency, "2026-10-13", "ONLINE", "NATURAL_PERSON");
        api.decide(answered, "DISCLOSED", "2026-10-20");
        // the due date a request received on the corrected day has
        String reference = api.logRequest("receipt-correction-reference", "2026-10-09", "ONLINE", "NATURAL_PERSON");
        api.createUser("receipt-officer", "Receipt-pass-2026", "OFFICER", agency);
        api.awaitTable(agency, 2026, t -> cell(t, "NEW", "NATURAL_PERSON") == 2 && cell(t, "DISCLOSED", "NATURAL_PERSON") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> request(reference).path("dueOn").isTextual()
                                                           && request(request).path("dueOn").isTextual());
        String dueBefore = request(request).get("dueOn").asText();
        String dueFromTheNinth = request(reference).get("dueOn").asText();
        assertThat(dueFromTheNinth).isLessThan(dueBefore);
        Instant beforeCorrection = Instant.now();
        long stored = services.eventStore().size();

        // refused, nothing stored: no reason, nothing changed, an unknown code, a future date, a date after the answer, an officer
        var noReason = correct(request, "\"receivedOn\":\"2026-10-09\"", "  ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asText()).contains("理由");
        assertThat(correct(request, "\"receivedOn\":\"2026-10-09\"", null).status()).isEqualTo(400);
        assertThat(correct(request, "\"receivedOn\":\"2026-10-12\",\"channel\":\"ONLINE\",\"applicantType\":\"NATURAL_PERSON\"", "理由")
                           .status()).as("nothing to correct").isEqualTo(409);
        assertThat(correct(request, "", "理由").status()).isEqualTo(409);
        assertThat(correct(request, "\"channel\":\"PIGEON\"", "理由").status()).isEqualTo(400);
        assertThat(correct(request, "\"receivedOn\":\"2099-01-01\"", "理由").status()).isEqualTo(422);
        var afterTheAnswer = correct(answered, "\"receivedOn\":\"2026-10-21\"", "理由");
        assertThat(afterTheAnswer.status()).isEqualTo(422);
        assertThat(afterTheAnswer.json().get("detail").asText()).contains("答复日期 2026-10-20");
        assertThat(services.as("receipt-officer", "Receipt-pass-2026").post(
                services.commandUrl + "/api/requests/" + request + "/receipt-correction",
                "{\"receivedOn\":\"2026-10-09\",\"reason\":\"理由\"}").status()).isEqualTo(403);
        assertThat(services.eventStore().size()).isEqualTo(stored);

        // into another column, three days earlier
        var corrected = correct(request, "\"receivedOn\":\"2026-10-09\",\"applicantType\":\"COMMERCIAL_ENTERPRISE\"",
                                "登记时误录，申请书落款为某置业有限公司，邮件10月9日到达");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode table = api.awaitTable(agency, 2026, t -> cell(t, "NEW", "COMMERCIAL_ENTERPRISE") == 1);
        assertThat(cell(table, "NEW", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(cell(table, "NEW", "TOTAL")).isEqualTo(2);
        JsonNode now = request(request);
        assertThat(now.get("receivedOn").asText()).isEqualTo("2026-10-09");
        assertThat(now.get("applicant").get("type").asText()).isEqualTo("COMMERCIAL_ENTERPRISE");
        assertThat(now.get("dueOn").asText()).as("counted from the corrected date").isEqualTo(dueFromTheNinth);
        JsonNode drilled = services.get(services.queryUrl + "/api/agencies/" + agency
                                        + "/annual-tables/2026/cells/NEW/COMMERCIAL_ENTERPRISE").json();
        assertThat(drilled.get("requests").findValuesAsText("requestId")).containsExactly(request);
        JsonNode found = services.get(services.queryUrl + "/api/agencies/" + agency
                                      + "/requests?receivedFrom=2026-10-09&receivedTo=2026-10-09").json();
        assertThat(found.get("requests").findValuesAsText("requestId")).containsExactly(request);

        JsonNode history = services.get(services.queryUrl + "/api/requests/" + request + "/history").json();
        assertThat(history.get("events").findValuesAsText("label")).containsSubsequence("收到申请", "更正登记信息");
        assertThat(history.get("events").findValuesAsText("summary"))
                .contains("收到日期由2026-10-12更正为2026-10-09；申请人类型由“自然人”更正为“商业企业”；"
                          + "理由：登记时误录，申请书落款为某置业有限公司，邮件10月9日到达");

        // as of a moment before the correction, the cell it stood in then
        JsonNode then = tableAsOf(agency, 2026, beforeCorrection);
        assertThat(cell(then, "NEW", "NATURAL_PERSON")).isEqualTo(2);
        assertThat(cell(then, "NEW", "COMMERCIAL_ENTERPRISE")).isZero();
        JsonNode drilledThen = services.get(services.queryUrl + "/api/agencies/" + agency
                                            + "/annual-tables/2026/cells/NEW/NATURAL_PERSON?asOf=" + beforeCorrection).json();
        assertThat(drilledThen.get("requests").findValuesAsText("requestId")).containsExactlyInAnyOrder(request, answered);

        // the diff between the two moments names the request and the column it left
        Instant beforeSecond = Instant.now();
        JsonNode diff = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2026/diff?from=" + beforeCorrection
                                     + "&to=" + beforeSecond).json();
        JsonNode moved = java.util.stream.StreamSupport.stream(diff.get("requests").spliterator(), false)
                                                       .filter(r -> r.get("requestId").asText().equals(request)).findFirst().orElseThrow();
        assertThat(moved.get("fromColumn").asText()).isEqualTo("NATURAL_PERSON");
        assertThat(moved.get("column").asText()).isEqualTo("COMMERCIAL_ENTERPRISE");
        assertThat(diff.get("changes").findValuesAsText("cell")).contains("NEW/NATURAL_PERSON", "NEW/COMMERCIAL_ENTERPRISE");

        // into the year before: new there, carried over into 2026; the year's close carries it forward
        var intoLastYear = correct(request, "\"receivedOn\":\"2025-12-30\"", "邮戳日期为2025年12月30日");
        assertThat(intoLastYear.status()).as(intoLastYear.body()).isEqualTo(200);
        JsonNode lastYear = api.awaitTable(agency, 2025, t -> cell(t, "NEW", "COMMERCIAL_ENTERPRISE") == 1);
        assertThat(cell(lastYear, "CARRIED_FORWARD", "COMMERCIAL_ENTERPRISE")).isEqualTo(1);
        JsonNode thisYear = api.table(agency, 2026);
        assertThat(cell(thisYear, "NEW", "COMMERCIAL_ENTERPRISE")).isZero();
        assertThat(cell(thisYear, "CARRIED_OVER", "COMMERCIAL_ENTERPRISE")).isEqualTo(1);
        assertThat(cell(tableAsOf(agency, 2026, beforeSecond), "NEW", "COMMERCIAL_ENTERPRISE")).isEqualTo(1);
        assertThat(cell(tableAsOf(agency, 2025, beforeSecond), "NEW", "TOTAL")).isZero();
        assertThat(request(request).get("caseNumber").asText()).as("the number stays as issued").contains("2026");

        // the completeness check counts it where the projection does: the store's count follows the correction too
        await().atMost(Duration.ofSeconds(30)).until(() -> agencyYearsEqual(agency, 2025, 2026));

        // the command side's register follows: closing 2025 carries the request forward
        assertThat(api.closeYear(agency, 2025)).isEqualTo(1);
    }

    /** Whether the completeness check finds the store and the tables agreeing on each of these years of the agency. */
    static boolean agencyYearsEqual(String agency, int... years) {
        JsonNode report = services.as("admin", Services.ADMIN_PASSWORD).get(services.queryUrl + "/api/admin/completeness").json();
        List<Integer> equal = new ArrayList<>();
        for (JsonNode entry : report.get("agencyYears")) {
            if (entry.get("agencyId").asText().equals(agency) && entry.get("equal").asBoolean()) {
                equal.add(entry.get("year").asInt());
            }
        }
        for (int year : years) {
            if (!equal.contains(year)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void a_correction_in_a_closed_year_is_taken_and_the_year_s_published_report_then_differs_from_the_log() {
        String agency = "receipt-correction-closed";
        api.registerAgency(agency, "某区自然资源局");
        String request = api.logRequest(agency, "2025-03-03", "LETTER", "NATURAL_PERSON");
        api.decide(request, "DISCLOSED", "2025-03-20");
        assertThat(api.closeYear(agency, 2025)).isZero();
        String check = api.publishClosedYear(agency, 2025);
        String reportText = services.queryUrl + "/api/agencies/" + agency + "/annual-reports/2025?format=text";
        assertThat(services.get(reportText).body()).contains("信函申请1件");

        var corrected = correct(request, "\"channel\":\"ONLINE\",\"applicantType\":\"LEGAL_SERVICE_INSTITUTION\"",
                                "复核申请书原件：由某律师事务所通过网上平台提交");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !services.get(check).json().get("matches").asBoolean());
        JsonNode differences = services.get(check).json().get("differences");
        assertThat(differences.findValuesAsText("code")).contains("NEW/NATURAL_PERSON", "NEW/LEGAL_SERVICE_INSTITUTION");
        assertThat(services.get(reportText).body()).contains("网络申请1件").doesNotContain("信函申请1件");
        JsonNode history = services.get(services.queryUrl + "/api/requests/" + request + "/history").json();
        assertThat(history.get("events").findValuesAsText("summary"))
                .contains("申请方式由“信函”更正为“网络”；申请人类型由“自然人”更正为“法律服务机构”；理由：复核申请书原件：由某律师事务所通过网上平台提交");
    }
}
