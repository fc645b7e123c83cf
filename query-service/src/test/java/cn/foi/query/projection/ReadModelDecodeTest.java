package cn.foi.query.projection;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.RequestReceived;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A record of the topic read into its event, whatever order its fields come in. */
class ReadModelDecodeTest {

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    // the read model only names its collections here: no connection is ever made
    private final MongoClient unused = MongoClients.create("mongodb://localhost:1");
    private final ReadModel readModel = new ReadModel(unused.getDatabase("decode-test"), json, new Ledger(), 10);

    private final RequestReceived received = new RequestReceived("r-1", "xixia-office", LocalDate.of(2025, 3, 3), Channel.LETTER,
                                                                 new Applicant(ApplicantType.NATURAL_PERSON, "张三"), "拆迁补偿方案");

    @AfterEach
    void close() {
        unused.close();
    }

    private ObjectNode published(String type, Object payload) {
        return json.valueToTree(new PublishedEvent(41, "e-1", "DisclosureRequest", "r-1", 0, type, null,
                                                   "2025-03-03T01:02:03Z", Map.of("userId", "officer-1"),
                                                   json.valueToTree(payload)));
    }

    private ReadModel.Decoded decode(ObjectNode record) throws Exception {
        return readModel.decode(json.writeValueAsBytes(record));
    }

    @Test
    void when_an_event_was_recorded_is_the_same_from_its_header_as_from_its_text() throws Exception {
        java.time.Instant recorded = java.time.Instant.parse("2025-03-03T01:02:03.456789Z");
        ObjectNode record = published("RequestReceived", received).put("timestamp", recorded.toString());
        byte[] header = PublishedEvent.recordedAtMillis(recorded);

        ReadModel.Decoded fromText = readModel.decode(json.writeValueAsBytes(record));
        ReadModel.Decoded fromHeader = readModel.decode(json.writeValueAsBytes(record), PublishedEvent.recordedAtMillis(header));

        assertThat(fromHeader.recordedAt()).isEqualTo(fromText.recordedAt()).isEqualTo("2025-03-03T01:02:03.456Z");
    }

    @Test
    void a_record_as_the_command_service_writes_it_is_read_into_its_event() throws Exception {
        ReadModel.Decoded decoded = decode(published("RequestReceived", received));

        assertThat(decoded.payload()).isEqualTo(received);
        assertThat(decoded.event().payload()).as("read straight into the record, no JSON tree kept").isNull();
        assertThat(decoded.event().globalIndex()).isEqualTo(41);
        assertThat(decoded.event().aggregateId()).isEqualTo("r-1");
        assertThat(decoded.event().type()).isEqualTo("RequestReceived");
        assertThat(decoded.event().timestamp()).isEqualTo("2025-03-03T01:02:03Z");
        assertThat(decoded.event().metaData()).containsEntry("userId", "officer-1");
    }

    @Test
    void a_record_naming_its_type_after_the_payload_reads_the_same() throws Exception {
        ObjectNode typeLast = json.createObjectNode();
        ObjectNode record = published("RequestReceived", received);
        for (Iterator<String> fields = record.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("type")) {
                typeLast.set(field, record.get(field));
            }
        }
        typeLast.put("type", "RequestReceived");
        assertThat(new String(json.writeValueAsBytes(typeLast), StandardCharsets.UTF_8)).matches(".*\"payload\".*\"type\".*");

        ReadModel.Decoded decoded = decode(typeLast);
        assertThat(decoded.payload()).isEqualTo(received);
        assertThat(decoded.event().payload()).as("the type came too late: read through a tree").isNotNull();
    }

    @Test
    void an_event_type_unknown_here_is_skipped_and_a_malformed_payload_refused() throws Exception {
        assertThat(decode(published("SomethingFromTheFuture", received)).payload()).isNull();

        ObjectNode malformed = published("RequestReceived", received);
        ((ObjectNode) malformed.get("payload")).put("receivedOn", "3 March");
        assertThatThrownBy(() -> decode(malformed)).isInstanceOf(IllegalStateException.class)
                                                    .hasMessageContaining("event 41 of type RequestReceived");

        ObjectNode untyped = published("RequestReceived", received);
        untyped.remove("type");
        assertThatThrownBy(() -> decode(untyped)).isInstanceOf(IllegalStateException.class)
                                                  .hasMessageContaining("event 41").hasMessageContaining("no type");
    }
}
