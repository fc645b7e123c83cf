package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Processing-time figures of a year, every number counted by hand on the 2025 calendar. */
class MetricsTest extends EndToEndTest {

    private void post(String path, String body) {
        var response = services.post(services.commandUrl + path, body);
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
    }

    @Test
    void a_years_answers_are_measured_in_working_days_and_its_backlog_is_what_was_overdue_at_its_end() {
        String agency = "metrics-office";
        api.registerAgency(agency, "某区城市管理局");
        // answered in 15 working days (26 Jan and 8 Feb were make-up working days), within the 20
        String onTime = api.logRequest(agency, "2025-01-24", "ONLINE", "NATURAL_PERSON");
        api.decide(onTime, "DISCLOSED", "2025-02-20");
        // due 31 Mar, answered 10 Apr: 27 working days (Qingming, 4 Apr, did not count)
        String late = api.logRequest(agency, "2025-03-03", "LETTER", "NATURAL_PERSON");
        api.decide(late, "DISCLOSED", "2025-04-10");
        // extended by 10 to 13 Mar, answered 5 Mar after 24 working days
        String extended = api.logRequest(agency, "2025-01-24", "ONLINE", "COMMERCIAL_ENTERPRISE");
        post("/api/requests/" + extended + "/extension",
             "{\"grantedOn\":\"2025-02-20\",\"workingDays\":10,\"approvedBy\":\"李主任\"}");
        api.decide(extended, "PARTIALLY_DISCLOSED", "2025-03-05");
        // fee notice on 6 Feb, never paid, closed as unpaid: the clock ran 4 working days
        String unpaid = api.logRequest(agency, "2025-01-24", "ONLINE", "NATURAL_PERSON");
        post("/api/requests/" + unpaid + "/fee-notice",
             "{\"issuedOn\":\"2025-02-06\",\"amountYuan\":200,\"basis\":\"PER_APPLICATION\",\"dueOn\":\"2025-02-28\"}");
        api.decide(unpaid, "OTHER_FEE_UNPAID", "2025-03-03");
        // pending at the end of 2025: due 1 Dec, answered only in 2026 — overdue by 22 working days at year end
        String overdueAtYearEnd = api.logRequest(agency, "2025-11-03", "EMAIL", "NATURAL_PERSON");
        api.decide(overdueAtYearEnd, "DISCLOSED", "2026-01-09");
        // pending, clock stopped by a fee notice since 10 Nov
        String awaitingFee = api.logRequest(agency, "2025-11-04", "EMAIL", "NATURAL_PERSON");
        post("/api/requests/" + awaitingFee + "/fee-notice",
             "{\"issuedOn\":\"2025-11-10\",\"amountYuan\":100,\"basis\":\"PER_APPLICATION\",\"dueOn\":\"2025-11-30\"}");
        // pending: due 29 Dec, overdue by 2 at year end
        String dueInDecember = api.logRequest(agency, "2025-12-01", "ONLINE", "NATURAL_PERSON");
        // pending: due 13 Jan 2026 (1–3 Jan off, Sunday 4 Jan a make-up working day)
        String dueInJanuary = api.logRequest(agency, "2025-12-15", "ONLINE", "NATURAL_PERSON");
        api.awaitHistory(dueInJanuary, 1);
        api.awaitHistory(overdueAtYearEnd, 2);
        api.awaitHistory(awaitingFee, 2);

        JsonNode metrics = services.get(services.queryUrl + "/api/agencies/" + agency + "/metrics/2025").json();
        assertThat(metrics.get("asOf").asText()).isEqualTo("2025-12-31");
        JsonNode answered = metrics.get("answered");
        assertThat(answered.get("count").asInt()).isEqualTo(4);
        assertThat(answered.get("minWorkingDays").asInt()).isEqualTo(4);
        assertThat(answered.get("maxWorkingDays").asInt()).isEqualTo(27);
        assertThat(answered.get("medianWorkingDays").decimalValue()).isEqualByComparingTo("19.5");
        assertThat(answered.get("meanWorkingDays").decimalValue()).isEqualByComparingTo("17.5");
        JsonNode timeliness = metrics.get("timeliness");
        assertThat(timeliness.get("ON_TIME").asInt()).isEqualTo(2);
        assertThat(timeliness.get("ON_TIME_AFTER_EXTENSION").asInt()).isEqualTo(1);
        assertThat(timeliness.get("LATE").asInt()).isEqualTo(1);

        assertThat(metrics.get("pending").asInt()).isEqualTo(4);
        List<String> oldest = new ArrayList<>();
        metrics.get("oldestPending").forEach(r -> oldest.add(r.get("requestId").asText()));
        assertThat(oldest).containsExactly(overdueAtYearEnd, awaitingFee, dueInDecember, dueInJanuary);
        JsonNode first = metrics.get("oldestPending").get(0);
        assertThat(first.get("dueOn").asText()).isEqualTo("2025-12-01");
        assertThat(first.get("workingDaysOverdue").asInt()).isEqualTo(22);
        assertThat(metrics.get("oldestPending").get(1).get("pausedBecause").asText()).contains("缴纳");
        assertThat(metrics.get("oldestPending").get(3).get("dueOn").asText()).isEqualTo("2026-01-13");
        List<String> backlog = new ArrayList<>();
        metrics.get("backlog").get("requestIds").forEach(r -> backlog.add(r.asText()));
        assertThat(backlog).containsExactlyInAnyOrder(overdueAtYearEnd, dueInDecember);

        // the next year counts what was answered in it, and a year not begun or an unknown agency is refused
        await().until(() -> services.get(services.queryUrl + "/api/agencies/" + agency + "/metrics/2026").json()
                                    .get("answered").get("count").asInt() == 1);
        assertThat(services.get(services.queryUrl + "/api/agencies/" + agency + "/metrics/2999").status()).isEqualTo(422);
        assertThat(services.get(services.queryUrl + "/api/agencies/nobody/metrics/2025").status()).isEqualTo(404);
    }
}
