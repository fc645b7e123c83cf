package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: each role's allowed and refused calls, agency grants (including request ids guessed
 * from another agency), masking of personal data, and who caused each event. A refused call is 401 or 403
 * with problem+json and stores nothing.
 */
class SecurityTest extends EndToEndTest {

    private static final String PASSWORD = "correct horse battery";

    private record Call(String user, String method, String url, String body, int status) {
    }

    private Services.Response call(Call call) {
        Services.Client client = services.as(call.user(), call.user() == null ? null
                : "admin".equals(call.user()) ? Services.ADMIN_PASSWORD : PASSWORD);
        return switch (call.method()) {
            case "GET" -> client.get(call.url());
            case "PUT" -> client.put(call.url(), call.body());
            default -> client.post(call.url(), call.body());
        };
    }

    private void createUser(String username, String roles, String agencies) {
        var created = services.as("admin", Services.ADMIN_PASSWORD).post(services.commandUrl + "/api/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":" + roles
                + ",\"agencies\":" + agencies + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private String logAs(String user, String agency) {
        var logged = services.as(user, PASSWORD).post(services.commandUrl + "/api/agencies/" + agency + "/requests",
                "{\"receivedOn\":\"2025-03-03\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"张三\"},"
                + "\"subject\":\"某小区规划许可\"}");
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        return logged.json().get("requestId").asText();
    }

    @Test
    void each_role_may_do_its_own_calls_on_its_own_agencies_and_nothing_else() {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        for (String agency : List.of("sec-a", "sec-b")) {
            assertThat(admin.post(services.commandUrl + "/api/agencies",
                                  "{\"agencyId\":\"" + agency + "\",\"name\":\"某区" + agency + "局\"}").status()).isEqualTo(201);
        }
        createUser("officer-a", "[\"OFFICER\"]", "[\"sec-a\"]");
        createUser("supervisor-a", "[\"SUPERVISOR\"]", "[\"sec-a\"]");
        createUser("auditor-a", "[\"AUDITOR\"]", "[\"sec-a\"]");
        createUser("auditor-all", "[\"AUDITOR\"]", "[\"*\"]");
        createUser("officer-b", "[\"OFFICER\"]", "[\"sec-b\"]");
        String requestA = logAs("officer-a", "sec-a");
        String requestB = logAs("officer-b", "sec-b");
        api.awaitHistory(requestA, 1);
        api.awaitHistory(requestB, 1);

        String c = services.commandUrl;
        String q = services.queryUrl;
        String decision = "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-03-20\"}";
        String extension = "{\"grantedOn\":\"2025-03-25\",\"workingDays\":5,\"approvedBy\":\"李主任\"}";
        List<Call> refused = List.of(
                new Call(null, "GET", q + "/api/agencies/sec-a/annual-tables/2025", null, 401),
                new Call(null, "POST", c + "/api/requests/" + requestA + "/decision", decision, 401),
                new Call("officer-a-wrong", "GET", q + "/api/requests/" + requestA, null, 401),
                // officer of A: nothing of B, even by B's request id; no supervisor or admin calls
                new Call("officer-a", "POST", c + "/api/requests/" + requestB + "/decision", decision, 403),
                new Call("officer-a", "GET", q + "/api/requests/" + requestB, null, 403),
                new Call("officer-a", "GET", q + "/api/requests/" + requestB + "/history", null, 403),
                new Call("officer-a", "GET", q + "/api/agencies/sec-b/annual-tables/2025", null, 403),
                new Call("officer-a", "GET", q + "/api/agencies/sec-b/worklist", null, 403),
                new Call("officer-a", "POST", c + "/api/agencies/sec-b/requests", "{}", 403),
                new Call("officer-a", "POST", c + "/api/requests/" + requestA + "/extension", extension, 403),
                new Call("officer-a", "POST", c + "/api/agencies/sec-a/years/2024/close", "", 403),
                new Call("officer-a", "POST", c + "/api/agencies", "{\"agencyId\":\"sec-x\",\"name\":\"某局\"}", 403),
                new Call("officer-a", "GET", c + "/api/users", null, 403),
                new Call("officer-a", "PUT", c + "/api/calendar/2019", "{\"daysOff\":[],\"source\":\"x\"}", 403),
                new Call("officer-a", "POST", q + "/api/admin/rebuild", "", 403),
                // auditors read, never write
                new Call("auditor-a", "POST", c + "/api/requests/" + requestA + "/decision", decision, 403),
                new Call("auditor-a", "GET", q + "/api/agencies/sec-b/annual-tables/2025", null, 403),
                new Call("auditor-all", "PUT", c + "/api/agencies/sec-a/years/2025/proactive-disclosure", "{}", 403),
                // the administrator manages, but does not handle requests
                new Call("admin", "POST", c + "/api/requests/" + requestA + "/decision", decision, 403),
                new Call("supervisor-a", "POST", c + "/api/requests/" + requestB + "/extension", extension, 403));

        long stored = services.eventStore().size();
        List<String> failures = new ArrayList<>();
        for (Call call : refused) {
            var response = call(call);
            if (response.status() != call.status() || !response.contentType().startsWith("application/problem+json")
                || response.json() == null || response.json().path("detail").asText().isBlank()) {
                failures.add(call + " → " + response.status() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(services.eventStore().size()).as("refused calls store nothing").isEqualTo(stored);

        // what each role may do
        assertThat(call(new Call("supervisor-a", "POST", c + "/api/requests/" + requestA + "/extension", extension, 200)).status())
                .isEqualTo(200);
        assertThat(call(new Call("supervisor-a", "POST", c + "/api/agencies/sec-a/years/2024/close", "", 200)).status())
                .isEqualTo(200);
        assertThat(call(new Call("officer-a", "POST", c + "/api/requests/" + requestA + "/decision", decision, 200)).status())
                .isEqualTo(200);
        api.awaitHistory(requestA, 3);
        assertThat(call(new Call("auditor-a", "GET", q + "/api/agencies/sec-a/annual-tables/2025", null, 200)).status())
                .isEqualTo(200);
        assertThat(call(new Call("auditor-all", "GET", q + "/api/agencies/sec-b/annual-tables/2025", null, 200)).status())
                .isEqualTo(200);

        // personal data: in full for the agency's own officers, masked for auditors
        JsonNode own = call(new Call("officer-a", "GET", q + "/api/requests/" + requestA, null, 200)).json();
        assertThat(own.get("applicant").get("name").asText()).isEqualTo("张三");
        JsonNode audited = call(new Call("auditor-all", "GET", q + "/api/requests/" + requestB, null, 200)).json();
        assertThat(audited.get("applicant").get("name").asText()).isEqualTo("张*");

        // every event names who caused it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> call(new Call("auditor-a", "GET",
                q + "/api/requests/" + requestA + "/history", null, 200)).json().get("events").size() == 4);
        JsonNode history = call(new Call("auditor-a", "GET", q + "/api/requests/" + requestA + "/history", null, 200)).json();
        List<String> recordedBy = new ArrayList<>();
        history.get("events").forEach(e -> recordedBy.add(e.get("recordedBy").asText()));
        // (its case number first: given by the officer's registration, in the same append)
        assertThat(recordedBy).containsExactly("officer-a", "officer-a", "supervisor-a", "officer-a");

        // users are listed without password material
        String users = admin.get(c + "/api/users").body();
        assertThat(users).contains("officer-a", "auditor-all").doesNotContain("password", "bcrypt", "$2a$");
    }

    @Test
    void the_user_api_refuses_bad_users_and_changes_nothing() {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        admin.post(services.commandUrl + "/api/agencies", "{\"agencyId\":\"sec-users\",\"name\":\"某区用户局\"}");
        String before = admin.get(services.commandUrl + "/api/users").body();
        List<String[]> bad = List.of(
                new String[]{"{\"username\":\"x1\",\"password\":\"short\",\"roles\":[\"OFFICER\"],\"agencies\":[\"sec-users\"]}", "400"},
                new String[]{"{\"username\":\"x2\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"OFFICER\"],\"agencies\":[\"*\"]}", "400"},
                new String[]{"{\"username\":\"x3\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"KING\"],\"agencies\":[\"sec-users\"]}", "400"},
                new String[]{"{\"username\":\"x4\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"OFFICER\"],\"agencies\":[\"nowhere\"]}", "404"},
                new String[]{"{\"username\":\"Bad Name\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"]}", "400"},
                new String[]{"{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"]}", "409"});
        for (String[] user : bad) {
            var response = admin.post(services.commandUrl + "/api/users", user[0]);
            assertThat(response.status()).as(user[0]).isEqualTo(Integer.parseInt(user[1]));
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(admin.get(services.commandUrl + "/api/users").body()).isEqualTo(before);
    }
}
