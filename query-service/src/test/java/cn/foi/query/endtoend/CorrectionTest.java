package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Correcting a recorded answer (issue 17, item 3): in an open year and in a closed one; the tables follow. */
class CorrectionTest extends EndToEndTest {

    private Services.Response correct(String request, String result, String decidedOn, String reason) {
        return services.post(services.commandUrl + "/api/requests/" + request + "/decision-correction",
                             "{\"result\":\"" + result + "\",\"decidedOn\":\"" + decidedOn + "\""
                             + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    @Test
    void a_corrected_answer_moves_the_request_between_cells_keeps_both_in_the_history_and_an_earlier_moment_still_sees_the_first() {
        String agency = "correction-open";
        api.registerAgency(agency, "某区退役军人事务局");
        String request = api.logRequest(agency, "2026-10-12", "ONLINE", "NATURAL_PERSON");
        api.decide(request, "DISCLOSED", "2026-10-20");
        api.awaitTable(agency, 2026, t -> cell(t, "DISCLOSED", "NATURAL_PERSON") == 1);
        Instant beforeCorrection = Instant.now();
        long stored = services.eventStore().size();

        // refused, nothing stored: no reason, an unknown result, an answer never given
        assertThat(correct(request, "PARTIALLY_DISCLOSED", "2026-10-20", null).status()).isEqualTo(400);
        assertThat(correct(request, "PARTIALLY_DISCLOSED", "2026-10-20", "  ").json().get("detail").asText()).contains("理由");
        assertThat(correct(request, "NO_SUCH_RESULT", "2026-10-20", "理由").status()).isEqualTo(400);
        String open = api.logRequest(agency, "2026-10-13", "ONLINE", "NATURAL_PERSON");
        assertThat(correct(open, "DISCLOSED", "2026-10-20", "理由").status()).isEqualTo(409);
        assertThat(services.eventStore().size()).isEqualTo(stored + 2); // only the second request and its case number

        var corrected = correct(request, "PARTIALLY_DISCLOSED", "2026-10-21", "误录为予以公开，实际部分公开");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode table = api.awaitTable(agency, 2026, t -> cell(t, "PARTIALLY_DISCLOSED", "NATURAL_PERSON") == 1);
        assertThat(cell(table, "DISCLOSED", "NATURAL_PERSON")).isZero();
        assertThat(services.get(services.queryUrl + "/api/requests/" + request).json().get("decidedOn").asText()).isEqualTo("2026-10-21");
        JsonNode cellRequests = services.get(services.queryUrl + "/api/agencies/" + agency
                                             + "/annual-tables/2026/cells/PARTIALLY_DISCLOSED/NATURAL_PERSON").json();
        assertThat(cellRequests.get("requests").findValuesAsText("requestId")).containsExactly(request);

        // the history keeps the first answer and the correction with its reason
        JsonNode history = services.get(services.queryUrl + "/api/requests/" + request + "/history").json();
        assertThat(history.get("events").findValuesAsText("label")).containsSubsequence("办理答复", "更正办理结果");
        assertThat(history.get("events").findValuesAsText("summary"))
                .contains("原为“予以公开”（2026-10-20），更正为“部分公开”（2026-10-21）；理由：误录为予以公开，实际部分公开");

        // as of a moment before the correction, the table counts the answer as it stood then
        JsonNode then = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2026?asOf=" + beforeCorrection).json();
        assertThat(cell(then, "DISCLOSED", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(cell(then, "PARTIALLY_DISCLOSED", "NATURAL_PERSON")).isZero();

        // an officer does not correct
        api.createUser("correction-officer", "Correct-pass-2026", "OFFICER", agency);
        assertThat(services.as("correction-officer", "Correct-pass-2026").post(services.commandUrl + "/api/requests/" + request
                + "/decision-correction", "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2026-10-20\",\"reason\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void an_answer_under_the_2008_regulations_is_corrected_to_another_of_that_law_s_results_and_the_year_s_form_follows() {
        String agency = "correction-legacy";
        api.registerAgency(agency, "某县国土资源局");
        String request = api.logRequest(agency, "2018-03-01", "LETTER", "NATURAL_PERSON");
        api.decide(request, "AGREED", "2018-03-12");
        String form = services.queryUrl + "/api/agencies/" + agency + "/legacy-statistics/2018";
        await().atMost(Duration.ofSeconds(30)).until(() -> services.get(form).json().path("items").path("AGREED").asInt() == 1);
        long stored = services.eventStore().size();

        // refused, nothing stored: a result of the current Regulations, a date from 2019, no reason
        assertThat(correct(request, "DISCLOSED", "2018-03-12", "理由").status()).isEqualTo(422);
        assertThat(correct(request, "NOT_EXIST", "2019-01-02", "理由").status()).isEqualTo(422);
        assertThat(correct(request, "NOT_EXIST", "2018-03-12", null).status()).isEqualTo(400);
        assertThat(services.eventStore().size()).isEqualTo(stored);

        var corrected = correct(request, "NOT_EXIST", "2018-03-14", "复核发现所申请信息不存在");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> services.get(form).json().path("items").path("NOT_EXIST").asInt() == 1);
        assertThat(services.get(form).json().get("items").get("AGREED").asInt()).isZero();
        JsonNode now = services.get(services.queryUrl + "/api/requests/" + request).json();
        assertThat(now.get("result").asText()).isEqualTo("NOT_EXIST");
        assertThat(now.get("decidedOn").asText()).isEqualTo("2018-03-14");
        JsonNode history = services.get(services.queryUrl + "/api/requests/" + request + "/history").json();
        assertThat(history.get("events").findValuesAsText("label")).containsSubsequence("办理答复", "更正办理结果");
        assertThat(history.get("events").findValuesAsText("summary")).anyMatch(s -> s.endsWith("（2018-03-14）（2008 年《条例》）；理由：复核发现所申请信息不存在"));
        // the completeness check counts answers under the 2008 Regulations in the store as the tables do
        await().atMost(Duration.ofSeconds(30)).until(() -> ReceiptCorrectionTest.agencyYearsEqual(agency, 2018));
    }

    @Test
    void a_correction_in_a_closed_year_is_taken_and_the_year_s_published_report_then_differs_from_the_log() {
        String agency = "correction-closed";
        api.registerAgency(agency, "某区审计局");
        String request = api.logRequest(agency, "2025-03-03", "LETTER", "NATURAL_PERSON");
        api.decide(request, "DISCLOSED", "2025-03-20");
        assertThat(api.closeYear(agency, 2025)).isZero();
        String check = api.publishClosedYear(agency, 2025);

        var corrected = correct(request, "NOT_DISCLOSED_THIRD_PARTY_RIGHTS", "2025-03-20", "复核发现涉及第三方商业秘密");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !services.get(check).json().get("matches").asBoolean());
        JsonNode differences = services.get(check).json().get("differences");
        assertThat(differences.findValuesAsText("code")).contains("DISCLOSED/NATURAL_PERSON", "NOT_DISCLOSED_THIRD_PARTY_RIGHTS/NATURAL_PERSON");
    }
}
