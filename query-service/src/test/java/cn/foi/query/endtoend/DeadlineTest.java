package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each request knows its due date (20 working days, holiday notices applied) and explains it. */
class DeadlineTest extends EndToEndTest {

    private JsonNode state(String requestId) {
        return services.get(services.queryUrl + "/api/requests/" + requestId).json();
    }

    @Test
    void due_dates_follow_the_holiday_notices_and_answers_are_judged_on_time_or_late() {
        String agency = "deadline-office";
        api.registerAgency(agency, "某区住房和城乡建设局");
        String springFestival = api.logRequest(agency, "2025-01-24", "ONLINE", "NATURAL_PERSON");
        String nationalDay = api.logRequest(agency, "2024-09-27", "LETTER", "COMMERCIAL_ENTERPRISE");
        api.decide(springFestival, "DISCLOSED", "2025-02-20");
        api.decide(nationalDay, "DISCLOSED", "2024-11-05");
        api.awaitHistory(springFestival, 2);
        api.awaitHistory(nationalDay, 2);

        JsonNode onTime = state(springFestival);
        assertThat(onTime.get("dueOn").asText()).isEqualTo("2025-02-27");
        assertThat(onTime.get("answered").asText()).isEqualTo("ON_TIME");
        assertThat(onTime.get("workingDaysLeft").isNull()).isTrue();
        assertThat(onTime.get("dueDateExplanation").toString()).contains("2025-01-26", "2025-02-08", "不计入");

        JsonNode late = state(nationalDay);
        assertThat(late.get("dueOn").asText()).isEqualTo("2024-10-30");
        assertThat(late.get("answered").asText()).isEqualTo("LATE");
    }

    @Test
    void the_worklist_puts_the_most_overdue_first_and_leaves_answered_requests_out() {
        String agency = "worklist-office";
        api.registerAgency(agency, "某区市场监督管理局");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String fresh = api.logRequest(agency, today, "ONLINE", "NATURAL_PERSON");
        String overdue = api.logRequest(agency, "2025-06-02", "ONLINE", "NATURAL_PERSON");
        String mostOverdue = api.logRequest(agency, "2025-03-03", "EMAIL", "RESEARCH_INSTITUTION");
        String answered = api.logRequest(agency, "2025-03-04", "EMAIL", "RESEARCH_INSTITUTION");
        api.decide(answered, "UNABLE_NOT_HELD", "2025-03-10");
        api.awaitHistory(answered, 2);

        List<String> order = new ArrayList<>();
        await().until(() -> {
            order.clear();
            JsonNode list = services.get(services.queryUrl + "/api/agencies/" + agency + "/worklist").json();
            list.get("requests").forEach(r -> order.add(r.get("requestId").asText()));
            return order.size() == 3;
        });
        assertThat(order).containsExactly(mostOverdue, overdue, fresh);
        JsonNode list = services.get(services.queryUrl + "/api/agencies/" + agency + "/worklist").json();
        assertThat(list.get("requests").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(list.get("requests").get(0).get("workingDaysLeft").asInt()).isNegative();
        assertThat(list.get("requests").get(2).get("overdue").asBoolean()).isFalse();
        assertThat(list.get("requests").get(2).get("workingDaysLeft").asInt()).isBetween(1, 20);
        assertThat(services.get(services.queryUrl + "/api/agencies/nobody-here/worklist").status()).isEqualTo(404);
    }
}
