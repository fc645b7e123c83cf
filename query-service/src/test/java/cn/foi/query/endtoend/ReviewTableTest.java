package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 四 of year Y: reviews concluded in Y by result, plus those still pending at the end of Y,
 * whatever year the request itself is from; a closed year freezes them too.
 */
class ReviewTableTest extends EndToEndTest {

    private String file(String requestId, String body) {
        var response = services.post(services.commandUrl + "/api/requests/" + requestId + "/reviews", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("reviewId").asText();
    }

    private int conclude(String reviewId, String result, String on) {
        return services.post(services.commandUrl + "/api/reviews/" + reviewId + "/conclusion",
                             "{\"result\":\"" + result + "\",\"concludedOn\":\"" + on + "\"}").status();
    }

    private static int cell(JsonNode table, String code) {
        return table.get("reviews").get(code).asInt();
    }

    @Test
    void reviews_count_in_the_year_they_end_or_as_pending_and_a_closed_year_freezes_them() {
        String agency = "review-office";
        api.registerAgency(agency, "某市生态环境局");
        String old = api.logRequest(agency, "2023-09-04", "LETTER", "SOCIAL_WELFARE_ORGANIZATION");
        api.decide(old, "NOT_DISCLOSED_PROCESS_INFORMATION", "2023-09-28");
        String recent = api.logRequest(agency, "2024-04-01", "ONLINE", "NATURAL_PERSON");
        api.decide(recent, "DISCLOSED", "2024-04-20");

        String reconsideration = file(old, "{\"kind\":\"RECONSIDERATION\",\"filedOn\":\"2023-11-01\"}");
        assertThat(conclude(reconsideration, "CORRECTED", "2024-02-01")).isEqualTo(200);
        assertThat(conclude(reconsideration, "UPHELD", "2024-02-02")).isEqualTo(409);
        file(old, "{\"kind\":\"LITIGATION\",\"afterReconsideration\":true,\"filedOn\":\"2024-03-01\"}");
        String direct = file(recent, "{\"kind\":\"LITIGATION\",\"filedOn\":\"2024-05-06\"}");
        assertThat(conclude(direct, "OTHER", "2024-09-09")).isEqualTo(200);
        var refused = services.post(services.commandUrl + "/api/requests/" + recent + "/reviews",
                                    "{\"kind\":\"RECONSIDERATION\",\"afterReconsideration\":true,\"filedOn\":\"2024-05-06\"}");
        assertThat(refused.status()).isEqualTo(422);

        JsonNode t2024 = api.awaitTable(agency, 2024, t -> cell(t, "LITIGATION_DIRECT_TOTAL") == 1
                                                           && cell(t, "RECONSIDERATION_TOTAL") == 1
                                                           && cell(t, "LITIGATION_AFTER_RECONSIDERATION_TOTAL") == 1);
        assertThat(cell(t2024, "RECONSIDERATION_CORRECTED")).isEqualTo(1);
        assertThat(cell(t2024, "LITIGATION_DIRECT_OTHER")).isEqualTo(1);
        assertThat(cell(t2024, "LITIGATION_AFTER_RECONSIDERATION_PENDING")).isEqualTo(1);
        assertThat(cell(t2024, "RECONSIDERATION_PENDING")).isZero();
        JsonNode t2023 = api.table(agency, 2023);
        assertThat(cell(t2023, "RECONSIDERATION_PENDING")).isEqualTo(1);
        assertThat(cell(t2023, "RECONSIDERATION_TOTAL")).isEqualTo(1);
        assertThat(cell(t2023, "LITIGATION_DIRECT_TOTAL")).isZero();

        api.closeYear(agency, 2023);
        api.closeYear(agency, 2024);
        String pending = file(recent, "{\"kind\":\"RECONSIDERATION\",\"filedOn\":\"2025-01-10\"}");
        assertThat(conclude(pending, "UPHELD", "2024-12-30")).isIn(409, 422);
        var late = services.post(services.commandUrl + "/api/requests/" + recent + "/reviews",
                                 "{\"kind\":\"LITIGATION\",\"filedOn\":\"2024-12-30\"}");
        assertThat(late.status()).isEqualTo(409);
        JsonNode history = api.awaitHistory(old, 5);
        assertThat(history.get("events").toString()).contains("提起行政复议", "复议或诉讼审结");
        // the request names its reviews, concluded or not, so a page can conclude the open ones
        JsonNode reviews = services.get(services.queryUrl + "/api/requests/" + old).json().get("reviews");
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).get("reviewId").asText()).isEqualTo(reconsideration);
        assertThat(reviews.get(0).get("result").asText()).isEqualTo("CORRECTED");
        assertThat(reviews.get(1).get("block").asText()).isEqualTo("LITIGATION_AFTER_RECONSIDERATION");
        assertThat(reviews.get(1).get("result").isNull()).isTrue();
    }
}
