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

    @Test
    void an_extension_moves_the_due_date_and_an_answer_within_it_is_on_time_after_extension() {
        String agency = "extension-office";
        api.registerAgency(agency, "某区人力资源和社会保障局");
        String request = api.logRequest(agency, "2025-01-24", "IN_PERSON", "LEGAL_SERVICE_INSTITUTION");
        var extended = services.post(services.commandUrl + "/api/requests/" + request + "/extension",
                "{\"grantedOn\":\"2025-02-20\",\"workingDays\":10,\"approvedBy\":\"李主任\",\"reason\":\"需调取档案\"}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        var again = services.post(services.commandUrl + "/api/requests/" + request + "/extension",
                "{\"grantedOn\":\"2025-02-21\",\"workingDays\":5,\"approvedBy\":\"李主任\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        api.decide(request, "PARTIALLY_DISCLOSED", "2025-03-05");
        api.awaitHistory(request, 3);

        JsonNode state = state(request);
        // 10 more working days after 27 Feb: 28 Feb, 3–7 Mar, 10–13 Mar
        assertThat(state.get("dueOn").asText()).isEqualTo("2025-03-13");
        assertThat(state.get("answered").asText()).isEqualTo("ON_TIME_AFTER_EXTENSION");
        assertThat(state.get("dueDateExplanation").toString()).contains("2025-02-27", "李主任", "延长 10 个工作日");
    }

    @Test
    void while_a_correction_is_awaited_there_is_no_due_date_and_the_corrected_request_restarts_the_clock() {
        String agency = "correction-office";
        api.registerAgency(agency, "某区自然资源局");
        String request = api.logRequest(agency, "2025-01-24", "ONLINE", "NATURAL_PERSON");
        var asked = services.post(services.commandUrl + "/api/requests/" + request + "/correction-request",
                "{\"requestedOn\":\"2025-02-05\",\"dueOn\":\"2025-02-20\",\"items\":[\"具体文件名称\"]}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        api.awaitHistory(request, 2);
        JsonNode waiting = state(request);
        assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_CORRECTION");
        assertThat(waiting.get("dueOn").isNull()).isTrue();
        JsonNode worklist = services.get(services.queryUrl + "/api/agencies/" + agency + "/worklist").json();
        assertThat(worklist.get("requests").get(0).get("pausedBecause").asText()).contains("补正");

        var corrected = services.post(services.commandUrl + "/api/requests/" + request + "/correction",
                                      "{\"receivedOn\":\"2025-02-20\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        api.awaitHistory(request, 3);
        JsonNode running = state(request);
        assertThat(running.get("status").asText()).isEqualTo("OPEN");
        assertThat(running.get("dueOn").asText()).isEqualTo("2025-03-20");
        assertThat(running.get("dueDateExplanation").toString()).contains("收到补正");
    }

    @Test
    void a_consultation_pauses_the_clock_and_its_days_do_not_count() {
        String agency = "consultation-office";
        api.registerAgency(agency, "某区发展和改革局");
        String request = api.logRequest(agency, "2025-03-03", "ONLINE", "COMMERCIAL_ENTERPRISE");
        var sent = services.post(services.commandUrl + "/api/requests/" + request + "/consultations",
                                 "{\"party\":\"某公司\",\"kind\":\"THIRD_PARTY\",\"sentOn\":\"2025-03-10\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        api.awaitHistory(request, 2);
        assertThat(state(request).get("status").asText()).isEqualTo("PAUSED");
        assertThat(state(request).get("dueOn").isNull()).isTrue();
        var replied = services.post(services.commandUrl + "/api/requests/" + request + "/consultations/"
                                    + sent.json().get("consultationId").asText() + "/reply",
                                    "{\"repliedOn\":\"2025-03-14\",\"consents\":false}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        api.awaitHistory(request, 3);
        JsonNode running = state(request);
        assertThat(running.get("dueOn").asText()).isEqualTo("2025-04-07");
        assertThat(running.get("dueDateExplanation").toString()).contains("征求某公司意见");
    }

    @Test
    void an_unpaid_fee_stops_the_clock_and_the_days_until_payment_do_not_count() {
        String agency = "fee-office";
        api.registerAgency(agency, "某区档案馆");
        String request = api.logRequest(agency, "2025-01-24", "ONLINE", "NATURAL_PERSON");
        var noticed = services.post(services.commandUrl + "/api/requests/" + request + "/fee-notice",
                "{\"issuedOn\":\"2025-02-06\",\"amountYuan\":1250.50,\"basis\":\"BY_VOLUME\",\"dueOn\":\"2025-02-28\"}");
        assertThat(noticed.status()).as(noticed.body()).isEqualTo(200);
        api.awaitHistory(request, 2);
        JsonNode waiting = state(request);
        assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(waiting.get("dueOn").isNull()).isTrue();
        assertThat(waiting.get("fee").get("amountYuan").asText()).isEqualTo("1250.50");
        JsonNode worklist = services.get(services.queryUrl + "/api/agencies/" + agency + "/worklist").json();
        assertThat(worklist.get("requests").get(0).get("pausedBecause").asText()).contains("缴纳");
        assertThat(worklist.get("requests").get(0).get("applicantDueOn").asText()).isEqualTo("2025-02-28");

        // closing it as unpaid before the payment period is over is refused and changes nothing
        var early = services.post(services.commandUrl + "/api/requests/" + request + "/decision",
                                  "{\"result\":\"OTHER_FEE_UNPAID\",\"decidedOn\":\"2025-02-27\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.contentType()).startsWith("application/problem+json");

        var paid = services.post(services.commandUrl + "/api/requests/" + request + "/fee-payment",
                                 "{\"paidOn\":\"2025-02-20\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        api.awaitHistory(request, 3);
        JsonNode running = state(request);
        assertThat(running.get("status").asText()).isEqualTo("OPEN");
        // 27 Feb plus the 11 working days 7–20 Feb (make-up Saturday 8 Feb included) that did not count
        assertThat(running.get("dueOn").asText()).isEqualTo("2025-03-14");
        assertThat(running.get("dueDateExplanation").toString()).contains("等待缴费");
        assertThat(services.get(services.queryUrl + "/api/requests/" + request + "/history").json()
                           .get("events")).as("its case number, receipt, fee notice and payment").hasSize(4);
    }
}
