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
    }
}
