package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The browser's way in: a form login (with a CSRF token, against login CSRF), one session that both services
 * know (the page is served by the query service, its actions go to /command/** and on to the command service),
 * a CSRF token for every change made with the session cookie, sign-out, and grants changed by an
 * administrator applying to a session already open.
 */
class WebSignInTest extends EndToEndTest {

    private static final String PASSWORD = "web-password-1";
    private static final String RECEIPT = "{\"receivedOn\":\"2025-04-01\",\"channel\":\"ONLINE\","
                                          + "\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"张三\"},\"subject\":\"网页登记\"}";

    /** A browser: its own cookie jar, following no redirects (so we see where it is sent). */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("X-Requested-With", "XMLHttpRequest").GET());
        }

        HttpResponse<String> postJson(String url, String body, boolean withToken) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                                                     .header("X-Requested-With", "XMLHttpRequest")
                                                     .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (withToken) {
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElseThrow());
            }
            return send(request);
        }

        HttpResponse<String> login(String username, String password, boolean withToken) {
            get(services.queryUrl + "/api/csrf");
            String form = "username=" + enc(username) + "&password=" + enc(password)
                          + (withToken ? "&_csrf=" + enc(cookie("XSRF-TOKEN").orElseThrow()) : "");
            return send(HttpRequest.newBuilder(URI.create(services.queryUrl + "/login"))
                                   .header("Content-Type", "application/x-www-form-urlencoded")
                                   .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> putJson(String url, String body) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                                   .header("X-Requested-With", "XMLHttpRequest")
                                   .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElseThrow())
                                   .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        Optional<String> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                          .map(HttpCookie::getValue).findFirst();
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode json(HttpResponse<String> response) {
        try {
            return services.json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** Receipts stored for this test's agencies (other tests' late writes do not count). */
    private long webReceipts() {
        return services.eventStore().readEvents(null, false)
                       .map(message -> message.getPayload())
                       .filter(p -> p instanceof cn.foi.events.request.RequestReceived r && r.agencyId().startsWith("web-"))
                       .count();
    }

    private void createUser(String username, String roles, String agencies) {
        var created = services.as("admin", Services.ADMIN_PASSWORD).post(services.commandUrl + "/api/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":" + roles + ",\"agencies\":" + agencies + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void an_officer_signs_in_by_form_and_acts_through_the_one_origin_with_a_csrf_token() {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        for (String agency : new String[]{"web-a", "web-b"}) {
            assertThat(admin.post(services.commandUrl + "/api/agencies", "{\"agencyId\":\"" + agency + "\",\"name\":\"某区网页局\"}").status())
                    .isEqualTo(201);
        }
        createUser("web-officer", "[\"OFFICER\"]", "[\"web-a\"]");
        Browser browser = new Browser();

        // the pages' files are public; the data is not
        assertThat(browser.get(services.queryUrl + "/api/me").statusCode()).isEqualTo(401);
        assertThat(browser.get(services.queryUrl + "/api/me").headers().firstValue("WWW-Authenticate"))
                .as("no Basic challenge for the page's calls, or the browser would open its own dialog").isEmpty();

        // a sign-in without the token is refused (login CSRF), a wrong password is sent back to the form
        assertThat(browser.login("web-officer", PASSWORD, false).statusCode()).isEqualTo(403);
        var wrong = browser.login("web-officer", "not-the-password", true);
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login.html?error");
        assertThat(browser.get(services.queryUrl + "/api/me").statusCode()).isEqualTo(401);

        var signedIn = browser.login("web-officer", PASSWORD, true);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/");
        String session = browser.cookie("SESSION").orElseThrow();
        var me = browser.get(services.queryUrl + "/api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("username").asText()).isEqualTo("web-officer");
        assertThat(json(me).get("agencies").toString()).isEqualTo("[\"web-a\"]");

        // a change with the session cookie but without the token: refused, in Chinese, nothing stored
        long stored = webReceipts();
        var forged = browser.postJson(services.queryUrl + "/command/api/agencies/web-a/requests", RECEIPT, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("detail").asText()).contains("刷新页面");
        assertThat(webReceipts()).isEqualTo(stored);

        // with the token, through the query service's origin, on to the command service
        var logged = browser.postJson(services.queryUrl + "/command/api/agencies/web-a/requests", RECEIPT, true);
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        String requestId = json(logged).get("requestId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.get(services.queryUrl + "/api/requests/" + requestId).statusCode() == 200);
        var history = json(browser.get(services.queryUrl + "/api/requests/" + requestId + "/history"));
        assertThat(history.get("events").get(0).get("recordedBy").asText()).isEqualTo("web-officer");

        // the session is the command service's too, and its grants are the user's: not agency B
        var other = browser.postJson(services.commandUrl + "/api/agencies/web-b/requests", RECEIPT, true);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(webReceipts()).isEqualTo(stored + 1);

        // an administrator's change of grants applies to the open session
        assertThat(admin.put(services.commandUrl + "/api/users/web-officer",
                             "{\"roles\":[\"AUDITOR\"],\"agencies\":[\"web-a\"]}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                json(browser.get(services.commandUrl + "/api/me")).get("roles").toString().equals("[\"AUDITOR\"]"));
        assertThat(browser.postJson(services.queryUrl + "/command/api/agencies/web-a/requests", RECEIPT, true).statusCode())
                .isEqualTo(403);
        assertThat(webReceipts()).isEqualTo(stored + 1);

        // sign-out ends the session in both services
        var out = browser.send(HttpRequest.newBuilder(URI.create(services.queryUrl + "/logout"))
                                          .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow())
                                          .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(out.statusCode()).isLessThan(400);
        Browser replay = new Browser();
        HttpCookie old = new HttpCookie("SESSION", session);
        old.setPath("/");
        replay.cookies.getCookieStore().add(URI.create(services.commandUrl), old);
        assertThat(replay.get(services.commandUrl + "/api/me").statusCode()).as("the old session is gone").isEqualTo(401);
        assertThat(browser.get(services.queryUrl + "/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void five_wrong_passwords_in_a_row_lock_an_account_for_basic_and_form_alike_until_an_administrator_unlocks_it() {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        for (String user : new String[]{"locked-basic", "locked-form"}) {
            assertThat(admin.post(services.commandUrl + "/api/users", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD
                    + "\",\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"]}").status()).isEqualTo(201);
        }
        var wrong = services.as("locked-basic", "not-the-password");
        // a right password in between starts the count again
        for (int i = 0; i < 4; i++) {
            assertThat(wrong.get(services.commandUrl + "/api/users").status()).isEqualTo(401);
        }
        // (an auditor may not list users: 403 means signed in, 401 not)
        assertThat(services.as("locked-basic", PASSWORD).get(services.commandUrl + "/api/users").status()).isEqualTo(403);
        for (int i = 0; i < 4; i++) {
            var refused = wrong.get(services.queryUrl + "/api/agencies");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("detail").asText()).doesNotContain("锁定");
        }
        var fifth = wrong.get(services.commandUrl + "/api/users");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.contentType()).contains("problem+json");
        assertThat(fifth.json().get("detail").asText()).contains("连续 5 次密码错误，账户已锁定至").doesNotContain("account");
        // even the right password, on either service, while the lock lasts
        var right = services.as("locked-basic", PASSWORD);
        assertThat(right.get(services.commandUrl + "/api/users").json().get("detail").asText()).contains("已锁定");
        await().atMost(Duration.ofSeconds(10)).until(() -> right.get(services.queryUrl + "/api/agencies").status() == 401);

        // an administrator ends it early; an unknown user cannot be unlocked, and only an administrator unlocks
        assertThat(services.as("locked-form", PASSWORD).post(services.commandUrl + "/api/users/locked-basic/unlock", "").status()).isEqualTo(403);
        var unknown = admin.post(services.commandUrl + "/api/users/no-such-user/unlock", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("不存在");
        assertThat(admin.post(services.commandUrl + "/api/users/locked-basic/unlock", "").status()).isEqualTo(200);
        assertThat(right.get(services.commandUrl + "/api/users").status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> right.get(services.queryUrl + "/api/agencies").status() == 200);

        // the web form counts the same way and says why on the sign-in page
        Browser browser = new Browser();
        for (int i = 0; i < 4; i++) {
            assertThat(browser.login("locked-form", "not-the-password", true).headers().firstValue("Location").orElseThrow()).endsWith("?error");
        }
        assertThat(browser.login("locked-form", "not-the-password", true).headers().firstValue("Location").orElseThrow()).endsWith("?locked");
        assertThat(browser.login("locked-form", PASSWORD, true).headers().firstValue("Location").orElseThrow()).endsWith("?locked");
        assertThat(services.as("locked-form", PASSWORD).get(services.commandUrl + "/api/users").status()).isEqualTo(401);
    }

    @Test
    void an_idle_web_session_ends_after_thirty_minutes() {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        assertThat(admin.post(services.commandUrl + "/api/users", "{\"username\":\"idle-user\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"]}").status()).isEqualTo(201);
        Browser browser = new Browser();
        assertThat(browser.login("idle-user", PASSWORD, true).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.get(services.queryUrl + "/api/agencies").statusCode()).isEqualTo(200);
        // Spring Session writes the session's id base64-encoded into its cookie
        String session = new String(java.util.Base64.getDecoder().decode(browser.cookie(cn.foi.access.web.WebSignIn.SESSION_COOKIE).orElseThrow()),
                                    StandardCharsets.UTF_8);
        try (var client = com.mongodb.client.MongoClients.create(services.infra.mongoUri())) {
            var sessions = client.getDatabase("foi_access").getCollection("sessions");
            org.bson.Document stored = sessions.find(new org.bson.Document("_id", session)).first();
            assertThat(stored).as("the session cookie names a stored session").isNotNull();
            assertThat(((Number) stored.get("maxInactiveSeconds")).longValue()).isEqualTo(30 * 60);
            // 29 minutes idle: still signed in (and the call counts as activity)
            sessions.updateOne(new org.bson.Document("_id", session), new org.bson.Document("$set",
                    new org.bson.Document("lastAccessedAt", java.util.Date.from(java.time.Instant.now().minus(Duration.ofMinutes(29))))));
            assertThat(browser.get(services.queryUrl + "/api/agencies").statusCode()).isEqualTo(200);
            // 31 minutes idle: signed out, on both services
            sessions.updateOne(new org.bson.Document("_id", session), new org.bson.Document("$set",
                    new org.bson.Document("lastAccessedAt", java.util.Date.from(java.time.Instant.now().minus(Duration.ofMinutes(31))))));
            assertThat(browser.get(services.queryUrl + "/api/agencies").statusCode()).isEqualTo(401);
            assertThat(browser.get(services.commandUrl + "/api/agencies").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void every_answer_carries_the_security_headers_and_the_pages_have_no_inline_script() {
        Browser browser = new Browser();
        for (String url : new String[]{services.queryUrl + "/", services.queryUrl + "/login.html", services.queryUrl + "/api/csrf",
                                       services.commandUrl + "/api/agencies", services.queryUrl + "/api/agencies"}) {
            var headers = browser.get(url).headers();
            String policy = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(url).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(headers.firstValue("X-Frame-Options")).as(url).contains("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(url).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(url).contains("same-origin");
        }
        for (String page : new String[]{"/", "/login.html"}) {
            String html = browser.get(services.queryUrl + page).body();
            assertThat(html).as(page).containsPattern("<script[^>]* src=").doesNotContainPattern("<script(?![^>]* src=)[^>]*>")
                            .doesNotContainPattern(" on[a-z]+=");
        }
    }

    @Test
    void a_web_session_cannot_guess_the_current_password_round_the_lock() {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        assertThat(admin.post(services.commandUrl + "/api/users", "{\"username\":\"guess-target\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"]}").status()).isEqualTo(201);
        Browser browser = new Browser(); // a session someone else took over: it does not know the password
        assertThat(browser.login("guess-target", PASSWORD, true).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        browser.get(services.queryUrl + "/api/csrf"); // the page's token after sign-in
        String own = services.queryUrl + "/command/api/account/password";
        for (int i = 0; i < 5; i++) {
            var wrong = browser.putJson(own, "{\"currentPassword\":\"guess-" + i + "-wrong\",\"newPassword\":\"new-password-77\"}");
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        }
        // the guesses counted as wrong passwords: the account is locked, for the session as for a new sign-in
        assertThat(browser.putJson(own, "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"new-password-77\"}").statusCode())
                .isIn(401, 409);
        var locked = services.as("guess-target", PASSWORD).get(services.commandUrl + "/api/users");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asText()).contains("已锁定");
        assertThat(admin.post(services.commandUrl + "/api/users/guess-target/unlock", "").status()).isEqualTo(200);
    }

    @Test
    void a_changed_password_signs_out_every_other_session_of_the_user() {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        assertThat(admin.post(services.commandUrl + "/api/users", "{\"username\":\"two-desks\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"]}").status()).isEqualTo(201);
        Browser here = new Browser();
        Browser elsewhere = new Browser();
        for (Browser browser : new Browser[]{here, elsewhere}) {
            assertThat(browser.login("two-desks", PASSWORD, true).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            assertThat(browser.get(services.queryUrl + "/api/agencies").statusCode()).isEqualTo(200);
        }
        here.get(services.queryUrl + "/api/csrf");
        assertThat(here.putJson(services.queryUrl + "/command/api/account/password",
                                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"desk-Renewed-88\"}").statusCode()).isEqualTo(200);
        assertThat(here.get(services.queryUrl + "/api/agencies").statusCode()).as("the session that changed it").isEqualTo(200);
        assertThat(elsewhere.get(services.queryUrl + "/api/agencies").statusCode()).as("a session signed in before").isEqualTo(401);
        // an administrator's reset signs out the user's sessions too
        assertThat(admin.put(services.commandUrl + "/api/users/two-desks", "{\"roles\":[\"AUDITOR\"],\"agencies\":[\"*\"],"
                + "\"password\":\"desk-Reset-by-admin-9\"}").status()).isEqualTo(200);
        assertThat(here.get(services.queryUrl + "/api/agencies").statusCode()).isEqualTo(401);
    }
}
