package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The public HTTP API as a client script would use it. */
final class Api {

    private final Services services;

    Api(Services services) {
        this.services = services;
    }

    /** An account created by the administrator, with one role on one agency (and a display name, when given). */
    void createUser(String username, String password, String role, String agency, String displayName) {
        var created = services.as("admin", Services.ADMIN_PASSWORD).post(services.commandUrl + "/api/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"],\"agencies\":[\""
                + agency + "\"]" + (displayName == null ? "" : ",\"displayName\":\"" + displayName + "\"") + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    void createUser(String username, String password, String role, String agency) {
        createUser(username, password, role, agency, null);
    }

    void registerAgency(String agencyId, String name) {
        var response = services.post(services.commandUrl + "/api/agencies",
                                     "{\"agencyId\":\"" + agencyId + "\",\"name\":\"" + name + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    String logRequest(String agencyId, String receivedOn, String channel, String applicantType) {
        return logRequest(agencyId, receivedOn, channel, applicantType, "张三");
    }

    String logRequest(String agencyId, String receivedOn, String channel, String applicantType, String applicantName) {
        var response = services.post(services.commandUrl + "/api/agencies/" + agencyId + "/requests",
                                     "{\"receivedOn\":\"" + receivedOn + "\",\"channel\":\"" + channel
                                     + "\",\"applicant\":{\"type\":\"" + applicantType + "\",\"name\":\"" + applicantName + "\"},"
                                     + "\"subject\":\"申请公开某路段拆迁补偿方案\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("requestId").asText();
    }

    String importOpen(String agencyId, String receivedOn, String applicantType, int carriedOverInto) {
        var response = services.post(services.commandUrl + "/api/agencies/" + agencyId + "/carried-over-requests",
                                     "{\"receivedOn\":\"" + receivedOn + "\",\"channel\":\"LETTER\",\"applicant\":{\"type\":\""
                                     + applicantType + "\",\"name\":\"某单位\"},\"subject\":\"上年未办结申请\","
                                     + "\"carriedOverInto\":" + carriedOverInto + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("requestId").asText();
    }

    void decide(String requestId, String result, String decidedOn) {
        var response = services.post(services.commandUrl + "/api/requests/" + requestId + "/decision",
                                     "{\"result\":\"" + result + "\",\"decidedOn\":\"" + decidedOn + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    int closeYear(String agencyId, int year) {
        var response = services.post(services.commandUrl + "/api/agencies/" + agencyId + "/years/" + year + "/close", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("carriedForward").asInt();
    }

    /**
     * Publishes the report of a year already closed, once the query side knows it closed, and answers the address of
     * the publication's check against today's records (which agree at first).
     */
    String publishClosedYear(String agencyId, int year) {
        String report = services.queryUrl + "/api/agencies/" + agencyId + "/annual-reports/" + year;
        await().atMost(Duration.ofSeconds(30)).until(() -> services.get(report).json().path("closed").asBoolean());
        var published = services.post(services.commandUrl + "/api/agencies/" + agencyId + "/annual-reports/" + year + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String check = report + "/publications/" + published.json().get("publication").asInt() + "/check";
        assertThat(services.get(check).json().get("matches").asBoolean()).isTrue();
        return check;
    }

    JsonNode table(String agencyId, int year) {
        var response = services.get(services.queryUrl + "/api/agencies/" + agencyId + "/annual-tables/" + year);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    String tableText(String agencyId, int year) {
        var response = services.get(services.queryUrl + "/api/agencies/" + agencyId + "/annual-tables/" + year
                                    + "?format=text");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /**
     * Polls (the query side is eventually consistent) until the request's history has n events of its own handling
     * (its case number, an event of its agency's case book, is not counted: it may arrive before or after them).
     */
    JsonNode awaitHistory(String requestId, int events) {
        AtomicReference<JsonNode> history = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = services.get(services.queryUrl + "/api/requests/" + requestId + "/history");
            if (response.status() != 200 || response.json().get("events").findValuesAsText("type").stream()
                                                              .filter(type -> !type.equals("CaseNumberIssued")).count() < events) {
                return false;
            }
            history.set(response.json());
            return true;
        });
        return history.get();
    }

    /** Polls until the table of the year satisfies the check. */
    JsonNode awaitTable(String agencyId, int year, java.util.function.Predicate<JsonNode> check) {
        AtomicReference<JsonNode> table = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = services.get(services.queryUrl + "/api/agencies/" + agencyId + "/annual-tables/" + year);
            if (response.status() != 200 || !check.test(response.json())) {
                return false;
            }
            table.set(response.json());
            return true;
        });
        return table.get();
    }
}
