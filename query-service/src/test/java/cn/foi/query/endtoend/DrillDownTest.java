package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/** Every figure traces back to its requests: each cell's drill-down lists exactly as many as it counts. */
class DrillDownTest extends EndToEndTest {

    @Test
    void every_cell_of_table_three_lists_the_requests_it_counts() {
        String agency = "drill-office";
        api.registerAgency(agency, "某区审计局");
        String old = api.logRequest(agency, "2024-12-20", "ONLINE", "NATURAL_PERSON");
        api.decide(old, "PARTIALLY_DISCLOSED", "2025-01-10");
        List<String> disclosed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = api.logRequest(agency, "2025-02-1" + i, "ONLINE", "NATURAL_PERSON");
            api.decide(id, "DISCLOSED", "2025-03-01");
            disclosed.add(id);
        }
        String company = api.logRequest(agency, "2025-05-06", "LETTER", "COMMERCIAL_ENTERPRISE");
        api.decide(company, "UNABLE_NOT_HELD", "2025-05-20");
        String open = api.logRequest(agency, "2025-12-29", "EMAIL", "RESEARCH_INSTITUTION");
        JsonNode table = api.awaitTable(agency, 2025, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 5 && cell(t, "NEW", "TOTAL") == 5);

        String base = services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025/cells/";
        List<String> mismatches = new ArrayList<>();
        table.get("applications").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(column -> {
            JsonNode drill = services.get(base + row.getKey() + "/" + column.getKey()).json();
            if (drill.get("count").asInt() != column.getValue().asInt() || drill.get("requests").size() != column.getValue().asInt()) {
                mismatches.add(row.getKey() + "/" + column.getKey() + ": cell " + column.getValue() + ", listed " + drill.get("count"));
            }
        }));
        assertThat(mismatches).isEmpty();

        List<String> listed = new ArrayList<>();
        services.get(base + "DISCLOSED/NATURAL_PERSON").json().get("requests").forEach(r -> listed.add(r.get("requestId").asText()));
        assertThat(listed).containsExactlyElementsOf(disclosed);
        // a drill-down is a table answer too: it says whether the projection held every stored event
        JsonNode drilled = services.get(base + "DISCLOSED/NATURAL_PERSON").json();
        assertThat(drilled.has("completeness")).as(drilled.toString()).isTrue();
        assertThat(drilled.get("rowLabel").asText()).isEqualTo("三、本年度办理结果 (一) 予以公开");
        assertThat(services.get(base + "CARRIED_OVER/TOTAL").json().get("requests").get(0).get("requestId").asText()).isEqualTo(old);
        assertThat(services.get(base + "CARRIED_FORWARD/RESEARCH_INSTITUTION").json().get("requests").get(0)
                           .get("requestId").asText()).isEqualTo(open);
        assertThat(services.get(base + "MAYBE/TOTAL").status()).isEqualTo(400);
        assertThat(services.get(services.queryUrl + "/api/agencies/nobody/annual-tables/2025/cells/NEW/TOTAL").status())
                .isIn(403, 404);
    }
}
