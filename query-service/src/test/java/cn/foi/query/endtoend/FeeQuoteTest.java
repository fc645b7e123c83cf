package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fee the system offers: counted from the applicant's applications that month, or from the pages. */
class FeeQuoteTest extends EndToEndTest {

    private JsonNode quote(String requestId, String query) {
        var response = services.get(services.queryUrl + "/api/requests/" + requestId + "/fee-quote?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void per_application_counts_the_same_applicants_applications_to_this_agency_in_that_calendar_month() {
        String agency = "fee-quote-office";
        String elsewhere = "fee-quote-elsewhere";
        api.registerAgency(agency, "某区教育局");
        api.registerAgency(elsewhere, "某区卫生健康委员会");
        List<String> march = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            march.add(api.logRequest(agency, String.format("2025-03-%02d", day + 2), "ONLINE", "NATURAL_PERSON", "王五"));
        }
        String otherApplicant = api.logRequest(agency, "2025-03-20", "ONLINE", "NATURAL_PERSON", "赵六");
        String otherAgency = api.logRequest(elsewhere, "2025-03-20", "ONLINE", "NATURAL_PERSON", "王五");
        String april = api.logRequest(agency, "2025-04-01", "ONLINE", "NATURAL_PERSON", "王五");
        api.awaitHistory(april, 1);

        JsonNode eleventh = quote(march.get(10), "basis=PER_APPLICATION");
        assertThat(eleventh.get("amountYuan").decimalValue()).isEqualByComparingTo("100");
        assertThat(eleventh.get("explanation").get(0).asText()).contains("12 件", "第 11 件");
        assertThat(quote(march.get(9), "basis=PER_APPLICATION").get("amountYuan").decimalValue()).isEqualByComparingTo("0");
        assertThat(quote(otherApplicant, "basis=PER_APPLICATION").get("amountYuan").decimalValue()).isEqualByComparingTo("0");
        assertThat(quote(otherAgency, "basis=PER_APPLICATION").get("amountYuan").decimalValue()).isEqualByComparingTo("0");
        assertThat(quote(april, "basis=PER_APPLICATION").get("explanation").get(0).asText()).contains("第 1 件");
    }

    @Test
    void by_volume_the_pages_are_charged_band_by_band_and_a_bad_query_is_refused() {
        String agency = "fee-volume-office";
        api.registerAgency(agency, "某区统计局");
        String request = api.logRequest(agency, "2025-05-06", "LETTER", "RESEARCH_INSTITUTION");
        api.awaitHistory(request, 1);
        assertThat(quote(request, "basis=BY_VOLUME&pages=150").get("amountYuan").decimalValue()).isEqualByComparingTo("1700");

        for (String bad : List.of("basis=BY_VOLUME", "basis=BY_VOLUME&pages=0", "basis=FREE", "")) {
            var response = services.get(services.queryUrl + "/api/requests/" + request + "/fee-quote?" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asText()).isNotBlank();
        }
        assertThat(services.get(services.queryUrl + "/api/requests/no-such/fee-quote?basis=BY_VOLUME&pages=3").status())
                .isEqualTo(404);
    }
}
