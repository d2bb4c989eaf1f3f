package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The people at the edges, in a real browser: a member not signed in scans a merchant's QR code
 * on a 390 px phone, signs in, lands back on the payment with its amount fixed, confirms after
 * seeing the balance after, and pays once even if the confirmation is sent twice; no page runs
 * wider than the phone or shows an id. Then the counter agent converts euros for that member and
 * prints the receipt, which names the member and its number, the euros, the units, the bonus
 * and a short reference. Screenshots go to target/screenshots (phone-*, receipt-*).
 */
@Tag("browser")
class PhonePaymentBrowserTest extends IntegrationTest {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final Pattern UUID_TEXT = PaymentRequestPageTest.UUID_TEXT;

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed");
    }

    /** What a person sees fits the phone and names no id. */
    private static void fitsThePhoneWithoutIds(Browser browser) {
        assertThat(browser.scrollWidth()).as("page width of " + browser.path()).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(UUID_TEXT.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
    }

    @Test
    void aMemberSignedOutPaysAMerchantsQrRequestOnAPhoneAndTheAgentPrintsAConversionReceipt() throws Exception {
        String currency = ledger.currency("20", "21");
        ledger.sponsorBudget(currency, "1000.00", null);
        String counter = ledger.counter(currency);
        String suffix = currency.substring(1, 6);
        Party member = ledger.participant("MEMBER", "Chloé Durand " + suffix, currency);
        assertThat(ledger.convert(counter, member, "20.00").status()).isEqualTo(201);
        Party merchant = ledger.merchant("Café de la place " + suffix, currency);
        User memberUser = ledger.user("MEMBER", member.id(), null);
        User merchantUser = ledger.user("MERCHANT", merchant.id(), null);
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        assertThat(ledger.balance(member)).isEqualTo("21.00");
        String memberNumber = api.get("/api/v1/participants/" + member.id()).get("number");
        String merchantNumber = api.get("/api/v1/participants/" + merchant.id()).get("number");
        assertThat(memberNumber).isNotBlank();
        assertThat(merchantNumber).isNotBlank();

        String request;
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
            // ---- the merchant shows its QR code on its phone ----
            browser.signIn(merchantUser.username(), merchantUser.password());
            browser.open("/receive");
            browser.type("#amount", "12,50");
            browser.type("#reference", "Table 4");
            browser.submit("#show-qr");
            browser.find("svg.qr");
            request = browser.find("#request-link").getAttribute("href");
            assertThat(request).contains("/pay?to=" + merchant.accountId()).contains("amount=12.50");
            browser.screenshot("phone-01-merchant-qr");
        }

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
            // ---- the member's phone opens the link, not signed in ----
            browser.driver.get(request);
            assertThat(browser.path()).startsWith("/login");
            fitsThePhoneWithoutIds(browser);
            browser.screenshot("phone-02-sign-in");
            browser.type("#username", memberUser.username());
            browser.type("#password", memberUser.password());
            browser.submit("#sign-in");

            // back on the payment, payee and amount intact; the amount is shown, not typed
            assertThat(browser.path()).startsWith("/pay?to=" + merchant.accountId());
            assertThat(browser.text("#payee")).isEqualTo("Café de la place " + suffix);
            assertThat(browser.text("#fixed-amount")).isEqualTo("12,50");
            assertThat(browser.text("#fixed-reference")).isEqualTo("Table 4");
            assertThat(browser.driver.findElements(By.cssSelector("input#amount"))).isEmpty();
            fitsThePhoneWithoutIds(browser);
            browser.screenshot("phone-03-pay-request");
            browser.submit("#pay");

            // the confirmation: payee, amount, balance after; nothing paid yet
            assertThat(browser.text("#confirm-payee")).contains("Café de la place " + suffix);
            assertThat(browser.text("#confirm-payee-number")).isEqualTo(merchantNumber);
            assertThat(browser.text("#confirm-amount")).isEqualTo("12,50");
            assertThat(browser.text("#confirm-balance")).isEqualTo("21,00");
            assertThat(browser.text("#confirm-balance-after")).isEqualTo("8,50");
            assertThat(ledger.balance(member)).isEqualTo("21.00");
            fitsThePhoneWithoutIds(browser);
            browser.screenshot("phone-04-confirm");

            // the confirmation sent twice (a double tap that got through): one payment
            Object first = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector("form[action$='/pay']");
                    fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                        .then(r => done(r.status));""");
            assertThat(first).isEqualTo(200L);
            browser.submit("#confirm");
            assertThat(browser.text("#paid")).contains("12,50").contains("Café de la place " + suffix);
            assertThat(browser.text("#paid-reference")).matches("Référence : P-[0-9A-Z]{6}");
            fitsThePhoneWithoutIds(browser);
            browser.screenshot("phone-05-paid");
            assertThat(ledger.balance(member)).as("paid once").isEqualTo("8.50");
            assertThat(ledger.balance(merchant)).isEqualTo("12.50");
        }

        try (Browser browser = new Browser("http://localhost:" + port)) {
            // ---- at the counter (a tablet): the member's balance and membership, a conversion, its receipt ----
            browser.signIn(agent.username(), agent.password());
            browser.open("/counter/convert?participant=" + member.id());
            assertThat(browser.text("#member-balance")).contains("8,50");
            assertThat(browser.text("#member-membership")).isNotBlank();
            browser.type("#euros", "20,00");
            browser.find("#paidBy-CASH").click();
            browser.screenshot("receipt-01-convert-form");
            browser.submit("#review");
            browser.submit("#confirm");
            String reference = browser.text("#converted-reference");
            assertThat(reference).matches("C-[0-9A-Z]{6}");
            assertThat(UUID_TEXT.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("receipt-02-converted");
            browser.submit("#receipt-link");
            // the receipt reads the reports' view, written a moment after the conversion is answered
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> {
                if (!d.findElements(By.id("receipt")).isEmpty()) {
                    return true;
                }
                d.navigate().refresh();
                return false;
            });
            String receipt = browser.text("#receipt");
            assertThat(browser.text("#receipt-member-number")).isEqualTo(memberNumber);
            assertThat(receipt).contains(reference).contains("Chloé Durand " + suffix).contains(agent.username())
                    .contains("20,00 €").contains("espèces");
            assertThat(browser.text("#receipt-units")).isEqualTo("21,00");
            assertThat(browser.text("#receipt-bonus")).isEqualTo("1,00");
            assertThat(browser.text("#receipt-at")).isNotBlank();
            assertThat(UUID_TEXT.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("receipt-03-receipt");
            // as printed: the page's header, footer and buttons are left out
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
            assertThat(browser.find("#receipt").isDisplayed()).isTrue();
            assertThat(browser.driver.findElement(By.id("print-receipt")).isDisplayed()).isFalse();
            browser.screenshot("receipt-04-print");
        }
    }

    static {
        System.setProperty("webdriver.chrome.driver", Browser.CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
    }
}
