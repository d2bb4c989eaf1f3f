package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.TestMail;
import org.openqa.selenium.By;

/**
 * In a real browser: a merchant applies through the form on a 390 px phone, the administrator
 * approves it on the review page, the welcome e-mail arrives (the test SMTP server), its link sets
 * a password, and the merchant signs in and shows its QR code; then a member who forgot its
 * password gets a link by e-mail and chooses a new one. Screenshots: target/screenshots (apply-*).
 */
@Tag("browser")
class ApplicationBrowserTest extends IntegrationTest {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed");
    }

    @Test
    void aMerchantAppliesIsApprovedSetsItsPasswordFromTheWelcomeMailAndShowsItsQrCode() throws Exception {
        String currency = ledger.currency("10", "10");
        String suffix = currency.substring(1, 6);
        String name = "Fromagerie " + suffix;
        String email = "fromagerie-" + suffix.toLowerCase() + "@example.org";
        String base = "http://localhost:" + port;

        try (Browser browser = new Browser(base)) {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
            browser.open("/apply/merchant?currency=" + currency);
            browser.type("#name", name);
            browser.type("#siret", "732 829 320 00074");
            browser.type("#address", "3 rue du Minage");
            browser.type("#postcode", "17000");
            browser.type("#commune", "La Rochelle");
            browser.type("#email", email);
            browser.type("#description", "Fromages fermiers de la région");
            browser.find("#charterAccepted").click();
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(PHONE_WIDTH);
            browser.screenshot("apply-01-merchant-form");
            browser.submit("#apply");
            assertThat(browser.text("#sent")).contains("candidature est envoyée");
            browser.screenshot("apply-02-merchant-sent");
        }
        assertThat(TestMail.await(email, 1).get(0).subject()).contains("bien reçu");

        try (Browser browser = new Browser(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.open("/association/applications");
            browser.screenshot("apply-03-review");
            browser.driver.findElement(By.xpath("//article[h3[text()='" + name + "']]//button[contains(@class,"
                    + "'approve')]")).click();
            assertThat(browser.text("#approved")).contains("fromagerie");
        }

        TestMail.Mail welcome = TestMail.await(email, 2).get(1);
        String username = "fromagerie." + suffix.toLowerCase();
        assertThat(welcome.body()).contains(username);
        try (Browser browser = new Browser(base)) {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
            browser.driver.get(welcome.link("/password/new?token="));
            browser.type("#password", "mon-fromage-2026");
            browser.screenshot("apply-04-choose-password");
            browser.submit("#set-password");
            assertThat(browser.path()).startsWith("/login?password");
            browser.signIn(username, "mon-fromage-2026");
            browser.open("/receive");
            browser.type("#amount", "8,40");
            browser.submit("#show-qr");
            browser.find("svg.qr");
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(PHONE_WIDTH);
            browser.screenshot("apply-05-merchant-qr");
        }
    }

    @Test
    void aMemberWhoForgotItsPasswordChoosesANewOneFromTheLinkItReceives() throws Exception {
        String currency = ledger.currency("10", "10");
        var member = ledger.participant("MEMBER", "Lucie Martin", currency);
        String username = "lucie" + UUID.randomUUID().toString().substring(0, 6);
        String email = username + "@example.org";
        assertThat(api.post("/api/v1/users", """
                {"username":"%s","password":"an-old-password-1","role":"MEMBER","participant":"%s","email":"%s"}"""
                .formatted(username, member.id(), email)).status()).isEqualTo(201);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
            browser.open("/login");
            browser.find("#forgotten").click();
            browser.type("#email", email);
            browser.screenshot("apply-06-forgotten");
            browser.submit("#send-link");
            assertThat(browser.text("#sent")).contains("30 minutes");
            String link = TestMail.await(email, 1).get(0).link("/password/new?token=");
            browser.driver.get(link);
            browser.type("#password", "un-nouveau-mot-de-passe");
            browser.submit("#set-password");
            browser.signIn(username, "un-nouveau-mot-de-passe");
            browser.open("/account");
            assertThat(browser.pageText()).contains("Lucie Martin");
            // the link was for one use
            browser.signOut();
            browser.driver.get(link);
            assertThat(browser.text("#invalid-link")).contains("déjà utilisé");
        }
    }
}
