package cn.foi.query.endtoend;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem+json answer and changes nothing. */
class BadInputTest extends EndToEndTest {


    record Call(String path, String body, int status) {
    }

    @Test
    void every_refused_command_answers_problem_json_with_a_detail_and_stores_nothing() {
        String agency = "bad-input";
        api.registerAgency(agency, "某市司法局");
        String request = api.logRequest(agency, "2025-03-03", "ONLINE", "NATURAL_PERSON");
        String decided = api.logRequest(agency, "2025-03-04", "FAX", "NATURAL_PERSON");
        api.decide(decided, "DISCLOSED", "2025-03-10");
        String body = "{\"receivedOn\":\"2025-03-03\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                      + "\"name\":\"张三\"},\"subject\":\"某事项\"}";

        List<Call> calls = List.of(
                new Call("/api/agencies", "{not json", 400),
                new Call("/api/agencies", "{\"agencyId\":\"x-office\"}", 400),
                new Call("/api/agencies", "{\"agencyId\":\"Bad Id!\",\"name\":\"某局\"}", 400),
                new Call("/api/agencies", "{\"agencyId\":\"" + agency + "\",\"name\":\"重复\"}", 409),
                new Call("/api/agencies/no-such-agency/requests", body, 404),
                new Call("/api/agencies/" + agency + "/requests", body.replace("ONLINE", "PIGEON"), 400),
                new Call("/api/agencies/" + agency + "/requests", body.replace("NATURAL_PERSON", "ALIEN"), 400),
                new Call("/api/agencies/" + agency + "/requests", body.replace("2025-03-03", "2025-13-45"), 400),
                new Call("/api/agencies/" + agency + "/requests", body.replace("2025-03-03", "2999-01-01"), 422),
                new Call("/api/agencies/" + agency + "/requests", body.replace("\"subject\":\"某事项\"", "\"subject\":\"\""), 400),
                new Call("/api/agencies/" + agency + "/requests", "", 400),
                new Call("/api/agencies/" + agency + "/requests", "{\"receivedOn\":\"2025-03-03\",\"channel\":\"ONLINE\",\"subject\":\"x\"}", 400),
                new Call("/api/requests/" + request + "/decision", "{\"result\":\"MAYBE\",\"decidedOn\":\"2025-03-20\"}", 400),
                new Call("/api/requests/" + request + "/decision", "{\"result\":\"DISCLOSED\"}", 400),
                new Call("/api/requests/no-such-request/decision", "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-03-20\"}", 404),
                new Call("/api/requests/" + request + "/decision", "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2025-03-02\"}", 422),
                new Call("/api/requests/" + request + "/decision", "{\"result\":\"DISCLOSED\",\"decidedOn\":\"2999-03-02\"}", 422),
                new Call("/api/requests/" + decided + "/decision", "{\"result\":\"NOT_PROCESSED_DUPLICATE\",\"decidedOn\":\"2025-03-20\"}", 409),
                new Call("/api/agencies/" + agency + "/years/2999/close", "", 422),
                new Call("/api/agencies/" + agency + "/years/last/close", "", 400),
                new Call("/api/agencies/no-such-agency/years/2024/close", "", 404),
                // the case workflow: fees, corrections, extensions, consultations
                new Call("/api/requests/" + request + "/fee-notice", "{\"issuedOn\":\"2025-03-05\",\"amountYuan\":0,\"basis\":\"BY_VOLUME\",\"dueOn\":\"2025-03-25\"}", 400),
                new Call("/api/requests/" + request + "/fee-notice", "{\"issuedOn\":\"2025-03-05\",\"amountYuan\":100,\"basis\":\"BY_WEIGHT\",\"dueOn\":\"2025-03-25\"}", 400),
                new Call("/api/requests/" + request + "/fee-notice", "{\"issuedOn\":\"2025-03-05\",\"amountYuan\":100,\"basis\":\"BY_VOLUME\",\"dueOn\":\"2025-03-04\"}", 422),
                new Call("/api/requests/" + decided + "/fee-notice", "{\"issuedOn\":\"2025-03-11\",\"amountYuan\":100,\"basis\":\"BY_VOLUME\",\"dueOn\":\"2025-03-25\"}", 409),
                new Call("/api/requests/" + request + "/fee-payment", "{\"paidOn\":\"2025-03-06\"}", 409),
                new Call("/api/requests/" + request + "/decision", "{\"result\":\"OTHER_FEE_UNPAID\"}", 400),
                new Call("/api/requests/" + request + "/correction-request", "{\"requestedOn\":\"2025-03-31\",\"dueOn\":\"2025-04-15\"}", 422),
                new Call("/api/requests/" + request + "/correction", "{\"receivedOn\":\"2025-03-06\"}", 409),
                new Call("/api/requests/" + request + "/extension", "{\"grantedOn\":\"2025-03-10\",\"workingDays\":21,\"approvedBy\":\"李主任\"}", 422),
                new Call("/api/requests/" + request + "/extension", "{\"grantedOn\":\"2025-03-10\",\"workingDays\":5}", 400),
                new Call("/api/requests/" + request + "/consultations", "{\"party\":\"某公司\",\"kind\":\"NEIGHBOUR\",\"sentOn\":\"2025-03-05\"}", 400),
                new Call("/api/requests/" + request + "/consultations/no-such/reply", "{\"repliedOn\":\"2025-03-06\"}", 404));

        long stored = services.eventStore().size();
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            var response = services.post(services.commandUrl + call.path(), call.body());
            if (response.status() != call.status() || !response.contentType().startsWith("application/problem+json")
                    || response.json() == null || !response.json().path("detail").asText().matches("(?s).*\\p{IsHan}.*")) {
                failures.add(call + " → " + response.status() + " " + response.contentType() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(services.eventStore().size()).isEqualTo(stored);
    }

    @Test
    void refused_queries_answer_problem_json() {
        api.registerAgency("bad-query", "某区财政局");
        for (String path : List.of("/api/agencies/no-such-agency/annual-tables/2024",
                                   "/api/requests/no-such-request/history",
                                   "/api/requests/no-such-request")) {
            var response = services.get(services.queryUrl + path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("detail").asText()).isNotBlank();
        }
        api.awaitTable("bad-query", 2024, t -> true);
        for (String query : List.of("/annual-tables/1900", "/annual-tables/next", "/annual-tables/2024?format=pdf",
                                    "/annual-tables/2024?zero=x")) {
            var response = services.get(services.queryUrl + "/api/agencies/bad-query" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void refusals_spring_writes_itself_are_in_chinese_too() {
        for (String url : List.of(services.queryUrl + "/api/no-such-thing", services.commandUrl + "/api/no-such-thing",
                                  services.queryUrl + "/command/api/no-such-thing")) {
            var response = services.get(url);
            assertThat(response.status()).as(url).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("detail").asText()).as(url).startsWith("没有这个地址：")
                                                                 .doesNotContainPattern(cn.foi.access.ProblemText.TRAILING_ENGLISH);
            assertThat(response.json().path("hint").asText()).as("Spring's words, for API clients").contains("No static resource");
        }
        var wrongMethod = services.get(services.commandUrl + "/api/agencies");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("detail").asText()).isEqualTo("地址 /api/agencies 不接受 GET 请求");
        assertThat(wrongMethod.json().path("title").asText()).isEqualTo("不支持此请求方法");
    }

    @Test
    void refused_figures_of_the_old_statistics_form_say_why_and_store_nothing() {
        String agency = "bad-legacy";
        api.registerAgency(agency, "某县档案局");
        String figures = "/api/agencies/" + agency + "/years/%d/legacy-figures";
        List<Call> calls = List.of(
                new Call(figures.formatted(2019), "{\"PROACTIVE_ITEMS\":1}", 422),
                new Call(figures.formatted(2016), "{\"PROACTIVE_ITEMS\":-1}", 400),
                new Call(figures.formatted(2016), "{\"PROACTIVE_ITEMS\":1.5}", 400),
                new Call(figures.formatted(2016), "{\"RECEIVED\":3}", 400),
                new Call(figures.formatted(2016), "{\"NO_SUCH_ITEM\":3}", 400),
                new Call(figures.formatted(2016), "{}", 400),
                new Call("/api/agencies/no-such-agency/years/2016/legacy-figures", "{\"PROACTIVE_ITEMS\":1}", 404));

        long stored = services.eventStore().size();
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            var response = services.put(services.commandUrl + call.path(), call.body());
            if (response.status() != call.status() || !response.contentType().startsWith("application/problem+json")
                    || !response.json().path("detail").asText().matches("(?s).*\\p{IsHan}.*")) {
                failures.add(call + " → " + response.status() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(services.eventStore().size()).isEqualTo(stored);
        assertThat(services.put(services.commandUrl + figures.formatted(2016), "{\"PROACTIVE_ITEMS\":120}").status()).isEqualTo(200);
    }
}
