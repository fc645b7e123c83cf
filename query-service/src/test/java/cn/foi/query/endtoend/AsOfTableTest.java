package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/** An auditor asks what the tables said at a past moment: every figure as recorded up to then. */
class AsOfTableTest extends EndToEndTest {

    private JsonNode tableAsOf(String agency, Instant moment) {
        var response = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025?asOf=" + moment);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Instant settledMoment() {
        // a moment strictly between what was recorded before and what is recorded after
        Instant moment = Instant.now();
        org.awaitility.Awaitility.await().until(() -> Instant.now().isAfter(moment.plusMillis(5)));
        return moment;
    }

    @Test
    void a_table_as_of_a_past_moment_counts_only_what_was_recorded_by_then() {
        String agency = "as-of-office";
        api.registerAgency(agency, "某区交通运输局");
        String first = api.logRequest(agency, "2025-02-03", "ONLINE", "NATURAL_PERSON");
        api.logRequest(agency, "2025-02-04", "LETTER", "COMMERCIAL_ENTERPRISE");
        api.decide(first, "NOT_DISCLOSED_PROCESS_INFORMATION", "2025-02-20");
        var proactive = services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2025/proactive-disclosure",
                                     "{\"RULES\":{\"MADE\":1,\"REPEALED\":0,\"IN_FORCE\":3}}");
        assertThat(proactive.status()).as(proactive.body()).isEqualTo(200);
        var filed = services.post(services.commandUrl + "/api/requests/" + first + "/reviews",
                                  "{\"kind\":\"RECONSIDERATION\",\"filedOn\":\"2025-03-10\"}");
        String review = filed.json().get("reviewId").asText();
        api.awaitHistory(first, 3);
        Instant before = settledMoment();

        String third = api.logRequest(agency, "2025-05-06", "ONLINE", "NATURAL_PERSON");
        api.decide(third, "DISCLOSED", "2025-05-20");
        services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2025/proactive-disclosure",
                     "{\"RULES\":{\"MADE\":2,\"REPEALED\":0,\"IN_FORCE\":4}}");
        services.post(services.commandUrl + "/api/reviews/" + review + "/conclusion",
                      "{\"result\":\"UPHELD\",\"concludedOn\":\"2025-06-01\"}");
        api.awaitTable(agency, 2025, t -> cell(t, "NEW", "TOTAL") == 3
                                          && t.get("reviews").get("RECONSIDERATION_UPHELD").asInt() == 1
                                          && t.get("proactive").get("RULES").get("MADE").asInt() == 2);

        JsonNode then = tableAsOf(agency, before);
        assertThat(then.get("asOf").asText()).isEqualTo(before.toString());
        assertThat(cell(then, "NEW", "TOTAL")).isEqualTo(2);
        assertThat(cell(then, "TOTAL_HANDLED", "TOTAL")).isEqualTo(1);
        assertThat(cell(then, "CARRIED_FORWARD", "TOTAL")).isEqualTo(1);
        assertThat(then.get("reviews").get("RECONSIDERATION_PENDING").asInt()).isEqualTo(1);
        assertThat(then.get("reviews").get("RECONSIDERATION_UPHELD").asInt()).isZero();
        assertThat(then.get("proactive").get("RULES").get("MADE").asInt()).isEqualTo(1);
        assertThat(then.get("consistent").asBoolean()).isTrue();

        JsonNode beforeAnything = tableAsOf(agency, Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(cell(beforeAnything, "NEW", "TOTAL")).isZero();

        assertThat(services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025?asOf=yesterday").status())
                .isEqualTo(400);
        assertThat(services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025?asOf=2999-01-01").status())
                .isEqualTo(422);
    }
}
