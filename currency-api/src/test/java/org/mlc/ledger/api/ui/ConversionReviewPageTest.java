package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.ui.PageSecurityTest.Session;

/** The agent's review step shows what the conversion will grant, and why the bonus falls short, in words. */
class ConversionReviewPageTest extends IntegrationTest {

    private HttpResponse<String> post(Session session, String path, Party party, String key) throws Exception {
        HttpResponse<String> response = session.post(path, Map.of("participant", party.id(), "euros", "10,00",
                "paidBy", "CASH", "payout", "ACCOUNT", "key", key), session.csrf);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void theReviewShowsTheQuoteWithTheReasonInFrenchAndTheReceiptSaysTheSame() throws Exception {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Alice", roue);
        Party merchant = ledger.merchant("Épicerie", roue);
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        Session session = Session.signIn("http://localhost:" + port, agent.username(), agent.password());

        // no sponsor budget: the page no longer promises the ratio's 2,00 of bonus
        String noBudget = post(session, "/counter/convert/review", member, UUID.randomUUID().toString()).body();
        assertThat(noBudget).contains("id=\"review-units\">10,00<").contains("id=\"review-bonus\">0,00<")
                .contains("aucun budget de soutien en cours").doesNotContain(">no-budget<");

        ledger.sponsorBudget(roue, "100.00", null);
        String funded = post(session, "/counter/convert/review", member, UUID.randomUUID().toString()).body();
        assertThat(funded).contains("id=\"review-units\">12,00<").contains("id=\"review-bonus\">2,00<")
                .doesNotContain("id=\"review-bonus-reason\"");

        String notEligible = post(session, "/counter/convert/review", merchant, UUID.randomUUID().toString()).body();
        assertThat(notEligible).contains("id=\"review-units\">10,00<")
                .contains("le bonus est réservé aux adhérents particuliers");
        String receipt = post(session, "/counter/convert", merchant, UUID.randomUUID().toString()).body();
        assertThat(receipt).contains("le bonus est réservé aux adhérents particuliers")
                .doesNotContain(">not-eligible<");
        assertThat(ledger.balance(merchant)).isEqualTo("10.00");
    }
}
