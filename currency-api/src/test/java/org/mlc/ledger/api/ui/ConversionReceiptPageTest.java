package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.ui.PageSecurityTest.Session;

/**
 * At the counter: the conversion page shows the member's balance and membership before converting;
 * the conversion's result names it by a short reference (not its id) and links its printable
 * receipt, which the reference finds again (in any case) at this counter only.
 */
class ConversionReceiptPageTest extends IntegrationTest {

    private static final Pattern REFERENCE = Pattern.compile("id=\"converted-reference\">(C-[0-9A-Z]{6})<");

    private static String text(HttpResponse<String> page) {
        return page.body().replaceAll("(?s)<head>.*</head>", " ").replaceAll("<[^>]*>", " ");
    }

    private HttpResponse<String> receipt(Session session, String reference) throws Exception {
        // the receipt reads the reports' view, written just after the conversion is answered
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        HttpResponse<String> page = session.get("/counter/receipt?conversion=" + reference);
        while (page.statusCode() == 404 && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            page = session.get("/counter/receipt?conversion=" + reference);
        }
        return page;
    }

    @Test
    void theAgentSeesTheMembersBalanceAndMembershipThenPrintsAReceiptFoundByItsShortReference() throws Exception {
        String currency = ledger.currency("20", "21");
        ledger.sponsorBudget(currency, "100.00", null);
        String counter = ledger.counter(currency);
        Party alice = ledger.participant("MEMBER", "Alice Receipt", currency);
        Party bruno = ledger.participant("MEMBER", "Bruno Sansadhesion", currency);
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        Api.Response policy = api.post("/api/v1/currencies/" + currency + "/membership",
                "{\"membershipFee\":\"3.00\",\"requiredForConversion\":false}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        Api.Response membership = agent.api().post("/api/v1/participants/" + alice.id() + "/memberships",
                "{\"counter\":\"" + counter + "\",\"paidWith\":\"CASH\"}");
        assertThat(membership.status()).as(membership.toString()).isIn(200, 201);
        assertThat(ledger.convert(counter, alice, "10.00").status()).isEqualTo(201);

        Session session = Session.signIn("http://localhost:" + port, agent.username(), agent.password());
        String form = text(session.get("/counter/convert?participant=" + alice.id()));
        assertThat(form).contains("Solde : 10,50").contains("Adhésion valable jusqu");
        assertThat(text(session.get("/counter/convert?participant=" + bruno.id())))
                .contains("Solde : 0,00").contains("Aucune adhésion enregistrée");

        HttpResponse<String> converted = session.post("/counter/convert", Map.of("participant", alice.id(),
                "euros", "20,00", "paidBy", "CARD", "payout", "ACCOUNT", "key", "page-" + UUID.randomUUID()),
                session.csrf);
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        Matcher reference = REFERENCE.matcher(converted.body());
        assertThat(reference.find()).as(converted.body()).isTrue();
        String shortReference = reference.group(1);
        assertThat(converted.body()).contains("/counter/receipt?conversion=" + shortReference);
        assertThat(PaymentRequestPageTest.UUID_TEXT.matcher(text(converted)).find()).as(text(converted)).isFalse();

        HttpResponse<String> receipt = receipt(session, shortReference);
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        String printed = text(receipt);
        String number = api.get("/api/v1/participants/" + alice.id()).get("number");
        assertThat(number).isNotBlank();
        assertThat(receipt.body()).contains("id=\"receipt-member-number\">" + number + "<");
        assertThat(printed).contains(shortReference).contains("Alice Receipt").contains(agent.username())
                .contains("20,00 €").contains("21,00").contains("1,00").contains("carte");
        assertThat(receipt.body()).contains("id=\"receipt-units\">21,00<").contains("id=\"receipt-bonus\">1,00<")
                .contains("/ui/receipt.css");
        assertThat(PaymentRequestPageTest.UUID_TEXT.matcher(printed).find()).as(printed).isFalse();

        // typed by a person: lower case, O for 0
        assertThat(session.get("/counter/receipt?conversion=" + shortReference.toLowerCase().replace('0', 'o'))
                .body()).contains("id=\"receipt-reference\">" + shortReference + "<");
        String id = jdbc.queryForObject("SELECT conversion_id FROM conversion_view WHERE counter_id = ? "
                + "AND euros_minor = 2000", String.class, counter);
        assertThat(session.get("/counter/receipt?conversion=" + id).body())
                .contains("id=\"receipt-reference\">" + shortReference + "<");
        String unknown = "C-ZZZZZZ".equals(shortReference) ? "C-000000" : "C-ZZZZZZ";
        assertThat(session.get("/counter/receipt?conversion=" + unknown).statusCode()).isEqualTo(404);

        // a cancelled conversion's receipt says so
        Api.Response cancelled = agent.api().post("/api/v1/counters/" + counter + "/conversions/" + id
                + "/cancellation", "{\"reason\":\"erreur de montant\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isIn(200, 201);
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String reprinted = session.get("/counter/receipt?conversion=" + shortReference).body();
        while (!reprinted.contains("id=\"receipt-cancelled\"") && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            reprinted = session.get("/counter/receipt?conversion=" + shortReference).body();
        }
        assertThat(reprinted).contains("Conversion annulée le");

        // another counter's agent does not find it
        User other = ledger.user("COUNTER_AGENT", null, ledger.counter(currency));
        Session elsewhere = Session.signIn("http://localhost:" + port, other.username(), other.password());
        assertThat(elsewhere.get("/counter/receipt?conversion=" + shortReference).statusCode()).isEqualTo(404);
    }
}
