package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.support.ProxyClient;

/**
 * What an anonymous applicant sends is shown to the association only, escaped; links the pages
 * write carry the public scheme, host and port a trusted proxy forwards, and only a trusted one.
 */
class ApplicationPagesTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void scriptsSentInAnApplicationAreShownEscapedOnTheReviewPageAndNowhereElse() throws Exception {
        String currency = ledger.currency("10", "10");
        String json = """
                {"currency":"%s","name":"<script>alert('nom')</script>","siret":"73282932000074",
                 "address":"<img src=x onerror=alert(1)>","postcode":"17000","commune":"La Rochelle",
                 "filiere":"ALIMENTATION","email":"xss@example.org","description":"</dd><script>alert(2)</script>",
                 "website":"https://x.example/\\"><script>alert(3)</script>","charterAccepted":true}""".formatted(currency);
        ProxyClient.Response applied = new ProxyClient(ProxyClient.TRUSTED, port).postJson(
                "/api/v1/public/merchant-applications", json, "203.0.113.200");
        assertThat(applied.status()).as(applied.body()).isEqualTo(400);
        assertThat(applied.api().get("field")).as("a website with quotes and brackets is refused").isEqualTo("website");
        applied = new ProxyClient(ProxyClient.TRUSTED, port).postJson("/api/v1/public/merchant-applications",
                json.replace("https://x.example/\\\"><script>alert(3)</script>", "https://x.example/"), "203.0.113.200");
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);

        PageSecurityTest.Session admin = PageSecurityTest.Session.signIn("http://localhost:" + port, "admin", Api.ADMIN_PASSWORD);
        HttpResponse<String> review = admin.get("/association/applications");
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("&lt;script&gt;alert(&#39;nom&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;/dd&gt;&lt;script&gt;alert(2)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        // not in the directory of approved merchants before approval
        assertThat(api.get("/api/v1/merchants?currency=" + currency).json().path("merchants")).isEmpty();
    }

    @Test
    void theQrLinkCarriesTheSchemeHostAndPortOfATrustedProxyAndIgnoresAnUntrustedOne() throws Exception {
        String currency = ledger.currency("10", "10");
        Party merchant = ledger.merchant("Café du port", currency);
        User user = ledger.user("MERCHANT", merchant.id(), null);
        String cookie = signIn(user);
        String[] forwarded = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "host:8443", "Cookie", cookie,
                "Accept", "text/html"};

        ProxyClient.Response trusted = new ProxyClient(ProxyClient.TRUSTED, port).send("GET",
                "/receive?amount=2.50", null, forwarded);
        ProxyClient.Response untrusted = new ProxyClient(ProxyClient.UNTRUSTED, port).send("GET",
                "/receive?amount=2.50", null, forwarded);

        assertThat(trusted.status()).as(trusted.body()).isEqualTo(200);
        assertThat(trusted.body()).contains("https://host:8443/pay?to=" + merchant.accountId() + "&amp;amount=2.50");
        assertThat(untrusted.status()).isEqualTo(200);
        assertThat(untrusted.body()).contains("http://localhost:" + port + "/pay?to=" + merchant.accountId())
                .doesNotContain("host:8443");
    }

    /** Signs in with the form over a connection of its own; the session cookie. */
    private String signIn(User user) throws Exception {
        ProxyClient direct = new ProxyClient("127.0.0.1", port);
        ProxyClient.Response login = direct.send("GET", "/login", null);
        String cookie = sessionCookie(login);
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + user.username() + "&password=" + user.password() + "&_csrf=" + csrf.group(1);
        ProxyClient.Response signedIn = direct.send("POST", "/login", form, "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", cookie);
        assertThat(signedIn.status()).isEqualTo(302);
        return sessionCookie(signedIn);
    }

    private static String sessionCookie(ProxyClient.Response response) {
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).as("a session cookie").isNotNull();
        return setCookie.split(";")[0];
    }
}
