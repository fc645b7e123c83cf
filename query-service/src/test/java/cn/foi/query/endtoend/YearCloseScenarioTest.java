package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency that starts mid-stream: requests already open at the start of 2024 are imported as carried
 * over; one request decided after the year ended was still open at its end (business dates decide, not
 * typing order); closing 2024 carries it forward and freezes 2024.
 */
class YearCloseScenarioTest extends EndToEndTest {


    @Test
    void carried_over_and_carried_forward_follow_business_dates_and_a_closed_year_is_frozen() {
        String agency = "scenario-midstream";
        api.registerAgency(agency, "某县自然资源局");
        String a = api.importOpen(agency, "2023-12-20", "COMMERCIAL_ENTERPRISE", 2024);
        String b = api.importOpen(agency, "2023-12-28", "NATURAL_PERSON", 2024);
        String c = api.logRequest(agency, "2024-02-01", "ONLINE", "NATURAL_PERSON");
        String d = api.logRequest(agency, "2024-12-25", "LETTER", "LEGAL_SERVICE_INSTITUTION");
        String e = api.logRequest(agency, "2024-06-01", "IN_PERSON", "NATURAL_PERSON");
        api.decide(a, "UNABLE_NOT_HELD", "2024-01-10");
        api.decide(c, "DISCLOSED", "2024-02-20");
        api.decide(e, "PARTIALLY_DISCLOSED", "2024-06-20");
        api.decide(d, "DISCLOSED", "2025-01-08");

        assertThat(api.closeYear(agency, 2024)).isEqualTo(2);

        JsonNode t2024 = api.awaitTable(agency, 2024, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 3);
        assertThat(cell(t2024, "NEW", "NATURAL_PERSON")).isEqualTo(2);
        assertThat(cell(t2024, "NEW", "LEGAL_SERVICE_INSTITUTION")).isEqualTo(1);
        assertThat(cell(t2024, "NEW", "TOTAL")).isEqualTo(3);
        assertThat(cell(t2024, "CARRIED_OVER", "COMMERCIAL_ENTERPRISE")).isEqualTo(1);
        assertThat(cell(t2024, "CARRIED_OVER", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(cell(t2024, "UNABLE_NOT_HELD", "COMMERCIAL_ENTERPRISE")).isEqualTo(1);
        assertThat(cell(t2024, "DISCLOSED", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(cell(t2024, "PARTIALLY_DISCLOSED", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(cell(t2024, "CARRIED_FORWARD", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(cell(t2024, "CARRIED_FORWARD", "LEGAL_SERVICE_INSTITUTION")).isEqualTo(1);
        assertThat(cell(t2024, "CARRIED_FORWARD", "TOTAL")).isEqualTo(2);
        assertThat(t2024.get("consistent").asBoolean()).isTrue();

        JsonNode t2025 = api.table(agency, 2025);
        assertThat(cell(t2025, "CARRIED_OVER", "TOTAL")).isEqualTo(2);
        assertThat(cell(t2025, "DISCLOSED", "LEGAL_SERVICE_INSTITUTION")).isEqualTo(1);
        assertThat(cell(t2025, "CARRIED_FORWARD", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(t2025.get("consistent").asBoolean()).isTrue();

        // frozen: nothing dated in 2024 is accepted any more, and nothing changes
        long stored = services.eventStore().size();
        var lateDecision = services.post(services.commandUrl + "/api/requests/" + b + "/decision",
                                         "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2024-12-30\"}");
        assertThat(lateDecision.status()).isEqualTo(409);
        assertThat(lateDecision.contentType()).startsWith("application/problem+json");
        var lateReceipt = services.post(services.commandUrl + "/api/agencies/" + agency + "/requests",
                                        "{\"receivedOn\":\"2024-05-05\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":"
                                        + "\"NATURAL_PERSON\",\"name\":\"李四\"},\"subject\":\"补录\"}");
        assertThat(lateReceipt.status()).isEqualTo(409);
        assertThat(services.post(services.commandUrl + "/api/agencies/" + agency + "/years/2024/close", "").status())
                .isEqualTo(409);
        assertThat(services.eventStore().size()).isEqualTo(stored);

        // the carry-forward is part of the request's history, between its receipt and its answer
        api.awaitHistory(d, 3);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> services.get(
                services.queryUrl + "/api/requests/" + d + "/history").json().get("events").size() == 4);
        JsonNode history = services.get(services.queryUrl + "/api/requests/" + d + "/history").json();
        List<String> labels = new ArrayList<>();
        history.get("events").forEach(event -> labels.add(event.get("label").asText()));
        assertThat(labels).containsExactly("登记编号", "收到申请", "办理答复", "结转下年度继续办理");
        JsonNode decided = history.get("events").get(2);
        assertThat(decided.get("businessDate").asText()).isEqualTo("2025-01-08");
        assertThat(decided.get("recordedAt").asText()).isNotBlank();
        // carried forward at the end of 2024, whenever the close was recorded
        JsonNode carried = history.get("events").get(3);
        assertThat(carried.get("businessDate").asText()).isEqualTo("2024-12-31");
        assertThat(carried.get("recordedAt").asText()).isNotBlank();
    }

    @Test
    void a_year_cannot_be_closed_before_an_earlier_year_with_requests() {
        String agency = "scenario-order";
        api.registerAgency(agency, "某区教育局");
        api.logRequest(agency, "2023-03-03", "ONLINE", "NATURAL_PERSON");
        var refused = services.post(services.commandUrl + "/api/agencies/" + agency + "/years/2024/close", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("2023");
        assertThat(api.closeYear(agency, 2023)).isEqualTo(1);
        assertThat(api.closeYear(agency, 2024)).isEqualTo(1);
    }
}
