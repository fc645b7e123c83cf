package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk entry: each item of a batch is checked and recorded as its single call would be, and answered on its
 * own; a malformed batch records nothing; the table counts exactly what was accepted.
 */
class BatchEntryTest extends EndToEndTest {

    private static final String AGENCY = "batch-entry";

    private static String item(String receivedOn, String type, String decision) {
        return "{\"receivedOn\":\"" + receivedOn + "\",\"channel\":\"LETTER\",\"applicant\":{\"type\":\"" + type
               + "\",\"name\":\"王五\"},\"subject\":\"成批登记\"" + (decision == null ? "" : ",\"decision\":" + decision) + "}";
    }

    private long commits() {
        try (var client = com.mongodb.client.MongoClients.create(services.infra.mongoUri())) {
            return client.getDatabase("foi_command").getCollection("event_commits").countDocuments();
        }
    }

    @Test
    void each_item_is_answered_on_its_own_and_only_accepted_ones_count() {
        assertThat(services.post(services.commandUrl + "/api/agencies",
                                 "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"某区信访局\"}").status()).isEqualTo(201);
        long before = services.eventStore().size();
        long commitsBefore = commits();

        var batch = services.post(services.commandUrl + "/api/agencies/" + AGENCY + "/requests/batch", "{\"requests\":["
                + item("2025-03-03", "NATURAL_PERSON", "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-03-10\"}") + ","
                + item("2025-03-04", "COMMERCIAL_ENTERPRISE", null) + ","
                // decided before it was received: the decision is refused (422), and the row with it, receipt included
                + item("2025-03-05", "NATURAL_PERSON", "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-03-01\"}") + ","
                + "{\"receivedOn\":\"2025-03-06\",\"channel\":\"LETTER\",\"subject\":\"无申请人\"}"
                + "]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        assertThat(batch.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(2).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(2).has("requestId")).isFalse();
        assertThat(results.get(2).get("detail").asText()).matches(".*[\\u4e00-\\u9fff].*");
        assertThat(results.get(3).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(3).has("requestId")).isFalse();
        // two receipts, one decision and two case numbers, stored as one commit per aggregate: the year's case book
        // (both numbers), then each request (the decided one holds both its events)
        assertThat(services.eventStore().size()).isEqualTo(before + 5);
        assertThat(commits()).isEqualTo(commitsBefore + 3);

        // a malformed batch, an empty one or one too large records nothing
        String tooMany = "{\"requests\":[" + String.join(",", java.util.Collections.nCopies(501, item("2025-03-03", "NATURAL_PERSON", null))) + "]}";
        for (String bad : new String[]{"{\"requests\":[]}", "{\"requests\":[{\"receivedOn\":\"3 March\"}]}", tooMany}) {
            var refused = services.post(services.commandUrl + "/api/agencies/" + AGENCY + "/requests/batch", bad);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).contains("problem+json");
        }
        assertThat(services.eventStore().size()).isEqualTo(before + 5);

        // the table counts the two receipts and the one decision
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode table = services.get(services.queryUrl + "/api/agencies/" + AGENCY + "/annual-tables/2025").json();
            assertThat(table.at("/applications/NEW/TOTAL").asInt()).isEqualTo(2);
            assertThat(table.at("/applications/DISCLOSED/NATURAL_PERSON").asInt()).isEqualTo(1);
            assertThat(table.at("/applications/CARRIED_FORWARD/TOTAL").asInt()).isEqualTo(1);
        });
        // every item is recorded in the caller's name
        JsonNode history = api.awaitHistory(results.get(0).get("requestId").asText(), 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> services.get(services.queryUrl + "/api/requests/"
                + results.get(0).get("requestId").asText() + "/history").json().get("events").size() == 3);
        history = services.get(services.queryUrl + "/api/requests/" + results.get(0).get("requestId").asText() + "/history").json();
        assertThat(history.get("events")).as("its case number, receipt and decision").hasSize(3);
        history.get("events").forEach(event -> assertThat(event.get("recordedBy").asText()).isEqualTo(Services.HARNESS_USER));
    }
}
