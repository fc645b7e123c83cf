package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 四 of a real report, built through the public API: 深圳市市场监督管理局龙华监管局 2023年信息公开年度报告
 * (szlhq.gov.cn, post_11099495): "因政府信息公开被行政复议7件，其中结果维持6件、结果纠正0件、其他结果0件、
 * 尚未审结1件。… 未经复议直接起诉2件，均尚未审结。复议后起诉1件，结果维持。" Part of the reviews concern
 * requests answered in 2022, and some were filed in 2022: they count in 2023 all the same.
 */
class PublishedReviewTableTest extends EndToEndTest {

    private String file(String requestId, String kind, boolean afterReconsideration, String filedOn) {
        var response = services.post(services.commandUrl + "/api/requests/" + requestId + "/reviews",
                "{\"kind\":\"" + kind + "\",\"afterReconsideration\":" + afterReconsideration + ",\"filedOn\":\"" + filedOn + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("reviewId").asText();
    }

    private void conclude(String reviewId, String result, String on) {
        var response = services.post(services.commandUrl + "/api/reviews/" + reviewId + "/conclusion",
                                     "{\"result\":\"" + result + "\",\"concludedOn\":\"" + on + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void table_four_of_longhua_market_supervision_2023_is_reproduced_cell_by_cell() {
        String agency = "longhua-market-2023";
        api.registerAgency(agency, "深圳市市场监督管理局龙华监管局");
        String[] requests = new String[8];
        for (int i = 0; i < requests.length; i++) {
            // the first three were answered in 2022, the rest in 2023
            String received = i < 3 ? "2022-10-1" + i : "2023-03-0" + (i - 1);
            String decided = i < 3 ? "2022-11-1" + i : "2023-03-2" + (i - 1);
            requests[i] = api.logRequest(agency, received, "ONLINE", i % 2 == 0 ? "NATURAL_PERSON" : "COMMERCIAL_ENTERPRISE");
            api.decide(requests[i], i % 3 == 0 ? "NOT_DISCLOSED_PROCESS_INFORMATION" : "UNABLE_NOT_HELD", decided);
        }
        // reconsiderations: 6 upheld in 2023 (two of them filed in December 2022), 1 still pending at the end of 2023
        conclude(file(requests[0], "RECONSIDERATION", false, "2022-12-05"), "UPHELD", "2023-02-20");
        conclude(file(requests[1], "RECONSIDERATION", false, "2022-12-20"), "UPHELD", "2023-03-01");
        conclude(file(requests[2], "RECONSIDERATION", false, "2023-01-09"), "UPHELD", "2023-03-15");
        for (int i = 3; i < 6; i++) {
            conclude(file(requests[i], "RECONSIDERATION", false, "2023-04-1" + i), "UPHELD", "2023-06-2" + i);
        }
        file(requests[6], "RECONSIDERATION", false, "2023-12-04");
        // lawsuits without reconsideration: 2, both pending; after reconsideration: 1, upheld
        file(requests[7], "LITIGATION", false, "2023-05-08");
        file(requests[3], "LITIGATION", false, "2023-09-11");
        conclude(file(requests[0], "LITIGATION", true, "2023-03-10"), "UPHELD", "2023-10-30");

        Map<String, Integer> published = Map.ofEntries(
                Map.entry("RECONSIDERATION_UPHELD", 6), Map.entry("RECONSIDERATION_CORRECTED", 0),
                Map.entry("RECONSIDERATION_OTHER", 0), Map.entry("RECONSIDERATION_PENDING", 1),
                Map.entry("RECONSIDERATION_TOTAL", 7),
                Map.entry("LITIGATION_DIRECT_UPHELD", 0), Map.entry("LITIGATION_DIRECT_CORRECTED", 0),
                Map.entry("LITIGATION_DIRECT_OTHER", 0), Map.entry("LITIGATION_DIRECT_PENDING", 2),
                Map.entry("LITIGATION_DIRECT_TOTAL", 2),
                Map.entry("LITIGATION_AFTER_RECONSIDERATION_UPHELD", 1),
                Map.entry("LITIGATION_AFTER_RECONSIDERATION_CORRECTED", 0),
                Map.entry("LITIGATION_AFTER_RECONSIDERATION_OTHER", 0),
                Map.entry("LITIGATION_AFTER_RECONSIDERATION_PENDING", 0),
                Map.entry("LITIGATION_AFTER_RECONSIDERATION_TOTAL", 1));
        JsonNode table = api.awaitTable(agency, 2023, t -> t.get("reviews").get("RECONSIDERATION_TOTAL").asInt() == 7
                                                           && t.get("reviews").get("LITIGATION_DIRECT_TOTAL").asInt() == 2
                                                           && t.get("reviews").get("LITIGATION_AFTER_RECONSIDERATION_TOTAL").asInt() == 1);
        published.forEach((cell, value) -> assertThat(table.get("reviews").get(cell).asInt()).as(cell).isEqualTo(value));
        // 2022 saw the two December reconsiderations pending at its end, nothing else
        JsonNode earlier = api.table(agency, 2022);
        assertThat(earlier.get("reviews").get("RECONSIDERATION_PENDING").asInt()).isEqualTo(2);
        assertThat(earlier.get("reviews").get("RECONSIDERATION_TOTAL").asInt()).isEqualTo(2);
        // the printed layout carries the same figures
        String text = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2023?format=text").body();
        assertThat(text).contains("四、政府信息公开行政复议、行政诉讼情况");
    }
}
