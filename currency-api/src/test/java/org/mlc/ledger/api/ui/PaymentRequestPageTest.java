package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.ui.PageSecurityTest.Session;

/**
 * A merchant's payment request link opened by a member not signed in: the link survives the
 * sign-in, its amount is fixed (a changed form is refused by the server, not only hidden), nothing
 * is paid before the confirmation step, and the confirmation sent twice pays once. After signing
 * in, only a path of this site is followed, whatever the request that led to the sign-in named.
 */
class PaymentRequestPageTest extends IntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private String base() {
        return "http://localhost:" + port;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static HttpResponse<String> signIn(Session session, User user) throws Exception {
        session.get("/login");
        HttpResponse<String> login = session.post("/login", Map.of("username", user.username(),
                "password", user.password()), session.csrf);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        return login;
    }

    @Test
    void aPaymentLinkOpenedSignedOutLeadsBackToItsFixedAmountAndIsPaidOnceAfterConfirming() throws Exception {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "20.00");
        Party merchant = ledger.merchant("Épicerie du quai", currency);
        User payer = ledger.user("MEMBER", member.id(), null);
        String link = "/pay?to=" + merchant.accountId() + "&amount=12.50&reference="
                + URLEncoder.encode("Table 4", StandardCharsets.UTF_8);

        Session session = new Session(base());
        HttpResponse<String> signedOut = session.get(link);
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(location(signedOut)).endsWith("/login");
        HttpResponse<String> login = signIn(session, payer);
        URI back = URI.create(location(login));
        assertThat(back.getRawPath() + "?" + back.getRawQuery()).as("the link survives the sign-in")
                .isEqualTo(link);

        HttpResponse<String> page = session.get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"payee\">Épicerie du quai<").contains("id=\"fixed-amount\" class=\"big\">12,50<")
                .doesNotContain("id=\"amount\"").doesNotContain("id=\"reference\"");
        Matcher key = KEY.matcher(page.body());
        assertThat(key.find()).isTrue();
        Map<String, String> asked = Map.of("to", merchant.accountId(), "amount", "12.50", "reference", "Table 4",
                "key", key.group(1));

        // the payer changes the hidden amount: refused at review and at payment, nothing paid
        Map<String, String> tampered = new java.util.HashMap<>(asked);
        tampered.put("amount", "1.00");
        for (String step : new String[] {"/pay/review", "/pay"}) {
            HttpResponse<String> refused = session.post(step, tampered, session.csrf);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).as(step).contains("id=\"problem\"").contains("payment-request-fixed")
                    .doesNotContain("id=\"paid\"");
        }
        Map<String, String> otherReference = new java.util.HashMap<>(asked);
        otherReference.put("reference", "Autre chose");
        assertThat(session.post("/pay", otherReference, session.csrf).body()).contains("payment-request-fixed");
        assertThat(ledger.balance(member)).isEqualTo("20.00");

        // the confirmation step: payee, amount, balance after; still nothing paid
        HttpResponse<String> review = session.post("/pay/review", asked, session.csrf);
        assertThat(review.body()).contains("id=\"confirm-amount\">12,50<").contains("id=\"confirm-balance-after\">7,50<")
                .contains("Épicerie du quai").contains("id=\"confirm\"");
        assertThat(ledger.balance(member)).isEqualTo("20.00");

        // the confirmation sent twice (a double click): one payment
        HttpResponse<String> first = session.post("/pay", asked, session.csrf);
        HttpResponse<String> second = session.post("/pay", asked, session.csrf);
        assertThat(first.body()).contains("id=\"paid\"").contains("12,50");
        assertThat(second.body()).contains("id=\"paid\"");
        assertThat(ledger.balance(member)).isEqualTo("7.50");
        assertThat(ledger.balance(merchant)).isEqualTo("12.50");
        assertThat(UUID_TEXT.matcher(first.body().replaceAll("<[^>]*>", " ")).find())
                .as("no id in the paid page's text").isFalse();
    }

    @Test
    void aFreePaymentKeepsItsAmountEditableAndStillNeedsTheConfirmation() throws Exception {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "20.00");
        Party merchant = ledger.merchant("Boulangerie", currency);
        User payer = ledger.user("MEMBER", member.id(), null);
        Session session = Session.signIn(base(), payer.username(), payer.password());
        HttpResponse<String> page = session.get("/pay?to=" + merchant.accountId());
        assertThat(page.body()).contains("id=\"amount\"").doesNotContain("id=\"fixed-amount\"");
        Matcher key = KEY.matcher(page.body());
        assertThat(key.find()).isTrue();
        Map<String, String> form = Map.of("to", merchant.accountId(), "amount", "3,20", "reference", "",
                "key", key.group(1));
        assertThat(session.post("/pay/review", form, session.csrf).body())
                .contains("id=\"confirm-balance-after\">16,80<");
        // a member's account is not a payee a page offers: refused at the confirmation step, nothing shown to pay
        Party neighbour = ledger.participant("MEMBER", "Voisin", currency);
        Map<String, String> toMember = new java.util.HashMap<>(form);
        toMember.put("to", neighbour.accountId());
        assertThat(session.post("/pay/review", toMember, session.csrf).body()).contains("id=\"problem\"")
                .doesNotContain("id=\"confirm\"").doesNotContain("Voisin");
        assertThat(ledger.balance(member)).isEqualTo("20.00");
        assertThat(session.post("/pay", form, session.csrf).body()).contains("id=\"paid\"");
        assertThat(ledger.balance(member)).isEqualTo("16.80");
    }

    @Test
    void afterSigningInOnlyAPathOfThisSiteIsFollowed() throws Exception {
        Party member = ledger.participant("MEMBER", "Alice", ledger.currency("10", "10"));
        User user = ledger.user("MEMBER", member.id(), null);

        // a forged host (behind a proxy, or a Host header): the saved request names it, the redirect does not
        Session forwarded = new Session(base());
        forwarded.get("/account?from=2026-01-01", Map.of("X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https", "Forwarded", "host=evil.example;proto=https"));
        URI back = URI.create(location(signIn(forwarded, user)));
        assertThat(back.getHost()).isIn(null, "localhost");
        assertThat(back.getRawPath() + "?" + back.getRawQuery()).isEqualTo("/account?from=2026-01-01");

        // a path a browser reads as another host
        for (String path : new String[] {"//evil.example/pay", "/%2F%2Fevil.example/pay", "/%5Cevil.example"}) {
            Session session = new Session(base());
            session.get(path);
            URI target = URI.create(location(signIn(session, user)));
            assertThat(target.getHost()).as(path).isIn(null, "localhost");
            assertThat(target.getRawPath()).as(path).doesNotStartWith("//").doesNotContain("\\");
        }
    }
}
