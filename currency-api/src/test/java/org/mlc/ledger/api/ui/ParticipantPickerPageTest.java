package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.ui.PageSecurityTest.Session;

/**
 * The participant pickers: as a person types a name or a member number, the page gets the options
 * ("Name — BOUSOL-000123") its purpose may offer, and the form accepts the number chosen.
 */
class ParticipantPickerPageTest extends IntegrationTest {

    private static String options(Session session, String purpose, String field, String typed) throws Exception {
        HttpResponse<String> response = session.get("/participants/options?purpose=" + purpose + "&field=" + field
                + "&" + field + "=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String numberOf(Party party) {
        return api.get("/api/v1/participants/" + party.id()).get("number");
    }

    @Test
    void aPayerFindsApprovedMerchantsOfItsCurrencyByNameOrNumberAndPaysTheNumberChosen() throws Exception {
        String currency = ledger.currency("1", "1");
        String other = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "30.00");
        Party grocer = ledger.merchant("Épicerie du Port", currency);
        ledger.unapprovedMerchant("Épicerie en attente", currency);
        ledger.merchant("Épicerie d'ailleurs", other);
        Party neighbour = ledger.participant("MEMBER", "Épicurien voisin", currency);
        User user = ledger.user("MEMBER", member.id(), null);
        Session session = Session.signIn("http://localhost:" + port, user.username(), user.password());
        String number = numberOf(grocer);

        String byName = options(session, "payee", "to", "epicerie");
        String byNumber = options(session, "payee", "to", number.substring(0, number.length() - 1));

        assertThat(byName).contains("id=\"to-options\"")
                .contains("value=\"" + number + "\"").contains("Épicerie du Port — " + number)
                .doesNotContain("en attente").doesNotContain("ailleurs").doesNotContain(numberOf(neighbour));
        assertThat(byNumber).contains("Épicerie du Port — " + number);
        assertThat(options(session, "participant", "to", "epicerie")).doesNotContain("<option");
        String page = session.get("/pay").body();
        assertThat(page).contains("list=\"to-options\"").contains("hx-get=\"/participants/options?purpose=payee")
                .doesNotContain("<select id=\"to\"");

        HttpResponse<String> paid = session.post("/pay", Map.of("to", number.toLowerCase(), "amount", "12,50",
                "reference", "", "key", UUID.randomUUID().toString()), session.csrf);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(paid.body()).contains("Épicerie du Port");
        assertThat(ledger.balance(grocer)).isEqualTo("12.50");
    }

    @Test
    void aCcasFindsTheMembersOfItsCurrencyAndTheAdministratorAnyoneToBindAUserTo() throws Exception {
        String currency = ledger.currency("1", "1");
        Party ccas = ledger.participant("CCAS", "CCAS de Sète", currency);
        Party helene = ledger.participant("MEMBER", "Hélène", currency);
        ledger.merchant("Hélène Boulangerie", currency);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);
        Session asCcas = Session.signIn("http://localhost:" + port, ccasUser.username(), ccasUser.password());

        String beneficiaries = options(asCcas, "beneficiary", "beneficiary", "HELENE");
        assertThat(beneficiaries).contains("Hélène — " + numberOf(helene)).doesNotContain("Boulangerie");

        Session asAdmin = Session.signIn("http://localhost:" + port, "admin",
                org.mlc.ledger.api.support.Api.ADMIN_PASSWORD);
        assertThat(options(asAdmin, "participant", "participant", numberOf(helene)))
                .contains("Hélène — " + numberOf(helene));
        User bound = ledger.user("MEMBER", numberOf(helene), null);
        String users = asAdmin.get("/association/users").body();
        assertThat(users).contains("Hélène — " + numberOf(helene)).doesNotContain(helene.id())
                .doesNotContain("<datalist id=\"participants\"");
        assertThat(bound.username()).isNotBlank();
    }
}
