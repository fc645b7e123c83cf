package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A holiday notice loaded after the release (admin call or file) reaches every open request's due date
 * and the command rules at once. Years 2018 and 2019 are used by no other test, since the calendar is shared.
 */
class CalendarTest extends EndToEndTest {

    private static final String NOTICE_2019 = """
            # 2019 年部分节假日安排（国办发明电〔2018〕15号）
            year: 2019
            days-off: 2019-01-01, 2019-02-04..2019-02-10, 2019-04-05..2019-04-07, 2019-05-01..2019-05-04, 2019-06-07..2019-06-09, 2019-09-13..2019-09-15, 2019-10-01..2019-10-07
            make-up-working-days: 2019-02-02, 2019-02-03, 2019-04-28, 2019-05-05, 2019-09-29, 2019-10-12
            """;

    private JsonNode state(String requestId) {
        return services.get(services.queryUrl + "/api/requests/" + requestId).json();
    }

    @Test
    void a_notice_published_by_an_admin_call_moves_the_due_dates_of_that_year_and_the_rules_follow() {
        String agency = "calendar-office";
        api.registerAgency(agency, "某区退役军人事务局");
        String request = api.logRequest(agency, "2019-01-25", "ONLINE", "NATURAL_PERSON");
        api.awaitHistory(request, 1);
        // received before 15 May 2019: 15 working days (2008 Regulations, Art. 24). No notice for 2019 yet: Monday to
        // Friday, and the answer says it is provisional
        JsonNode provisional = state(request);
        assertThat(provisional.get("dueOn").asText()).isEqualTo("2019-02-15");
        assertThat(provisional.get("dueDateProvisional").asBoolean()).isTrue();
        assertThat(provisional.get("dueDateExplanation").toString()).contains("暂按周一至周五");
        // by that count the original period is over on 19 Feb: no extension
        String extension = "{\"grantedOn\":\"2019-02-19\",\"workingDays\":5,\"approvedBy\":\"李主任\"}";
        assertThat(services.post(services.commandUrl + "/api/requests/" + request + "/extension", extension).status())
                .isEqualTo(422);

        var published = services.putText(services.commandUrl + "/api/calendar/2019", NOTICE_2019);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("changed").asBoolean()).isTrue();
        assertThat(published.json().get("source").asText()).contains("国办发明电〔2018〕15号");
        // Spring Festival 4–8 Feb off, Saturday 2 and Sunday 3 Feb worked: due 20 Feb
        await().until(() -> "2019-02-20".equals(state(request).get("dueOn").asText()));
        assertThat(state(request).get("dueDateProvisional").asBoolean()).isFalse();
        assertThat(state(request).get("dueDateExplanation").toString()).contains("2019-02-02", "2019-02-03");
        // the command side counts with the notice too: the period now runs to 20 Feb
        var granted = services.post(services.commandUrl + "/api/requests/" + request + "/extension", extension);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);

        // the same notice again changes nothing
        var again = services.putText(services.commandUrl + "/api/calendar/2019", NOTICE_2019);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        JsonNode calendar = services.get(services.queryUrl + "/api/calendar").json();
        JsonNode year2019 = null;
        for (JsonNode year : calendar.get("years")) {
            if (year.get("year").asInt() == 2019) {
                year2019 = year;
            }
        }
        assertThat(year2019).isNotNull();
        assertThat(year2019.get("origin").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void a_notice_dropped_as_a_file_is_loaded_at_start_and_a_bad_notice_is_refused() {
        await().until(() -> services.get(services.queryUrl + "/api/calendar").json().get("years").toString()
                                    .contains("国办发明电〔2017〕12号"));
        String agency = "calendar-file-office";
        api.registerAgency(agency, "某区应急管理局");
        String request = api.logRequest(agency, "2018-02-09", "LETTER", "NATURAL_PERSON");
        api.awaitHistory(request, 1);
        // received before 15 May 2019: 15 working days (2008 Regulations, Art. 24); 11 Feb (Sunday) and 24 Feb
        // (Saturday) worked, 15–21 Feb off: due 7 Mar rather than 2 Mar
        assertThat(state(request).get("dueOn").asText()).isEqualTo("2018-03-07");

        var weekdayMakeUp = services.put(services.commandUrl + "/api/calendar/2019",
                "{\"daysOff\":[\"2019-01-01\"],\"makeUpWorkingDays\":[\"2019-01-02\"],\"source\":\"测试\"}");
        assertThat(weekdayMakeUp.status()).isEqualTo(400);
        assertThat(weekdayMakeUp.contentType()).startsWith("application/problem+json");
        assertThat(weekdayMakeUp.json().get("detail").asText()).contains("不是周末");
        var wrongYear = services.putText(services.commandUrl + "/api/calendar/2019", "year: 2020\ndays-off: 2020-01-01\n");
        assertThat(wrongYear.status()).isEqualTo(400);
        var tooFarAhead = services.put(services.commandUrl + "/api/calendar/2099",
                "{\"daysOff\":[\"2099-01-01\"],\"source\":\"测试\"}");
        assertThat(tooFarAhead.status()).isEqualTo(422);
    }
}
