package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Assignment and the filtered worklist (issue 17, item 6): whose request is whose, and what is due. */
class AssignmentTest extends EndToEndTest {

    private static final String AGENCY = "assignment-office";
    private static final String PASSWORD = "Assign-pass-2026";

    private void user(String username, String role, String agency) {
        api.createUser(username, PASSWORD, role, agency, username.toUpperCase());
    }

    private List<String> worklist(String filter) {
        var response = services.get(services.queryUrl + "/api/agencies/" + AGENCY + "/worklist" + filter);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("requests").findValuesAsText("requestId");
    }

    @Test
    void a_supervisor_gives_requests_to_the_agency_s_officers_and_the_worklist_filters_by_assignee_status_and_due_date() throws Exception {
        api.registerAgency(AGENCY, "某县司法局");
        api.registerAgency("assignment-elsewhere", "某县民政局");
        user("assign-wang", "OFFICER", AGENCY);
        user("assign-sun", "SUPERVISOR", AGENCY);
        user("assign-li", "OFFICER", "assignment-elsewhere");
        var supervisor = services.as("assign-sun", PASSWORD);
        String today = LocalDate.now().toString();
        String fresh = api.logRequest(AGENCY, today, "ONLINE", "NATURAL_PERSON");
        String old = api.logRequest(AGENCY, LocalDate.now().minusDays(60).toString(), "LETTER", "NATURAL_PERSON");
        String awaiting = api.logRequest(AGENCY, today, "EMAIL", "NATURAL_PERSON");
        assertThat(services.post(services.commandUrl + "/api/requests/" + awaiting + "/correction-request",
                "{\"requestedOn\":\"" + today + "\",\"dueOn\":\"" + LocalDate.now().plusDays(15) + "\",\"items\":[\"具体文件名称\"]}")
                .status()).isEqualTo(200);

        // who may be given the agency's requests: its officers and supervisors, not another agency's
        JsonNode officers = supervisor.get(services.commandUrl + "/api/agencies/" + AGENCY + "/officers").json();
        assertThat(officers.findValuesAsText("username")).contains("assign-wang", "assign-sun").doesNotContain("assign-li");

        var assigned = supervisor.put(services.commandUrl + "/api/requests/" + fresh + "/assignee", "{\"username\":\"assign-wang\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        long stored = services.eventStore().readEvents(old).asStream().count();
        var elsewhere = supervisor.put(services.commandUrl + "/api/requests/" + old + "/assignee", "{\"username\":\"assign-li\"}");
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(422);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(elsewhere.json().get("detail").asText()).contains("不是本机关的经办人");
        assertThat(supervisor.put(services.commandUrl + "/api/requests/" + old + "/assignee", "{}").status()).isEqualTo(400);
        assertThat(services.eventStore().readEvents(old).asStream().count()).as("nothing stored").isEqualTo(stored);
        assertThat(services.as("assign-wang", PASSWORD).put(services.commandUrl + "/api/requests/" + old + "/assignee",
                "{\"username\":\"assign-wang\"}").status()).as("an officer does not assign").isEqualTo(403);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> worklist("?assignee=assign-wang").equals(List.of(fresh)));
        JsonNode state = services.get(services.queryUrl + "/api/requests/" + fresh).json();
        assertThat(state.at("/assignee/username").asText()).isEqualTo("assign-wang");
        assertThat(state.at("/assignee/name").asText()).isEqualTo("ASSIGN-WANG");
        assertThat(api.awaitHistory(fresh, 2).get("events").findValuesAsText("label")).contains("分派承办人");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> worklist("?status=AWAITING_CORRECTION").equals(List.of(awaiting)));
        assertThat(worklist("?status=OPEN")).containsExactlyInAnyOrder(fresh, old);
        assertThat(worklist("?dueWithin=0")).as("overdue counts as due").containsExactly(old);
        assertThat(worklist("?dueWithin=60&status=OPEN&assignee=assign-wang")).containsExactly(fresh);
        // the search as a spreadsheet: every match, with its case number, state and assignee, and where it was read
        byte[] xlsx = services.download(services.queryUrl + "/api/agencies/" + AGENCY + "/requests?status=OPEN&format=xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            List<String> lines = new java.util.ArrayList<>();
            sheet.forEach(row -> {
                StringBuilder line = new StringBuilder();
                row.forEach(cell -> line.append(formatter.formatCellValue(cell)).append('|'));
                lines.add(line.toString());
            });
            String freshNumber = state.get("caseNumber").asText();
            assertThat(lines).anyMatch(l -> l.startsWith("编号|收到申请之日|申请人|"));
            assertThat(lines).anyMatch(l -> l.startsWith(freshNumber + "|" + today + "|张*|自然人|网络|") && l.contains("|办理中|")
                                            && l.endsWith("|ASSIGN-WANG|"));
            assertThat(lines).filteredOn(l -> l.contains("|办理中|")).hasSize(2);
            assertThat(lines).anyMatch(l -> l.contains("数据出处"));
        }

        for (String bad : List.of("?status=DONE", "?dueWithin=-1", "?dueWithin=x")) {
            var refused = services.get(services.queryUrl + "/api/agencies/" + AGENCY + "/worklist" + bad);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }
}
