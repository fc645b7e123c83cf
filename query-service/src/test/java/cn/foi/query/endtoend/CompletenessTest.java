package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection proves itself complete against the event store, and repairs what it lacks: events lost from the
 * projection (here: a request's document gone, its offsets long committed, so the topic will not bring it again)
 * are found below the store's head, published again by the command service, and counted again.
 */
class CompletenessTest extends EndToEndTest {

    @Test
    void a_projection_holding_every_stored_event_says_so_in_the_check_and_in_every_table_answer() {
        String agency = "complete-office";
        api.registerAgency(agency, "某县人民政府办公室");
        String decided = api.logRequest(agency, "2025-03-03", "ONLINE", "NATURAL_PERSON");
        api.logRequest(agency, "2025-03-04", "ONLINE", "OTHER_ORGANIZATION");
        api.decide(decided, "DISCLOSED", "2025-03-10");
        api.awaitTable(agency, 2025, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 1);

        JsonNode report = await().atMost(Duration.ofSeconds(20)).until(
                () -> services.get(services.queryUrl + "/api/admin/completeness").json(), r -> r.get("complete").asBoolean());
        assertThat(report.get("missing").asLong()).isZero();
        assertThat(report.get("storeHead").asLong()).isEqualTo(services.eventStore().size());
        JsonNode year = agencyYear(report, agency, 2025);
        assertThat(year.get("stored").get("received").asInt()).isEqualTo(2);
        assertThat(year.get("stored").get("decided").asInt()).isEqualTo(1);
        assertThat(year.get("equal").asBoolean()).isTrue();

        Services.Response table = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025");
        assertThat(table.json().get("completeness").get("complete").asBoolean()).isTrue();
        assertThat(table.json().get("completeness").get("storeHead").asLong()).isEqualTo(report.get("storeHead").asLong());
    }

    @Test
    void events_stored_but_missing_from_the_projection_are_found_below_the_head_and_published_again() throws Exception {
        String agency = "repair-office";
        api.registerAgency(agency, "某县人民政府办公室");
        String lost = api.logRequest(agency, "2025-05-06", "LETTER", "NATURAL_PERSON");
        api.logRequest(agency, "2025-05-07", "ONLINE", "NATURAL_PERSON");
        api.decide(lost, "DISCLOSED", "2025-05-20");
        api.awaitTable(agency, 2025, t -> cell(t, "NEW", "TOTAL") == 2 && cell(t, "TOTAL_HANDLED", "TOTAL") == 1);

        // the projection loses a request's document while it is stopped; its events' offsets were committed long ago
        services.query.close();
        List<Long> lostIndexes = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(services.infra.mongoUri())) {
            var requests = mongo.getDatabase("foi_query").getCollection("requests");
            requests.find(Filters.eq("_id", lost)).first().getList("history", Document.class)
                    .forEach(entry -> lostIndexes.add(entry.getLong("globalIndex")));
            assertThat(requests.deleteOne(Filters.eq("_id", lost)).getDeletedCount()).isEqualTo(1);
        }
        assertThat(lostIndexes).as("its case number, receipt and decision").hasSize(3);
        services.startQuery();

        // found, asked for again, counted again: the table recovers without anyone touching the topic
        JsonNode repaired = api.awaitTable(agency, 2025, t -> cell(t, "NEW", "TOTAL") == 2 && cell(t, "TOTAL_HANDLED", "TOTAL") == 1);
        assertThat(cell(repaired, "DISCLOSED", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(api.awaitHistory(lost, 2)).isNotNull();
        JsonNode report = await().atMost(Duration.ofSeconds(20)).until(
                () -> services.get(services.queryUrl + "/api/admin/completeness").json(), r -> r.get("complete").asBoolean());
        JsonNode repair = report.get("lastRepair");
        List<Long> asked = new ArrayList<>();
        repair.get("ranges").forEach(range -> {
            for (long i = range.get("first").asLong(); i <= range.get("last").asLong(); i++) {
                asked.add(i);
            }
        });
        assertThat(asked).containsAll(lostIndexes);
        assertThat(agencyYear(report, agency, 2025).get("equal").asBoolean()).isTrue();
    }

    private static JsonNode agencyYear(JsonNode report, String agency, int year) {
        for (JsonNode entry : report.get("agencyYears")) {
            if (entry.get("agencyId").asText().equals(agency) && entry.get("year").asInt() == year) {
                return entry;
            }
        }
        throw new AssertionError("no line for " + agency + "/" + year + " in " + report);
    }
}
