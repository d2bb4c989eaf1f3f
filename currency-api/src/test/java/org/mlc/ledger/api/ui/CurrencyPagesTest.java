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

/**
 * The pages of a hosted association: its CURRENCY_ADMIN signs in to the association's pages and
 * sees its own currency only; the platform's page is the platform ADMIN's, who hosts a currency
 * there with its first administrator.
 */
class CurrencyPagesTest extends IntegrationTest {

    @Test
    void aCurrencyAdminSeesItsOwnCurrencyOnlyOnTheAssociationPages() throws Exception {
        String bousol = ledger.currency("1", "1");
        String roue = ledger.currency("1", "1");
        String bousolCounter = ledger.counter(bousol);
        String roueCounter = ledger.counter(roue);
        Party roueMerchant = ledger.unapprovedMerchant("Vélo de la Roue", roue);
        Party bousolMerchant = ledger.unapprovedMerchant("Épicerie du Bou'Sol", bousol);
        Party roueMember = ledger.participant("MEMBER", "Adhérent de la Roue", roue);
        User admin = ledger.currencyUser("CURRENCY_ADMIN", bousol);
        Session session = Session.signIn("http://localhost:" + port, admin.username(), admin.password());

        for (String page : new String[] {"/association", "/association/merchants", "/association/counters",
                "/association/bank", "/association/users"}) {
            HttpResponse<String> response = session.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).doesNotContain(roue).doesNotContain(roueCounter)
                    .doesNotContain("Vélo de la Roue");
        }
        assertThat(session.get("/association/merchants").body()).contains("Épicerie du Bou");
        assertThat(session.get("/association/counters").body()).contains(bousolCounter);
        // its forms act in its currency: a merchant approved; another currency's is not found
        assertThat(session.post("/association/merchants/approval", Map.of("participant", bousolMerchant.id(),
                "filiere", "ALIMENTATION", "key", "k-" + UUID.randomUUID()), session.csrf).statusCode())
                .isEqualTo(302);
        session.get("/association/merchants");
        assertThat(session.post("/association/merchants/approval", Map.of("participant", roueMerchant.id(),
                "filiere", "ALIMENTATION", "key", "k-" + UUID.randomUUID()), session.csrf).statusCode())
                .isEqualTo(404);
        assertThat(session.get("/association?currency=" + roue).statusCode()).isEqualTo(404);
        assertThat(session.get("/association/account?id=" + roueMember.accountId()).statusCode()).isEqualTo(404);
        assertThat(session.get("/platform").statusCode()).isEqualTo(403);
    }

    @Test
    void thePlatformAdminHostsACurrencyWithItsFirstAdministrator() throws Exception {
        Session session = Session.signIn("http://localhost:" + port, "admin", org.mlc.ledger.api.support.Api.ADMIN_PASSWORD);
        String code = "H" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        HttpResponse<String> page = session.get("/platform");
        assertThat(page.statusCode()).isEqualTo(200);
        String username = "adm-" + code.toLowerCase();
        HttpResponse<String> created = session.post("/platform/currencies", Map.of("code", code, "name",
                "Monnaie " + code, "euros", "1", "units", "1", "reconversionFee", "0.05", "membershipFee", "0",
                "adminUsername", username, "adminPassword", "a-long-enough-password",
                "key", "k-" + UUID.randomUUID()), session.csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(session.get("/platform").body()).contains(code);

        Session itsAdmin = Session.signIn("http://localhost:" + port, username, "a-long-enough-password");
        HttpResponse<String> dashboard = itsAdmin.get("/association");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(code);
        assertThat(api.get("/api/v1/users/" + username).get("currency")).isEqualTo(code);
    }
}
