package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/**
 * Back-office sessions (issue 18, items 4 and 11): stored in PostgreSQL, so any node (any client
 * holding the cookie) reads them; ended when their user is disabled, its password is reset or its
 * role changes, the next request going to the sign-in page and doing nothing; the cookie is
 * HttpOnly and SameSite=Lax.
 */
class SessionsTest extends IntegrationTest {

    private String currency;
    private String counter;

    @BeforeEach
    void aCurrencyWithACounter() {
        currency = ledger.currency("1", "1");
        counter = ledger.counter(currency);
    }

    @Test
    void aDisabledMembersOpenSessionIsSentToTheSignInPageAndPaysNothing() throws Exception {
        Party member = ledger.fundedMember(currency, counter, "100.00");
        Party grocer = ledger.merchant("Epicerie", currency);
        User user = ledger.user("MEMBER", member.id(), null);
        Browser browser = Browser.signIn(port, user);
        assertThat(browser.get("/pay").statusCode()).isEqualTo(200);
        assertThat(sessionsOf(user)).isEqualTo(1);

        Api.Response disabled = api.post("/api/v1/users/" + user.username() + "/disable", "");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(sessionsOf(user)).as("the user's sessions are ended").isZero();

        // the form's CSRF token ended with the session: refused before anything reads the form
        HttpResponse<String> paid = browser.post("/pay", Map.of("key", "k-" + UUID.randomUUID(),
                "to", grocer.accountId(), "amount", "10.00"));
        assertThat(paid.statusCode()).isEqualTo(403);
        assertThat(ledger.balance(member)).isEqualTo("100.00");
        assertThat(ledger.balance(grocer)).isEqualTo("0.00");
        assertThat(location(browser.get("/pay"))).endsWith("/login");
    }

    @Test
    void aMemberDisabledWhileItsSessionEscapedTheEndingIsSentToTheSignInPageAndPaysNothing() throws Exception {
        Party member = ledger.fundedMember(currency, counter, "100.00");
        Party grocer = ledger.merchant("Epicerie", currency);
        User user = ledger.user("MEMBER", member.id(), null);
        Browser browser = Browser.signIn(port, user);
        assertThat(browser.get("/pay").statusCode()).isEqualTo(200);

        // as if the deletion of the sessions had raced with this request: the session and its token live on
        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", user.username());
        HttpResponse<String> paid = browser.post("/pay", Map.of("key", "k-" + UUID.randomUUID(),
                "to", grocer.accountId(), "amount", "10.00"));
        assertThat(paid.statusCode()).isEqualTo(302);
        assertThat(location(paid)).endsWith("/login");
        assertThat(ledger.balance(member)).isEqualTo("100.00");
        assertThat(ledger.balance(grocer)).isEqualTo("0.00");
        assertThat(sessionsOf(user)).as("the refused session is ended").isZero();
    }

    @Test
    void anAgentsOpenSessionNoLongerServesTheCounterOnceItsPasswordIsReset() throws Exception {
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        Browser browser = Browser.signIn(port, agent);
        assertThat(browser.get("/counter").statusCode()).isEqualTo(200);

        Api.Response reset = api.post("/api/v1/users/" + agent.username() + "/password",
                "{\"password\":\"a brand new passphrase\"}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        HttpResponse<String> page = browser.get("/counter");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page)).endsWith("/login");
        assertThat(sessionsOf(agent)).isZero();
    }

    @Test
    void aSessionThatEscapedTheEndingIsRefusedWhenItsUsersRoleChanges() throws Exception {
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        Browser browser = Browser.signIn(port, agent);
        assertThat(browser.get("/counter").statusCode()).isEqualTo(200);

        // changed behind the user administration: nothing deleted the session, its next request is checked
        jdbc.update("UPDATE app_user SET role = 'AUDITOR', counter_id = NULL WHERE username = ?", agent.username());
        assertThat(sessionsOf(agent)).isEqualTo(1);

        HttpResponse<String> page = browser.get("/counter");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page)).endsWith("/login");
        assertThat(sessionsOf(agent)).as("the refused session is ended").isZero();
    }

    @Test
    void aSessionIsReadFromTheDatabaseByAnyClientHoldingItsCookie() throws Exception {
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        Browser browser = Browser.signIn(port, agent);
        assertThat(sessionsOf(agent)).isEqualTo(1);
        HttpCookie cookie = browser.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow();

        HttpResponse<String> elsewhere = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/counter"))
                        .header("Cookie", "SESSION=" + cookie.getValue()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        Browser browser = new Browser(port);
        browser.get("/login");
        HttpResponse<String> login = browser.post("/login", Map.of("username", agent.username(),
                "password", agent.password()));
        List<String> setCookies = login.headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(header -> assertThat(header).startsWith("SESSION=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
    }

    private int sessionsOf(User user) {
        return jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class,
                user.username());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** A browser: a cookie jar, no redirects followed, the CSRF token of its last page. */
    static final class Browser {

        private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final String base;
        final CookieManager cookies = new CookieManager();
        private final HttpClient client;
        private String csrf;

        Browser(int port) {
            this.base = "http://localhost:" + port;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        static Browser signIn(int port, User user) throws Exception {
            Browser browser = new Browser(port);
            browser.get("/login");
            HttpResponse<String> login = browser.post("/login", Map.of("username", user.username(),
                    "password", user.password()));
            assertThat(login.statusCode()).as("sign-in of " + user.username()).isEqualTo(302);
            assertThat(location(login)).doesNotContain("error");
            return browser;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            Map<String, String> form = new TreeMap<>(fields);
            if (csrf != null) {
                form.put("_csrf", csrf);
            }
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
