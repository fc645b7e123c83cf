package cn.foi.query.endtoend;

import cn.foi.events.published.EventLogLayout;
import cn.foi.events.published.LogDigest;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor proves the event log unaltered: an intact log verifies; an event edited, deleted or moved directly in the
 * database is found and named; every export names the log it came from, and that provenance is checked against the
 * verified log. (Each change to the store is undone before the next, so the other tests find the log as it was.)
 */
class LogVerificationTest extends EndToEndTest {

    private static final String AGENCY = "log-verification";

    @Test
    void an_intact_log_verifies_and_an_edited_deleted_or_reordered_event_is_named() {
        api.registerAgency(AGENCY, "某县审计局");
        String first = api.logRequest(AGENCY, "2025-04-01", "ONLINE", "NATURAL_PERSON");
        String second = api.logRequest(AGENCY, "2025-04-02", "LETTER", "NATURAL_PERSON");
        api.decide(first, "DISCLOSED", "2025-04-10");
        api.awaitTable(AGENCY, 2025, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 1 && cell(t, "NEW", "TOTAL") == 2);

        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        assertThat(admin.post(services.commandUrl + "/api/users", "{\"username\":\"log-auditor\",\"password\":\"auditor-password-1\","
                + "\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"]}").status()).isEqualTo(201);
        assertThat(admin.post(services.commandUrl + "/api/users", "{\"username\":\"log-officer\",\"password\":\"officer-password-1\","
                + "\"roles\":[\"OFFICER\"],\"agencies\":[\"" + AGENCY + "\"]}").status()).isEqualTo(201);
        var auditor = services.as("log-auditor", "auditor-password-1");
        String verification = services.queryUrl + "/api/audit/verification";

        JsonNode intact = auditor.get(verification).json();
        assertThat(intact.get("verified").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("firstMismatch").isNull()).isTrue();
        assertThat(intact.get("events").asLong()).isEqualTo(services.eventStore().size());
        assertThat(intact.get("head").asText()).matches("[0-9a-f]{64}");

        try (MongoClient client = MongoClients.create(services.infra.mongoUri())) {
            MongoCollection<Document> commits = client.getDatabase("foi_command").getCollection(EventLogLayout.COMMITS);
            Document received = commits.find(new Document(EventLogLayout.AGGREGATE_ID, first).append(EventLogLayout.FIRST_SEQUENCE_NUMBER, 0L)).first();
            long index = received.getLong("_id");

            // the history shows each event's digest as stored
            JsonNode history = auditor.get(services.queryUrl + "/api/requests/" + first + "/history").json();
            String storedDigest = received.getList(EventLogLayout.EVENTS, Document.class).get(0).getString(LogDigest.DIGEST);
            // (its case number, an event of the agency's case book, comes before the receipt in the history)
            JsonNode receipt = null;
            JsonNode another = null;
            for (JsonNode entry : history.get("events")) {
                if (entry.get("type").asText().equals("RequestReceived")) {
                    receipt = entry;
                } else if (another == null) {
                    another = entry;
                }
            }
            assertThat(receipt.get("digest").asText()).isEqualTo(storedDigest).matches("[0-9a-f]{64}");
            assertThat(receipt.get("globalIndex").asLong()).isEqualTo(index);
            assertThat(another.get("digest").asText()).matches("[0-9a-f]{64}").isNotEqualTo(storedDigest);

            // edited: the applicant's subject changed in the stored payload
            Document edited = copy(received);
            Document event = edited.getList(EventLogLayout.EVENTS, Document.class).get(0);
            event.put(EventLogLayout.PAYLOAD, event.getString(EventLogLayout.PAYLOAD).replace("NATURAL_PERSON", "LEGAL_PERSON_OTHER"));
            commits.replaceOne(new Document("_id", index), edited);
            try {
                JsonNode found = auditor.get(verification).json();
                assertThat(found.get("verified").asBoolean()).isFalse();
                assertThat(found.at("/firstMismatch/aggregateId").asText()).isEqualTo(first);
                assertThat(found.at("/firstMismatch/sequenceNumber").asLong()).isZero();
                assertThat(found.at("/firstMismatch/globalIndex").asLong()).isEqualTo(index);
                assertThat(found.at("/firstMismatch/detail").asText()).contains("被改动");
            } finally {
                commits.replaceOne(new Document("_id", index), received);
            }
            assertThat(auditor.get(verification).json().get("verified").asBoolean()).isTrue();

            // deleted: the whole commit removed
            commits.deleteOne(new Document("_id", index));
            try {
                JsonNode found = auditor.get(verification).json();
                assertThat(found.get("verified").asBoolean()).isFalse();
                assertThat(found.at("/firstMismatch/globalIndex").asLong()).isEqualTo(index);
                assertThat(found.at("/firstMismatch/detail").asText()).contains("被删除");
            } finally {
                commits.insertOne(received);
            }

            // reordered: the two receipts swap their places in the log
            Document other = commits.find(new Document(EventLogLayout.AGGREGATE_ID, second).append(EventLogLayout.FIRST_SEQUENCE_NUMBER, 0L)).first();
            long otherIndex = other.getLong("_id");
            assertThat(received.getLong(EventLogLayout.LAST_INDEX)).isEqualTo(index);
            assertThat(other.getLong(EventLogLayout.LAST_INDEX)).isEqualTo(otherIndex);
            commits.deleteMany(new Document("_id", new Document("$in", List.of(index, otherIndex))));
            try {
                commits.insertMany(List.of(movedTo(received, otherIndex), movedTo(other, index)));
                JsonNode found = auditor.get(verification).json();
                assertThat(found.get("verified").asBoolean()).isFalse();
                assertThat(found.at("/firstMismatch/globalIndex").asLong()).isEqualTo(Math.min(index, otherIndex));
            } finally {
                commits.deleteMany(new Document("_id", new Document("$in", List.of(index, otherIndex))));
                commits.insertMany(new ArrayList<>(List.of(received, other)));
            }
        }
        assertThat(auditor.get(verification).json().get("verified").asBoolean()).isTrue();

        // only auditors and administrators verify; bad provenance is refused
        var officer = services.as("log-officer", "officer-password-1");
        var refused = officer.get(verification);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("problem+json");
        var bad = auditor.get(verification + "?globalIndex=3");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("head");
        assertThat(auditor.get(verification + "?globalIndex=3&head=xyz").status()).isEqualTo(400);
        assertThat(auditor.get(verification + "/progress").json().get("running").asBoolean()).isFalse();
    }

    @Test
    void every_export_names_the_log_it_came_from_and_the_auditor_checks_it() {
        api.registerAgency(AGENCY + "-exports", "某县统计局");
        String request = api.logRequest(AGENCY + "-exports", "2025-05-06", "ONLINE", "NATURAL_PERSON");
        api.decide(request, "DISCLOSED", "2025-05-12");
        JsonNode table = api.awaitTable(AGENCY + "-exports", 2025, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 1);
        JsonNode basedOn = table.get("basedOn");
        long globalIndex = basedOn.get("globalIndex").asLong();
        String head = basedOn.get("head").asText();
        assertThat(head).matches("[0-9a-f]{64}");
        // the table counts at least every event up to its provenance: its own decision is among them
        JsonNode history = services.get(services.queryUrl + "/api/requests/" + request + "/history").json();
        assertThat(history.at("/events/1/globalIndex").asLong()).isLessThanOrEqualTo(globalIndex);

        String text = services.get(services.queryUrl + "/api/agencies/" + AGENCY + "-exports/annual-tables/2025?format=text").body();
        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("数据出处：事件日志全局序号 0 至 ").contains(head);
        JsonNode rollUp = services.get(services.queryUrl + "/api/agencies/" + AGENCY + "-exports/roll-up/2025").json();
        assertThat(rollUp.at("/basedOn/head").asText()).matches("[0-9a-f]{64}");

        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        String check = services.queryUrl + "/api/audit/verification?globalIndex=" + globalIndex + "&head=";
        JsonNode matches = admin.get(check + head).json();
        assertThat(matches.get("verified").asBoolean()).isTrue();
        assertThat(matches.at("/basedOn/matches").asBoolean()).as(matches.toString()).isTrue();
        String forged = (head.charAt(0) == '0' ? "1" : "0") + head.substring(1);
        JsonNode differs = admin.get(check + forged).json();
        assertThat(differs.at("/basedOn/matches").asBoolean()).isFalse();
        assertThat(differs.at("/basedOn/logHead").asText()).isEqualTo(head);
    }

    /** A deep copy that keeps BSON types (64-bit numbers stay longs). */
    private static Document copy(Document document) {
        return Document.parse(document.toJson(org.bson.json.JsonWriterSettings.builder().outputMode(org.bson.json.JsonMode.EXTENDED).build()));
    }

    private static Document movedTo(Document commit, long index) {
        Document moved = copy(commit);
        moved.put("_id", index);
        moved.put(EventLogLayout.LAST_INDEX, index);
        return moved;
    }
}
