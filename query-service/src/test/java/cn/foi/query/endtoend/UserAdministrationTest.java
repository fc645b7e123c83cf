package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * User administration on the record: every change to an account is an event of the log with who and when, read
 * back as the user's history, never with password material; display names stand in histories for logins; an
 * account can be disabled; users change their own passwords; weak ones are refused and change nothing.
 */
class UserAdministrationTest extends EndToEndTest {

    private static final String AGENCY = "user-administration";
    private static final String PASSWORD = "first-password-1";

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    @Test
    void every_change_to_an_account_is_in_its_history_with_who_and_when_and_no_password_material() {
        api.registerAgency(AGENCY, "某县人事局");
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        String users = services.commandUrl + "/api/users";
        var created = admin.post(users, "{\"username\":\"zhao-officer\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"赵科员\","
                + "\"roles\":[\"OFFICER\"],\"agencies\":[\"" + AGENCY + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("displayName").asText()).isEqualTo("赵科员");

        // roles and grants, the display name, a password reset by the administrator
        assertThat(admin.put(users + "/zhao-officer", "{\"roles\":[\"OFFICER\",\"SUPERVISOR\"],\"agencies\":[\"" + AGENCY + "\"],"
                + "\"displayName\":\"赵科长\",\"password\":\"second-password-2\"}").status()).isEqualTo(200);
        // disabled: no sign-in, with the reason; enabled again
        assertThat(admin.post(users + "/zhao-officer/disable", "").status()).isEqualTo(200);
        var refused = services.as("zhao-officer", "second-password-2").get(services.commandUrl + "/api/users");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).contains("账户已停用");
        assertThat(admin.post(users + "/zhao-officer/enable", "").status()).isEqualTo(200);
        var officer = services.as("zhao-officer", "second-password-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> officer.get(services.queryUrl + "/api/agencies").status() == 200);

        // the user changes their own password: the current one is required, a weak one is refused and changes nothing
        String own = services.commandUrl + "/api/account/password";
        var wrongCurrent = officer.put(own, "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"third-password-3\"}");
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().get("detail").asText()).contains("当前密码不正确");
        for (String weak : new String[]{"short-1", "aaaaaaaaaaaa", "abcdefghijkl", "zhao-officer-1"}) {
            var tooWeak = officer.put(own, "{\"currentPassword\":\"second-password-2\",\"newPassword\":\"" + weak + "\"}");
            assertThat(tooWeak.status()).as(weak).isEqualTo(400);
            assertThat(tooWeak.contentType()).contains("problem+json");
            assertThat(tooWeak.json().get("detail").asText()).containsPattern("密码(至少|太弱)");
        }
        assertThat(officer.put(own, "{\"currentPassword\":\"second-password-2\",\"newPassword\":\"third-password-3\"}").status()).isEqualTo(200);
        assertThat(services.as("zhao-officer", "third-password-3").get(services.queryUrl + "/api/agencies").status()).isEqualTo(200);
        assertThat(services.as("zhao-officer", "second-password-2").get(services.commandUrl + "/api/users").status()).isEqualTo(401);

        // five wrong passwords lock it; the lock is recorded; the administrator unlocks it
        var wrong = services.as("zhao-officer", "not-the-password");
        for (int i = 0; i < 5; i++) {
            wrong.get(services.commandUrl + "/api/users");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> types(admin.get(users + "/zhao-officer/history").json()).contains("UserLocked"));
        assertThat(admin.post(users + "/zhao-officer/unlock", "").status()).isEqualTo(200);

        JsonNode history = admin.get(users + "/zhao-officer/history").json();
        assertThat(types(history)).containsExactly("UserCreated", "UserAccessChanged", "UserDisplayNameChanged", "UserPasswordReset",
                                                   "UserDisabled", "UserDisabled", "UserPasswordReset", "UserLocked", "UserUnlocked");
        JsonNode first = history.at("/events/0");
        assertThat(first.get("by").asText()).isEqualTo("admin");
        assertThat(first.get("at").asText()).isNotEmpty();
        assertThat(first.get("label").asText()).isEqualTo("创建账户");
        assertThat(first.get("roles").toString()).isEqualTo("[\"OFFICER\"]");
        assertThat(first.get("agencies").toString()).isEqualTo("[\"" + AGENCY + "\"]");
        assertThat(history.at("/events/1/roles").toString()).isEqualTo("[\"OFFICER\",\"SUPERVISOR\"]");
        assertThat(history.at("/events/3/label").asText()).isEqualTo("管理员重置密码");
        assertThat(history.at("/events/6/label").asText()).isEqualTo("本人修改密码");
        assertThat(history.at("/events/6/by").asText()).isEqualTo("zhao-officer");
        assertThat(history.at("/events/7/by").isNull()).as("a lock is the system's doing").isTrue();
        assertThat(history.at("/events/7/lockedUntil").asText()).isNotEmpty();
        assertThat(history.toString()).doesNotContain("bcrypt").doesNotContain("$2a$").doesNotContain("password-");

        // a request's history shows who recorded each event by display name
        String request = services.as("zhao-officer", "third-password-3").post(services.commandUrl + "/api/agencies/" + AGENCY + "/requests",
                "{\"receivedOn\":\"2025-06-02\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"钱七\"},"
                + "\"subject\":\"显示名称\"}").json().get("requestId").asText();
        JsonNode requestHistory = api.awaitHistory(request, 1);
        assertThat(requestHistory.at("/events/0/recordedBy").asText()).isEqualTo("zhao-officer");
        assertThat(requestHistory.at("/events/0/recordedByName").asText()).isEqualTo("赵科长");

        // bad input: unknown users, the initial administrator cannot be disabled, only administrators administer
        assertThat(admin.get(users + "/no-such-user/history").status()).isEqualTo(404);
        assertThat(admin.post(users + "/no-such-user/disable", "").status()).isEqualTo(404);
        assertThat(admin.post(users + "/admin/disable", "").status()).isEqualTo(422);
        assertThat(services.as("zhao-officer", "third-password-3").get(users + "/zhao-officer/history").status()).isEqualTo(403);
        assertThat(types(admin.get(users + "/zhao-officer/history").json())).hasSize(9);
    }

    @Test
    void the_administrators_own_password_change_is_recorded() throws Exception {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        String own = services.commandUrl + "/api/account/password";
        assertThat(admin.put(own, "{\"currentPassword\":\"" + Services.ADMIN_PASSWORD + "\",\"newPassword\":\"changed-root-secret-9\"}")
                        .status()).isEqualTo(200);
        try {
            // (the kept hash under the data directory following it is AdminBootstrapTest's; this harness keeps none)
            assertThat(services.as("admin", Services.ADMIN_PASSWORD).get(services.commandUrl + "/api/users").status()).isEqualTo(401);
            JsonNode history = services.as("admin", "changed-root-secret-9").get(services.commandUrl + "/api/users/admin/history").json();
            assertThat(types(history)).contains("UserCreated").endsWith("UserPasswordReset");
        } finally {
            // the tests' administrator password names its user, which the API now refuses: put it back in the store itself
            var store = services.command.getBean(cn.foi.access.UserStore.class);
            var encoder = services.command.getBean(org.springframework.security.crypto.password.PasswordEncoder.class);
            store.save(store.find("admin").orElseThrow().withPasswordHash(encoder.encode(Services.ADMIN_PASSWORD)));
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.get(services.commandUrl + "/api/users").status() == 200
                                                            && admin.get(services.queryUrl + "/api/agencies").status() == 200);
        }
    }
}
