package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/** A Kafka outage delays events and loses none: commands are still accepted, and the tables catch up. */
class KafkaOutageTest extends EndToEndTest {

    @Test
    void commands_accepted_while_the_broker_is_down_reach_the_tables_once_it_is_back() {
        String agency = "outage-office";
        api.registerAgency(agency, "某县信访局");
        api.awaitTable(agency, 2025, t -> true);
        long stored = services.eventStore().size();

        services.infra.stopKafka();
        List<String> requests = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                requests.add(api.logRequest(agency, "2025-06-0" + (i + 1), "ONLINE", "NATURAL_PERSON"));
            }
            api.decide(requests.get(0), "NOT_PROCESSED_PETITION_COMPLAINT", "2025-06-20");
            assertThat(services.eventStore().size()).as("five receipts with their case numbers, one decision").isEqualTo(stored + 11);
        } finally {
            services.infra.startKafka();
        }

        JsonNode table = api.awaitTable(agency, 2025, t -> cell(t, "NEW", "TOTAL") == 5
                                                           && cell(t, "TOTAL_HANDLED", "TOTAL") == 1);
        assertThat(cell(table, "NOT_PROCESSED_PETITION_COMPLAINT", "NATURAL_PERSON")).isEqualTo(1);
        assertThat(cell(table, "CARRIED_FORWARD", "TOTAL")).isEqualTo(4);
        assertThat(table.get("consistent").asBoolean()).isTrue();
    }
}
