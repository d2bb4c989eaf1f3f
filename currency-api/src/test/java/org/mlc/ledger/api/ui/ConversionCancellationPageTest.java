package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.ui.PageSecurityTest.Session;

/** The counter's home page lists the day's conversions; "Annuler" asks for the reason and cancels one. */
class ConversionCancellationPageTest extends IntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @Test
    void anAgentCancelsAConversionOfTheDayFromTheCounterPageWithItsReason() throws Exception {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Dora", roue);
        Api.Response conversion = ledger.convert(counter, member, "10.00");
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        Session session = Session.signIn("http://localhost:" + port, agent.username(), agent.password());

        String home = session.get("/counter").body();
        assertThat(home).contains("Conversions du jour").contains("Annuler la conversion")
                .contains("value=\"" + conversion.get("id") + "\"");
        Matcher key = KEY.matcher(home.substring(home.indexOf("id=\"day-conversions\"")));
        assertThat(key.find()).isTrue();

        HttpResponse<String> withoutReason = session.post("/counter/cancellation", Map.of("conversion",
                conversion.get("id"), "reason", "", "key", key.group(1)), session.csrf);
        assertThat(withoutReason.statusCode()).isEqualTo(200);
        // the refusal names the field in French on the page, and as data for scripts
        assertThat(withoutReason.body()).contains("id=\"problem\"").contains("data-field=\"reason\"").contains("Motif");
        assertThat(ledger.balance(member)).isEqualTo("10.00");

        HttpResponse<String> cancelled = session.post("/counter/cancellation", Map.of("conversion",
                conversion.get("id"), "reason", "mauvais adhérent", "key", key.group(1) + "-again"), session.csrf);
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(ledger.balance(member)).isEqualTo("0.00");
        String after = session.get("/counter").body();
        assertThat(after).contains("Annulée : mauvais adhérent").doesNotContain("Annuler la conversion");
        books.assertBalanced();
    }
}
