package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case numbers through the API: the agency's pattern, one sequence per agency and receipt year, given at registration,
 * in bulk entry and to imported open requests, never reused or skipped (a refused row takes its number back), also
 * when requests are registered at the same time; shown on the request, the worklist, and found by search.
 */
class CaseNumberTest extends EndToEndTest {

    private static final String AGENCY = "case-number-office";

    private static String caseNumber(String requestId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> services.get(services.queryUrl + "/api/requests/" + requestId).status() == 200
                && !services.get(services.queryUrl + "/api/requests/" + requestId).json().path("caseNumber").isNull());
        return services.get(services.queryUrl + "/api/requests/" + requestId).json().get("caseNumber").asText();
    }

    @Test
    void every_request_gets_the_next_number_of_its_agency_and_receipt_year() throws Exception {
        api.registerAgency(AGENCY, "西夏区人民政府办公室");
        String pattern = services.commandUrl + "/api/agencies/" + AGENCY + "/case-number-pattern";
        var malformed = services.put(pattern, "{\"pattern\":\"西政办依申〔{year}〕号\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).contains("{seq}");
        assertThat(services.put(services.commandUrl + "/api/agencies/no-such-office/case-number-pattern", "{\"pattern\":\"{seq}\"}").status())
                .isEqualTo(404);

        // before a pattern is set: the default
        String first = api.logRequest(AGENCY, "2025-01-06", "ONLINE", "NATURAL_PERSON");
        assertThat(caseNumber(first)).isEqualTo("〔2025〕1号");
        var set = services.put(pattern, "{\"pattern\":\"西政办依申〔{year}〕{seq:3}号\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("example").asText()).endsWith("007号");

        String second = api.logRequest(AGENCY, "2025-02-03", "LETTER", "NATURAL_PERSON");
        String lastYear = api.logRequest(AGENCY, "2024-11-04", "ONLINE", "NATURAL_PERSON");
        assertThat(caseNumber(second)).isEqualTo("西政办依申〔2025〕002号");
        assertThat(caseNumber(lastYear)).as("its own year's sequence").isEqualTo("西政办依申〔2024〕001号");

        // bulk entry: the refused row takes its number back
        var batch = services.post(services.commandUrl + "/api/agencies/" + AGENCY + "/requests/batch", "{\"requests\":["
                + "{\"receivedOn\":\"2025-03-03\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"甲\"},\"subject\":\"甲事项\"},"
                + "{\"receivedOn\":\"2025-03-05\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"乙\"},\"subject\":\"乙事项\","
                + "\"decision\":{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-03-01\"}},"
                + "{\"receivedOn\":\"2025-03-06\",\"channel\":\"LETTER\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"丙\"},\"subject\":\"丙事项\"}]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(caseNumber(results.get(0).get("requestId").asText())).isEqualTo("西政办依申〔2025〕003号");
        assertThat(caseNumber(results.get(2).get("requestId").asText())).as("never skipped").isEqualTo("西政办依申〔2025〕004号");

        // an open request brought in is numbered in the year it was received
        String imported = api.importOpen(AGENCY, "2024-12-20", "COMMERCIAL_ENTERPRISE", 2025);
        assertThat(caseNumber(imported)).isEqualTo("西政办依申〔2024〕002号");

        // registered at the same time: every number once, none skipped
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> registered = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            registered.add(pool.submit(() -> api.logRequest(AGENCY, "2025-04-01", "ONLINE", "NATURAL_PERSON")));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> id : registered) {
            numbers.add(caseNumber(id.get()));
        }
        pool.shutdown();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(5, 28).mapToObj(n -> String.format("西政办依申〔2025〕%03d号", n)).toList());

        // shown on the worklist and found by search
        JsonNode worklist = services.get(services.queryUrl + "/api/agencies/" + AGENCY + "/worklist").json();
        assertThat(worklist.toString()).contains("西政办依申〔2025〕002号");
        JsonNode found = services.get(services.queryUrl + "/api/agencies/" + AGENCY + "/requests?q="
                                      + java.net.URLEncoder.encode("〔2024〕002", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("requests").get(0).get("requestId").asText()).isEqualTo(imported);
        JsonNode history = api.awaitHistory(second, 2);
        assertThat(history.toString()).contains("西政办依申〔2025〕002号");
    }
}
