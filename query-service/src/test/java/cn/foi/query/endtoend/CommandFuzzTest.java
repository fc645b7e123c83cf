package cn.foi.query.endtoend;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the command API (jqwik): thousands of malformed or rule-breaking bodies sent
 * to every command endpoint, each aimed where it must fail (a decided request in a closed year, an unknown
 * agency, a year not yet ended). Every one is answered 4xx with problem+json and a detail a person can read
 * (Chinese), and the event store is unchanged afterwards.
 */
class CommandFuzzTest {

    private static final String AGENCY = "fuzz-office";
    private static Services services;
    private static String decided;
    private static long storedBefore;

    @BeforeContainer
    static void prepare() {
        services = Services.shared();
        Api api = new Api(services);
        api.registerAgency(AGENCY, "模糊测试机构");
        decided = api.logRequest(AGENCY, "2024-03-04", "ONLINE", "NATURAL_PERSON");
        api.decide(decided, "DISCLOSED", "2024-03-20");
        api.closeYear(AGENCY, 2024);
        storedBefore = services.eventStore().size();
    }

    @AfterContainer
    static void nothingWasStored() {
        // when prepare() failed, jqwik reports only this method's failure: leave prepare's own error standing
        if (services != null) {
            assertThat(services.eventStore().size()).as("events stored by refused calls").isEqualTo(storedBefore);
        }
    }

    @Property(tries = 2000, seed = "20261123")
    void every_malformed_or_rule_breaking_command_is_refused_with_a_readable_problem(@ForAll("commands") Call call) {
        var response = call.put() ? services.put(services.commandUrl + call.path(), call.body())
                                  : services.post(services.commandUrl + call.path(), call.body());
        assertThat(response.status()).as(call + " → " + response.body()).isBetween(400, 499);
        assertThat(response.contentType()).as(call.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).as(call + " → " + response.body())
                                                           .containsPattern("\\p{IsHan}")
                                                           // people read Chinese only; an English hint has its own field
                                                           .doesNotContainPattern(cn.foi.access.ProblemText.TRAILING_ENGLISH);
    }

    record Call(String path, String body, boolean put) {
    }

    @Provide
    Arbitrary<Call> commands() {
        Arbitrary<String> body = Arbitraries.oneOf(jsonBodies(), garbage());
        Arbitrary<String> path = Arbitraries.of(
                "/api/agencies/no-such-agency/requests",
                "/api/agencies/no-such-agency/carried-over-requests",
                "/api/requests/" + decided + "/decision",
                "/api/requests/" + decided + "/extension",
                "/api/requests/" + decided + "/correction-request",
                "/api/requests/" + decided + "/correction",
                "/api/requests/" + decided + "/fee-notice",
                "/api/requests/" + decided + "/fee-payment",
                "/api/requests/" + decided + "/consultations",
                "/api/requests/no-such-request/decision",
                "/api/reviews/no-such-review/conclusion",
                "/api/agencies/" + AGENCY + "/years/2999/close",
                "/api/agencies/" + AGENCY + "/years/2024/close",
                "PUT /api/agencies/" + AGENCY + "/years/2024/proactive-disclosure",
                "/api/agencies");
        return Combinators.combine(path, body).as((p, b) -> p.startsWith("PUT ")
                ? new Call(p.substring(4), b, true)
                : new Call(p, p.equals("/api/agencies") ? agencyBody(b) : b, false));
    }

    /** Registration bodies that must fail: the id taken, or not a valid id. */
    private static String agencyBody(String body) {
        return body.startsWith("{") && body.length() % 2 == 0
                ? "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"重复\"}" : body.replace("\"agencyId\"", "\"agencyId \"");
    }

    private static Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", "{", "[]", "null", "{\"a\":", "\"x\"", "{}}", "{\"result\":}", "{'single':'quotes'}"));
    }

    private static Arbitrary<String> jsonBodies() {
        Arbitrary<String> key = Arbitraries.of("receivedOn", "decidedOn", "result", "channel", "applicant", "subject",
                                               "grantedOn", "workingDays", "approvedBy", "requestedOn", "dueOn", "items",
                                               "issuedOn", "amountYuan", "basis", "paidOn", "party", "kind", "sentOn",
                                               "concludedOn", "carriedOverInto", "agencyId", "name", "RULES", "note");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("\"2025-02-30\"", "\"2025-13-01\"", "\"tomorrow\"", "\"\"", "\"2999-01-01\"", "\"1900-01-01\"",
                               "\"2025-03-10\"", "\"2024-03-10\"", "null", "true", "[]", "{}", "-1", "0", "21", "1e309",
                               "99999999999999999999", "\"DISCLOSED\"", "\"MAYBE\"", "\"ONLINE\"", "\"PIGEON\"",
                               "\"NATURAL_PERSON\"", "{\"type\":\"ALIEN\"}", "{\"type\":\"NATURAL_PERSON\"}",
                               "\"BY_VOLUME\"", "\"THIRD_PARTY\"", "\"UPHELD\"", "{\"MADE\":-3}", "\"<script>\""),
                Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""),
                Arbitraries.integers().map(String::valueOf));
        return Combinators.combine(key, value).as(Map::entry).list().ofMaxSize(6)
                          .map(entries -> entries.stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                                                 .collect(Collectors.joining(",", "{", "}")));
    }

    /** Collected only to show the spread of answers in the output. */
    static final List<Integer> statuses = new ArrayList<>();
}
