package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.foi.query.endtoend.GoldenTablesTest.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An auditor checks a published table against the event log, and sees what changed between two moments. */
class AuditTest extends EndToEndTest {

    @Test
    void a_published_table_is_compared_cell_by_cell_and_changes_between_moments_are_listed() {
        String agency = "audit-office";
        api.registerAgency(agency, "某区统计局");
        String before = api.logRequest(agency, "2025-02-03", "ONLINE", "NATURAL_PERSON");
        api.decide(before, "DISCLOSED", "2025-02-20");
        api.awaitTable(agency, 2025, t -> cell(t, "TOTAL_HANDLED", "TOTAL") == 1);
        Instant between = Instant.now();
        await().until(() -> Instant.now().isAfter(between.plusMillis(5)));
        String since = api.logRequest(agency, "2025-03-03", "LETTER", "COMMERCIAL_ENTERPRISE");
        api.awaitTable(agency, 2025, t -> cell(t, "NEW", "TOTAL") == 2);

        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        assertThat(admin.post(services.commandUrl + "/api/users", "{\"username\":\"auditor-check\",\"password\":\"auditor-password\","
                + "\"roles\":[\"AUDITOR\"],\"agencies\":[\"" + agency + "\"]}").status()).isEqualTo(201);
        var auditor = services.as("auditor-check", "auditor-password");
        String base = services.queryUrl + "/api/agencies/" + agency + "/annual-tables/2025";
        String printed = auditor.get(base + "?format=text&zero=dash").body();

        JsonNode same = postText(auditor, base + "/published-check", printed);
        assertThat(same.get("equal").asBoolean()).as(same.toString()).isTrue();
        // a report printed with one figure wrong: 本年新收, 法人或其他组织·商业企业 1 → 3
        String wrong = printed.lines().map(l -> l.startsWith("一、本年新收") ? l.replaceFirst("\t1\t1\t", "\t1\t3\t") : l)
                              .reduce("", (a, b) -> a + b + "\n");
        JsonNode differs = postText(auditor, base + "/published-check", wrong);
        assertThat(differs.get("equal").asBoolean()).isFalse();
        List<String> cells = new ArrayList<>();
        differs.get("cells").forEach(c -> {
            if (!c.get("equal").asBoolean()) {
                cells.add(c.get("cell").asText());
            }
        });
        assertThat(cells).contains("NEW/COMMERCIAL_ENTERPRISE");
        assertThat(differs.get("summary").asText()).contains("一、本年新收政府信息公开申请数量｜商业企业：公布 3，事件日志 1")
                                                   .doesNotContain("NEW/");
        assertThat(postTextStatus(auditor, base + "/published-check", "no table here")).isEqualTo(422);

        JsonNode diff = auditor.get(base + "/diff?from=" + between).json();
        List<String> changed = new ArrayList<>();
        diff.get("changes").forEach(c -> changed.add(c.get("cell").asText() + " " + c.get("from") + "→" + c.get("to")));
        assertThat(changed).contains("NEW/COMMERCIAL_ENTERPRISE 0→1", "NEW/TOTAL 1→2", "CARRIED_FORWARD/TOTAL 0→1");
        // auditors read the official labels
        List<String> labels = new ArrayList<>();
        diff.get("changes").forEach(c -> labels.add(c.get("label").asText()));
        assertThat(labels).contains("四、结转下年度继续办理｜总计");
        // and the requests behind the changes: the one logged since, not the one already counted before
        assertThat(diff.get("requests")).hasSize(1);
        JsonNode moved = diff.get("requests").get(0);
        assertThat(moved.get("requestId").asText()).isEqualTo(since).isNotEqualTo(before);
        assertThat(moved.get("from")).isEmpty();
        assertThat(moved.get("toLabels").toString()).contains("一、本年新收政府信息公开申请数量", "四、结转下年度继续办理");
        assertThat(moved.get("columnLabel").asText()).isEqualTo("商业企业");
    }

    private JsonNode postText(Services.Client client, String url, String text) {
        var response = client.postText(url, text);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private int postTextStatus(Services.Client client, String url, String text) {
        return client.postText(url, text).status();
    }
}
