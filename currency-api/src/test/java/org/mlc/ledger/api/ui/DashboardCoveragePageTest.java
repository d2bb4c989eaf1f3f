package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.springframework.web.util.HtmlUtils;

/** The treasurer's dashboard shows what backs the units, and an under-backed currency in red with its causes. */
class DashboardCoveragePageTest extends IntegrationTest {

    private String dashboard(String currency) throws Exception {
        User auditor = ledger.user("AUDITOR", null, null);
        PageSecurityTest.Session session = PageSecurityTest.Session.signIn("http://localhost:" + port,
                auditor.username(), auditor.password());
        HttpResponse<String> page = session.get("/association?currency=" + currency);
        assertThat(page.statusCode()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(page.body());
    }

    private String roueWithAConversion() {
        String roue = ledger.currency("10", "12");
        ledger.sponsorBudget(roue, "COLLECTIVITE", "Grand Avignon", "26000.00", null);
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Alice", roue);
        assertThat(ledger.convert(counter, member, "1000.00").status()).isEqualTo(201);
        return roue;
    }

    @Test
    void aBackedCurrencyShowsBothRatiosTheReceivableAndThePledgeWithoutAlarm() throws Exception {
        String roue = roueWithAConversion();

        String page = dashboard(roue);

        assertThat(page).contains("id=\"sponsorReceivable\">200,00 €")
                .contains("id=\"sponsorCommitted\">25\u202f800,00 €")
                .contains("id=\"backing\">1\u202f200,00 €")
                .contains("id=\"coverage\">100 %")
                .contains("id=\"cashCoverage\">83,33 %")
                .contains("id=\"counterShortfall\">0,00 €")
                .doesNotContain("id=\"underBacked\"")
                .doesNotContain("card bad");
    }

    @Test
    void theMonthsAreNamedTheUnitsWrittenAndCoverageIsALineAgainstFullCoverage() throws Exception {
        String roue = roueWithAConversion();

        String page = dashboard(roue);

        java.time.YearMonth now = java.time.YearMonth.now(Formats.ZONE);
        String month = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.FRENCH).format(now);
        assertThat(page).contains("<th scope=\"row\">" + month + "</th>")
                .doesNotContainPattern("<th scope=\"row\">\\d{4}-\\d{2}</th>")
                .contains("(Test " + roue + ")").contains("<span class=\"unit\">(€)</span>")
                .contains("<span class=\"unit\">(%)</span>")
                .contains("Taux de couverture, en %").contains("Circulation (électronique et billets), en Test " + roue);
        String coverage = page.substring(page.indexOf("<title>Taux de couverture</title>"));
        coverage = coverage.substring(0, coverage.indexOf("</svg>"));
        // one month with figures: a point on the line (joined to the next month's once there is one)
        assertThat(coverage).contains("<circle").contains("class=\"mark\"").contains("couverture complète (1,0)")
                .doesNotContain("<rect");
        // at least four y ticks with round values up to the full coverage of 100 %
        assertThat(coverage).contains(">0 %<").contains(">20 %<").contains(">40 %<").contains(">60 %<")
                .contains(">80 %<").contains(">100 %<");
    }

    @Test
    void anUnderBackedCurrencyIsInRedWithItsCausesInWords() throws Exception {
        String roue = roueWithAConversion();
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Bob", roue);
        assertThat(ledger.convert(counter, member, "10.00").status()).isEqualTo(201);
        assertThat(ledger.close(counter, "5.00").status()).isEqualTo(201);

        String page = dashboard(roue);

        assertThat(page).contains("id=\"counterShortfall\">5,00 €")
                .contains("class=\"card bad\"")
                .contains("Monnaie sous-couverte : il manque 5,00 €")
                .contains("des manquants de caisse constatés aux clôtures n'ont pas encore été couverts par "
                        + "l'association");
    }
}
