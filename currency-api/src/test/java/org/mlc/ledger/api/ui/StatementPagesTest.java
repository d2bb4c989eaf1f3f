package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.springframework.web.util.HtmlUtils;

/**
 * The statement pages, the member's own and the association's view of any account: newest first,
 * cut by the date filter, amounts with their unit named, one card per line on a phone (each cell
 * carrying its column's name).
 */
class StatementPagesTest extends IntegrationTest {

    private String page(User user, String path) throws Exception {
        PageSecurityTest.Session session = PageSecurityTest.Session.signIn("http://localhost:" + port,
                user.username(), user.password());
        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(page.body());
    }

    @Test
    void theMemberAndTheAssociationReadTheStatementNewestFirstWithinTheChosenDates() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "50.00");
        Party merchant = ledger.merchant("Boulangerie", currency);
        for (String amount : new String[] {"1.11", "2.22", "3.33"}) {
            assertThat(ledger.pay(member, merchant, amount).status()).isEqualTo(201);
        }
        User memberUser = ledger.user("MEMBER", member.id(), null);
        User auditor = ledger.user("AUDITOR", null, null);

        for (String page : new String[] {page(memberUser, "/account"),
                page(auditor, "/association/account?id=" + member.accountId())}) {
            assertThat(page.indexOf("-3,33")).isPositive().isLessThan(page.indexOf("-2,22"));
            assertThat(page.indexOf("-2,22")).isLessThan(page.indexOf("-1,11"));
            assertThat(page.indexOf("-1,11")).isLessThan(page.indexOf(">50,00<"));
            assertThat(page).contains("Les opérations les plus récentes en premier.")
                    .contains("(Test " + currency + ")")
                    .contains("class=\"reflow\"").contains("data-label=\"Montant\"");
        }
        assertThat(page(auditor, "/association/account?id=" + member.accountId()))
                .contains("Compte de Member").doesNotContain("id=\"csv\"");
        assertThat(page(memberUser, "/account?from=2000-01-01&to=2000-12-31"))
                .doesNotContain("-3,33").contains("Aucune opération sur cette période.");
        assertThat(page(auditor, "/association/account?id=" + member.accountId() + "&from=2000-01-01&to=2000-12-31"))
                .doesNotContain("-3,33").contains("Aucune opération sur cette période.")
                .contains("name=\"id\" value=\"" + member.accountId() + "\"");
    }
}
