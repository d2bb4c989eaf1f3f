package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back office in a real browser, end to end, each role on its own pages: an agent converts
 * 20 € for a member (the bonus shown before confirming; the same form sent twice converts once)
 * and closes the day with a discrepancy; the member pays a merchant from the directory; the
 * merchant sees it on its statement, shows a QR payment request that the member opens and pays,
 * and asks for a reconversion; a CCAS opens an aid programme, announces its funding and grants
 * aid in bulk from a file saved by a French spreadsheet (member numbers, decimal commas); an auditor sees the dashboard. Screenshots of every page go to
 * target/screenshots (the main ones are copied into docs/ui).
 */
@Tag("browser")
class BackOfficeBrowserTest extends IntegrationTest {

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver; .ci/run does it)");
    }

    @Test
    void anAgentConvertsAndClosesTheMemberPaysTheMerchantSeesItAndTheAuditorSeesTheDashboard() throws Exception {
        String currency = ledger.currency("20", "21");
        ledger.sponsorBudget(currency, "1000.00", null);
        String counter = ledger.counter(currency);
        String suffix = currency.substring(1, 6);
        Party member = ledger.participant("MEMBER", "Alice Martin " + suffix, currency);
        Party merchant = ledger.merchant("Épicerie du port " + suffix, currency);
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        User memberUser = ledger.user("MEMBER", member.id(), null);
        User merchantUser = ledger.user("MERCHANT", merchant.id(), null);
        User auditor = ledger.user("AUDITOR", null, null);
        Party ccas = ledger.participant("CCAS", "CCAS de la ville " + suffix, currency);
        Party neighbour = ledger.participant("MEMBER", "Bruno Petit " + suffix, currency);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            // anyone is sent to the sign-in page first
            browser.open("/counter");
            assertThat(browser.path()).startsWith("/login");
            browser.screenshot("01-sign-in");

            // ---- the agent converts 20 € for the member ----
            browser.signIn(agent.username(), agent.password());
            assertThat(browser.path()).as(browser.driver.getPageSource()).isEqualTo("/counter");
            browser.screenshot("02-counter-home");
            browser.open("/counter/convert");
            browser.type("#q", "alice martin " + suffix.toLowerCase());
            // htmx lists the members as the agent types
            browser.find(".member-result");
            browser.screenshot("03-convert-search");
            browser.submit(".member-result");
            assertThat(browser.text("#member-name")).isEqualTo("Alice Martin " + suffix);
            browser.type("#euros", "20,00");
            browser.screenshot("04-convert-form");
            browser.submit("#review");
            assertThat(browser.text("#review-euros")).isEqualTo("20,00 €");
            assertThat(browser.text("#review-units")).isEqualTo("21,00");
            assertThat(browser.text("#review-bonus")).isEqualTo("1,00");
            assertThat(ledger.balance(member)).as("nothing converted before confirming").isEqualTo("0.00");
            browser.screenshot("05-convert-review");
            // the confirmation sent twice (a double click that got through): one conversion only
            Object first = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector("form[action$='/counter/convert']");
                    fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                        .then(r => done(r.status));""");
            assertThat(first).isEqualTo(200L);
            browser.submit("#confirm");
            assertThat(browser.text("#converted")).contains("21,00").contains("20,00");
            browser.screenshot("06-converted");
            assertThat(ledger.balance(member)).isEqualTo("21.00");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conversion_view WHERE counter_id = ?", Long.class,
                    counter)).isEqualTo(1L);

            // ---- the day: report, closing with 1 € missing from the drawer ----
            browser.open("/counter/day");
            assertThat(browser.find("#day-lines").findElements(By.cssSelector("tbody tr"))).hasSize(1);
            // cash, card slips and cheques apart: the 20 € paid in cash are the drawer's cash only
            assertThat(browser.find("#day-drawer").findElements(By.cssSelector("tbody tr"))).hasSize(3);
            assertThat(browser.find("#day-drawer").findElements(By.cssSelector("tbody tr")).get(0).getText())
                    .contains("20,00");
            browser.screenshot("07-day-report");
            browser.open("/counter/closing");
            browser.type("#countedCash", "19,00");
            browser.screenshot("08-closing");
            browser.submit("#close");
            assertThat(browser.path()).startsWith("/counter/z-report");
            assertThat(browser.text("#total-discrepancy")).isEqualTo("-1,00 €");
            assertThat(browser.text("#z-period")).contains(agent.username());
            browser.screenshot("09-z-report");
            assertThat(jdbc.queryForObject("SELECT total_discrepancy_minor FROM counter_closing WHERE counter_id = ?",
                    Long.class, counter)).isEqualTo(-100L);
            browser.signOut();
            assertThat(browser.path()).startsWith("/login");
            // the drawer's cash reaches the guarantee fund (through the API: remittances have no page yet)
            ledger.remitAndConfirm(counter, "19.00");

            // ---- the member pays the merchant from the directory ----
            browser.signIn(memberUser.username(), memberUser.password());
            assertThat(browser.path()).isEqualTo("/account");
            assertThat(browser.text("#balance")).isEqualTo("21,00");
            browser.screenshot("10-member-account");
            browser.open("/pay");
            // the payee picked by name: the picker offers "name — member number", and submits the number
            browser.type("#to", "epicerie du port " + suffix);
            String merchantNumber = ledger.api().get("/api/v1/participants/" + merchant.id()).get("number");
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(driver -> driver.findElements(
                    By.cssSelector("#to-options option[value='" + merchantNumber + "']")).size() == 1);
            browser.type("#to", merchantNumber);
            browser.type("#amount", "abc");
            browser.submit("#pay");
            // the API's refusal, in French, naming the field by its label
            assertThat(browser.text("#problem")).contains("Montant");
            // the refused form keeps the payee chosen
            assertThat(browser.text("#payee")).isEqualTo("Épicerie du port " + suffix);
            browser.screenshot("11-pay-refused");
            browser.type("#amount", "12,50");
            browser.type("#reference", "Panier du marché");
            browser.screenshot("12-pay-form");
            browser.submit("#pay");
            // nothing is paid before the confirmation step
            assertThat(browser.text("#confirm-amount")).isEqualTo("12,50");
            assertThat(ledger.balance(member)).isEqualTo("21.00");
            browser.submit("#confirm");
            assertThat(browser.text("#paid")).contains("12,50").contains("Épicerie du port " + suffix);
            browser.screenshot("13-paid");
            assertThat(ledger.balance(member)).isEqualTo("8.50");
            browser.signOut();

            // ---- the merchant sees it, asks to be paid with a QR code, reconverts ----
            browser.signIn(merchantUser.username(), merchantUser.password());
            assertThat(browser.text("#balance")).isEqualTo("12,50");
            assertThat(browser.text("#statement")).contains("Alice Martin " + suffix).contains("12,50");
            browser.screenshot("14-merchant-statement");
            // the CSV download is for a French spreadsheet: ';', decimal comma, the payer by name (the BOM
            // is dropped by fetch's text())
            Object csv = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.querySelector('#csv').href).then(r => r.text()).then(done);""");
            assertThat((String) csv).startsWith("ligne;date;nature;opération;avec;référence;montant;solde")
                    .contains("Alice Martin " + suffix).contains(";12,50;12,50");
            browser.open("/receive");
            browser.type("#amount", "5");
            browser.type("#reference", "Table 4");
            browser.submit("#show-qr");
            assertThat(browser.find("svg.qr")).isNotNull();
            String request = browser.find("#request-link").getAttribute("href");
            assertThat(request).contains("/pay?to=" + merchant.accountId()).contains("amount=5.00");
            browser.screenshot("15-receive-qr");
            browser.open("/reconversion");
            browser.type("#units", "10,00");
            browser.submit("#reconvert");
            assertThat(browser.text("#reconverted")).contains("10,00").contains("0,50").contains("9,50");
            browser.screenshot("16-reconversion");
            browser.signOut();

            // ---- the member opens the payment request link: a prefilled payment page ----
            browser.signIn(memberUser.username(), memberUser.password());
            browser.driver.get(request);
            assertThat(browser.text("#payee")).isEqualTo("Épicerie du port " + suffix);
            // the merchant's amount and reference are shown, not editable
            assertThat(browser.text("#fixed-amount")).isEqualTo("5,00");
            assertThat(browser.text("#fixed-reference")).isEqualTo("Table 4");
            assertThat(browser.driver.findElements(By.cssSelector("input#amount"))).isEmpty();
            browser.screenshot("17-pay-request");
            browser.submit("#pay");
            browser.submit("#confirm");
            assertThat(browser.text("#paid")).contains("5,00");
            assertThat(ledger.balance(member)).isEqualTo("3.50");
            browser.signOut();

            // ---- the CCAS opens a programme, announces its funding and grants aid in bulk (CSV) ----
            browser.signIn(ccasUser.username(), ccasUser.password());
            assertThat(browser.path()).isEqualTo("/ccas");
            browser.type("#name", "Aide alimentaire");
            browser.find("#filiere-ALIMENTATION").click();
            browser.screenshot("18-ccas-programmes");
            browser.submit("#create-program");
            assertThat(browser.path()).startsWith("/ccas/program?id=");
            browser.type("#euros", "100,00");
            browser.type("#reference", "Virement CCAS");
            browser.submit("#fund");
            String program = jdbc.queryForObject("SELECT program_id FROM aid_program_view WHERE ccas_id = ?",
                    String.class, ccas.id());
            String funding = jdbc.queryForObject("SELECT funding_id FROM aid_funding_view WHERE program_id = ?",
                    String.class, program);
            // the association confirms the transfer it sees on the fund's statement (through the API)
            Api.Response confirmed = api.post("/api/v1/aid-programs/" + program + "/fundings/" + funding
                    + "/confirmation", "{\"bankReference\":\"NEF-AID\"}");
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            // the file as a French spreadsheet saves it: BOM, ';', CRLF, French headers, decimal
            // commas, beneficiaries named by their member numbers
            Path grants = Files.createTempFile("grants-", ".csv");
            Files.writeString(grants, "\uFEFFClé;Bénéficiaire;Montant\r\nalice;" + number(member) + ";30,00\r\nbruno;"
                    + number(neighbour) + ";20,00\r\n");
            browser.open("/ccas/program?id=" + program);
            browser.find("#file").sendKeys(grants.toAbsolutePath().toString());
            browser.submit("#upload-grants");
            assertThat(browser.path()).startsWith("/ccas/batch");
            // the page reloads itself until the job is finished; read while it reloads, an element
            // can be gone (stale, missing, or chromedriver's "does not belong to the document")
            new WebDriverWait(browser.driver, Duration.ofSeconds(90)).ignoring(WebDriverException.class)
                    .until(d -> d.findElement(By.id("batch-status")).getText().contains("terminé"));
            assertThat(browser.text("#batch-status")).contains("2 ligne(s) traitée(s) sur 2 : 2 accordée(s), 0 refusée(s)");
            assertThat(browser.find("#batch-lines").findElements(By.cssSelector("tbody tr"))).hasSize(2);
            browser.screenshot("19-ccas-bulk-grants");
            List<String> wordsSeen = new ArrayList<>();
            PageWordsTest.check(wordsSeen, "the bulk grants page", browser.pageText());
            assertThat(wordsSeen).isEmpty();
            browser.open("/ccas/program?id=" + program);
            assertThat(browser.text("#program-balance")).isEqualTo("50,00");
            browser.screenshot("20-ccas-programme");
            Files.delete(grants);
            browser.signOut();

            // ---- the auditor sees the dashboard and the association's lists ----
            browser.signIn(auditor.username(), auditor.password());
            assertThat(browser.path()).isEqualTo("/association");
            browser.open("/association?currency=" + currency);
            assertThat(browser.driver.findElements(By.cssSelector("svg.chart"))).hasSize(4);
            // the API's supply figures (all under 1 000, so without a thousands separator), French format
            Api.Response supply = ledger.supply(currency);
            assertThat(browser.text("#supply")).contains(supply.get("inCirculation").replace('.', ',')
                            + "\nEn circulation")
                    .contains(supply.get("guaranteeFund").replace('.', ',') + " €\nFonds de garantie");
            assertThat(browser.text("#coverage")).endsWith("%");
            browser.screenshot("21-dashboard");
            browser.open("/association/merchants");
            assertThat(browser.find("main").getText()).contains("Épicerie du port " + suffix);
            browser.screenshot("22-merchants");
            browser.open("/association/counters");
            browser.screenshot("23-counters");
            browser.open("/association/users");
            assertThat(browser.find("main").getText()).contains(agent.username());
            // an auditor changes nothing: no form to create users
            assertThat(browser.driver.findElements(By.cssSelector("form[action$='/association/users']"))).isEmpty();
            browser.screenshot("24-users");
            // and the agent's pages are not the auditor's
            browser.open("/counter");
            assertThat(browser.find("main").getText()).contains("Vous n'avez pas le droit de faire cela");
            browser.open("/?lang=en");
            assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
            browser.screenshot("25-dashboard-en");
            browser.open("/?lang=fr");
        }
    }

    static {
        // keep Selenium from looking for a browser or driver to download
        System.setProperty("webdriver.chrome.driver", Browser.CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
    }


    /** A participant's member number, as a CCAS finds it on its lists. */
    private String number(Party party) {
        String number = api.get("/api/v1/participants/" + party.id()).get("number");
        assertThat(number).matches("[A-Z0-9]+-[0-9]{6}");
        return number;
    }
}
