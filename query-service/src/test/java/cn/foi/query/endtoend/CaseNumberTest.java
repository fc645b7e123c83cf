package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case numbers (issue 17, item 1): each request gets the next number of its agency and year of receipt at
 * registration, written with the agency's pattern; never reused, never skipped; shown and searchable.
 */
class CaseNumberTest extends EndToEndTest {

    private Services.Response receive(String agency, String receivedOn) {
        return services.post(services.commandUrl + "/api/agencies/" + agency + "/requests",
                             "{\"receivedOn\":\"" + receivedOn + "\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                             + "\"name\":\"赵六\"},\"subject\":\"申请公开某小区规划许可\"}");
    }

    private String received(String agency, String receivedOn) {
        var response = receive(agency, receivedOn);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("requestId").asText();
    }

    private String caseNumberOf(String requestId) {
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = services.get(services.queryUrl + "/api/requests/" + requestId);
            if (response.status() != 200 || response.json().path("caseNumber").isMissingNode()
                || response.json().path("caseNumber").isNull()) {
                return false;
            }
            seen.add(response.json().get("caseNumber").asText());
            return true;
        });
        return seen.get(seen.size() - 1);
    }

    @Test
    void requests_are_numbered_in_sequence_per_agency_and_year_with_the_pattern_the_agency_sets() {
        String agency = "case-numbers";
        api.registerAgency(agency, "某区人民政府办公室");
        List<String> first = List.of(received(agency, "2026-02-02"), received(agency, "2026-02-03"), received(agency, "2026-02-03"));
        assertThat(first.stream().map(this::caseNumberOf)).containsExactly("〔2026〕1号", "〔2026〕2号", "〔2026〕3号");

        var set = services.put(services.commandUrl + "/api/agencies/" + agency + "/case-number-pattern",
                               "{\"pattern\":\"西政办依申〔{year}〕{seq:3}号\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("example").asText()).isEqualTo("西政办依申〔2026〕007号");
        await().atMost(Duration.ofSeconds(30)).until(() -> "西政办依申〔{year}〕{seq:3}号".equals(
                services.get(services.queryUrl + "/api/agencies/" + agency).json().path("caseNumberPattern").asText()));

        // the sequence goes on under the new pattern; numbers given stay as they were written
        String fourth = received(agency, "2026-03-01");
        assertThat(caseNumberOf(fourth)).isEqualTo("西政办依申〔2026〕004号");
        assertThat(caseNumberOf(first.get(0))).isEqualTo("〔2026〕1号");
        // another year has its own sequence; an open request brought in is numbered in the year it was received
        assertThat(caseNumberOf(received(agency, "2025-12-30"))).isEqualTo("西政办依申〔2025〕001号");
        assertThat(caseNumberOf(api.importOpen(agency, "2024-11-05", "COMMERCIAL_ENTERPRISE", 2025))).isEqualTo("西政办依申〔2024〕001号");

        // shown in the list and the worklist, found by search, in the history
        var found = services.get(services.queryUrl + "/api/agencies/" + agency + "/requests?q="
                                 + java.net.URLEncoder.encode("〔2026〕004", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.json().get("requests")).extracting(r -> r.get("requestId").asText()).containsExactly(fourth);
        JsonNode worklist = services.get(services.queryUrl + "/api/agencies/" + agency + "/worklist").json();
        assertThat(worklist.get("requests")).extracting(r -> r.path("caseNumber").asText())
                                            .contains("〔2026〕1号", "西政办依申〔2026〕004号");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                services.get(services.queryUrl + "/api/requests/" + fourth + "/history").json().get("events"))
                .extracting(e -> e.get("label").asText() + " " + e.get("summary").asText())
                .containsExactly("登记编号 西政办依申〔2026〕004号", "收到申请 网络，自然人"));
    }

    @Test
    void a_bulk_entry_numbers_its_accepted_rows_without_a_gap_where_a_row_was_refused() {
        String agency = "case-numbers-batch";
        api.registerAgency(agency, "某区教育局");
        String row = "{\"receivedOn\":\"2026-04-01\",\"channel\":\"LETTER\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"王五\"},"
                     + "\"subject\":\"成批登记\"%s}";
        String refusedDecision = ",\"decision\":{\"result\":\"DISCLOSED\",\"decidedOn\":\"2026-03-01\"}"; // before its receipt
        var batch = services.post(services.commandUrl + "/api/agencies/" + agency + "/requests/batch",
                                  "{\"requests\":[" + String.format(row, "") + "," + String.format(row, refusedDecision) + ","
                                  + String.format(row, "") + "]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 422, 201);
        assertThat(caseNumberOf(results.get(0).get("requestId").asText())).isEqualTo("〔2026〕1号");
        assertThat(caseNumberOf(results.get(2).get("requestId").asText())).isEqualTo("〔2026〕2号");
        assertThat(caseNumberOf(received(agency, "2026-04-02"))).isEqualTo("〔2026〕3号");
    }

    @Test
    void receipts_sent_at_once_get_distinct_numbers_with_none_skipped() throws Exception {
        String agency = "case-numbers-parallel";
        api.registerAgency(agency, "某区卫生健康委员会");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                sent.add(pool.submit(() -> received(agency, "2026-05-06")));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> request : sent) {
                numbers.add(caseNumberOf(request.get()));
            }
            assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, 24).mapToObj(n -> "〔2026〕" + n + "号").collect(Collectors.toSet()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_malformed_pattern_is_refused_with_a_clear_reason_and_changes_nothing_and_an_officer_may_not_set_one() {
        String agency = "case-numbers-bad";
        api.registerAgency(agency, "某区市场监督管理局");
        long stored = services.eventStore().readEvents(agency).asStream().count();
        for (String pattern : List.of("〔{year}〕号", "〔2026〕{seq}号", "〔{year}〕{seq}{seq}号", "〔{year}〕{number}号", "")) {
            var refused = services.put(services.commandUrl + "/api/agencies/" + agency + "/case-number-pattern",
                                       "{\"pattern\":\"" + pattern + "\"}");
            assertThat(refused.status()).as(pattern + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("编号格式");
        }
        assertThat(services.eventStore().readEvents(agency).asStream().count()).isEqualTo(stored);
        assertThat(caseNumberOf(received(agency, "2026-06-01"))).isEqualTo("〔2026〕1号");

        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        api.createUser("case-number-officer", "officer-pass-2026", "OFFICER", agency);
        // an administrator may set it for any agency (the administration page offers it)
        var byAdmin = admin.put(services.commandUrl + "/api/agencies/" + agency + "/case-number-pattern", "{\"pattern\":\"管〔{year}〕{seq}号\"}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        var officer = services.as("case-number-officer", "officer-pass-2026");
        assertThat(officer.put(services.commandUrl + "/api/agencies/" + agency + "/case-number-pattern",
                               "{\"pattern\":\"〔{year}〕{seq:2}号\"}").status()).isEqualTo(403);
    }
}
