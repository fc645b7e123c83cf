package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Applicant details (issue 17, item 4): checked, in full for the agency's officers only, a warning for a repeat. */
class ApplicantDetailsTest extends EndToEndTest {

    private static final String AGENCY = "applicant-details";
    private static final String PASSWORD = "Details-pass-2026";

    private Services.Response receive(String receivedOn, String subject, String idNumber) {
        return services.post(services.commandUrl + "/api/agencies/" + AGENCY + "/requests",
                "{\"receivedOn\":\"" + receivedOn + "\",\"channel\":\"ONLINE\",\"subject\":\"" + subject + "\",\"applicant\":{"
                + "\"type\":\"NATURAL_PERSON\",\"name\":\"周七\",\"idType\":\"RESIDENT_ID_CARD\",\"idNumber\":\"" + idNumber + "\","
                + "\"phone\":\"13812345678\",\"address\":\"宁夏银川市西夏区文昌北路 1 号\",\"email\":\"zhou.qi@example.cn\"}}");
    }

    private JsonNode state(Services.Client caller, String request) {
        await().atMost(Duration.ofSeconds(30)).until(() -> caller.get(services.queryUrl + "/api/requests/" + request)
                                                                  .json().at("/applicant/details").isObject());
        return caller.get(services.queryUrl + "/api/requests/" + request).json();
    }

    @Test
    void details_are_checked_shown_in_full_to_the_agency_only_and_a_similar_request_within_90_days_is_pointed_out() {
        api.registerAgency(AGENCY, "某区教育局");
        api.createUser("details-officer", PASSWORD, "OFFICER", AGENCY);
        api.createUser("details-auditor", PASSWORD, "AUDITOR", AGENCY);
        var officer = services.as("details-officer", PASSWORD);
        var auditor = services.as("details-auditor", PASSWORD);

        // a wrong check digit: 400, nothing stored, the number not echoed whole
        long stored = services.eventStore().size();
        var refused = receive("2026-09-01", "申请公开某小学学区划分方案", "110105194912310021");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("校验位不正确").doesNotContain("110105194912310021");
        assertThat(services.eventStore().size()).isEqualTo(stored);

        var first = receive("2026-09-01", "申请公开某小学学区划分方案", "11010519491231002X");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String firstId = first.json().get("requestId").asText();
        JsonNode full = state(officer, firstId);
        assertThat(full.at("/applicant/details/idNumber").asText()).isEqualTo("11010519491231002X");
        assertThat(full.at("/applicant/details/phone").asText()).isEqualTo("13812345678");
        JsonNode masked = state(auditor, firstId);
        assertThat(masked.at("/applicant/name").asText()).isEqualTo("周*");
        assertThat(masked.at("/applicant/details/idNumber").asText()).isEqualTo("1101**********002X");
        assertThat(masked.at("/applicant/details/email").asText()).isEqualTo("z******@example.cn");
        assertThat(masked.toString()).doesNotContain("13812345678", "文昌北路");
        // the history, read by auditors too, keeps them masked
        assertThat(api.awaitHistory(firstId, 2).toString()).contains("1101**********002X").doesNotContain("11010519491231002X");

        // the same applicant on a similar subject within 90 days: a warning for the officers, not a refusal
        var second = receive("2026-10-20", "申请公开某小学的学区划分方案", "11010519491231002X");
        assertThat(second.status()).isEqualTo(201);
        String secondId = second.json().get("requestId").asText();
        assertThat(state(officer, secondId).has("possibleRepeats")).as("only when asked for").isFalse();
        JsonNode repeats = officer.get(services.queryUrl + "/api/requests/" + secondId + "?possibleRepeats=true").json().get("possibleRepeats");
        assertThat(repeats.findValuesAsText("requestId")).containsExactly(firstId);
        assertThat(auditor.get(services.queryUrl + "/api/requests/" + secondId + "?possibleRepeats=true").json().has("possibleRepeats"))
                .as("not for those who do not see who asked").isFalse();
        String unrelated = receive("2026-10-21", "申请公开区教育局年度预算", "11010519491231002X").json().get("requestId").asText();
        state(officer, unrelated);
        assertThat(officer.get(services.queryUrl + "/api/requests/" + unrelated + "?possibleRepeats=true").json().get("possibleRepeats")).isEmpty();
    }
}
