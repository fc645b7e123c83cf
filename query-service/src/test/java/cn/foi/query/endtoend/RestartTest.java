package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/** Stopping everything and starting again on the same data directory loses nothing. */
class RestartTest extends EndToEndTest {


    @Test
    void a_restart_on_the_same_data_finds_everything_as_it_was() {
        String agency = "restart-office";
        api.registerAgency(agency, "某县人民政府办公室");
        String open = api.logRequest(agency, "2025-04-01", "IN_PERSON", "NATURAL_PERSON");
        String done = api.logRequest(agency, "2025-04-02", "EMAIL", "COMMERCIAL_ENTERPRISE");
        api.decide(done, "NOT_DISCLOSED_THIRD_PARTY_RIGHTS", "2025-04-20");
        JsonNode before = api.awaitTable(agency, 2025, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 1);
        JsonNode historyBefore = api.awaitHistory(done, 2);
        // an account's administration is an event no view keeps: after the restart it still counts as applied
        assertThat(services.as("admin", Services.ADMIN_PASSWORD).post(services.commandUrl + "/api/users",
                "{\"username\":\"restart-user\",\"password\":\"restart-password-1\",\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"]}")
                .status()).isEqualTo(201);
        long storedWithIt = services.eventStore().size();
        long stored = storedWithIt;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                                 .until(() -> api.table(agency, 2025).at("/basedOn/globalIndex").asLong() == storedWithIt - 1);

        services.stopAll();
        services.startAll();
        // at once, not after the completeness watch published anything again (it waits 10 s before it does)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                                 .until(() -> api.table(agency, 2025).at("/basedOn/globalIndex").asLong() >= storedWithIt - 1);

        // nothing lost, nothing new but, at most, the harness's own account (written straight into the user store, so
        // recorded once at the start after it)
        try (var client = com.mongodb.client.MongoClients.create(services.infra.mongoUri())) {
            var after = client.getDatabase("foi_command").getCollection("event_commits")
                              .find(new org.bson.Document("_id", new org.bson.Document("$gte", stored))).into(new java.util.ArrayList<>());
            assertThat(after).allSatisfy(commit -> assertThat(commit.getList("events", org.bson.Document.class))
                    .allSatisfy(event -> assertThat(event.getString("payloadType")).endsWith(".UserCreated")));
        }
        // the same figures; whether the projection is complete is said of the moment asked, and is asked again
        assertThat(withoutCompleteness(api.table(agency, 2025))).isEqualTo(withoutCompleteness(before));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                                 .until(() -> api.table(agency, 2025).at("/completeness/complete").asBoolean());
        assertThat(api.awaitHistory(done, 2)).isEqualTo(historyBefore);
        // and it carries on: the open request can still be decided exactly once
        api.decide(open, "DISCLOSED", "2025-05-06");
        var second = services.post(services.commandUrl + "/api/requests/" + open + "/decision",
                                   "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-05-07\"}");
        assertThat(second.status()).isEqualTo(409);
        JsonNode after = api.awaitTable(agency, 2025, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 2);
        assertThat(cell(after, "DISCLOSED", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(cell(after, "CARRIED_FORWARD", "TOTAL")).isZero();
    }

    private static JsonNode withoutCompleteness(JsonNode table) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = table.deepCopy();
        copy.remove("completeness");
        copy.remove("basedOn"); // names the log's end, which moved on by the account created in between
        return copy;
    }
}
