package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The currency in public, in a real browser on a 390 px phone, without an account: a visitor
 * opens the transparency page and reads the figures the API's supply gives, then the directory,
 * searches it by commune and sees a marker on the map for each approved merchant found, never
 * one for a suspended merchant. Screenshots go to target/screenshots (public-*).
 */
@Tag("browser")
class PublicPagesBrowserTest extends IntegrationTest {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final Pattern UUID_TEXT = PaymentRequestPageTest.UUID_TEXT;

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed");
    }

    @Test
    void anAnonymousVisitorReadsTheFiguresOfTheSupplyAndFindsApprovedMerchantsOnTheMapByCommune() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        String suffix = currency.substring(1, 6);
        Party member = ledger.fundedMember(currency, counter, "250.00");
        Party epicerie = ledger.merchant("Épicerie du Marché " + suffix, currency);
        Party boulangerie = ledger.merchant("Boulangerie des Halles " + suffix, currency);
        Party fromagerie = ledger.merchant("Fromagerie d'Ossau " + suffix, currency);
        Party garage = ledger.merchant("Garage suspendu " + suffix, currency);
        publish(epicerie, "3 rue du Marché", "64000", "Pau", "43.2951", "-0.3708");
        publish(boulangerie, "10 place de la Libération", "64000", "Pau", "43.2946", "-0.3687");
        publish(fromagerie, "12 place Royale", "64400", "Oloron-Sainte-Marie", "43.1942", "-0.6067");
        publish(garage, "1 route de Bayonne", "64000", "Pau", "43.3010", "-0.3900");
        assertThat(ledger.suspend(garage, "unpaid membership").status()).isEqualTo(200);
        assertThat(ledger.pay(member, epicerie, "30.00").status()).isBetween(200, 201);

        JsonNode supply = ledger.supply(currency).json();
        Api.Response publicFigures = api.getAnonymously("/api/v1/public/currencies/" + currency);
        assertThat(publicFigures.status()).isEqualTo(200);
        for (String field : List.of("inCirculation", "electronic", "paper", "guaranteeFund", "backing")) {
            assertThat(publicFigures.get(field)).as(field).isEqualTo(supply.path(field).asText());
        }

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
            browser.open("/public/" + currency);
            assertThat(browser.path()).isEqualTo("/public/" + currency);
            for (String field : List.of("inCirculation", "electronic", "paper")) {
                assertThat(browser.text("#" + field)).as(field).isEqualTo(french(supply.path(field).asText()));
            }
            assertThat(browser.text("#inCirculation")).isEqualTo("250,00");
            for (String field : List.of("guaranteeFund", "backing")) {
                assertThat(browser.text("#" + field)).as(field).isEqualTo(french(supply.path(field).asText()) + " €");
            }
            assertThat(browser.text("#approvedMerchants")).isEqualTo("3");
            assertThat(browser.text("#members")).isEqualTo("1");
            assertThat(browser.driver.findElements(By.cssSelector("svg.chart"))).hasSize(2);
            fitsThePhoneWithoutIds(browser);
            browser.fullScreenshot("public-01-figures", PHONE_WIDTH, PHONE_HEIGHT);

            browser.submit("#directory-link");
            assertThat(browser.path()).startsWith("/public/" + currency + "/annuaire");
            assertThat(markers(browser, 3)).hasSize(3);
            assertThat(browser.pageText()).doesNotContain("Garage suspendu");
            browser.screenshot("public-02-directory");

            browser.type("#commune", "Pau");
            browser.submit("#search-button");
            assertThat(browser.path()).contains("commune=Pau");
            List<String> names = browser.driver.findElements(By.cssSelector("#merchants .merchant .name")).stream()
                    .map(WebElement::getText).toList();
            assertThat(names).containsExactly("Boulangerie des Halles " + suffix, "Épicerie du Marché " + suffix);
            List<String> titles = markers(browser, 2).stream().map(m -> m.getAttribute("title")).sorted().toList();
            assertThat(titles).containsExactly("Boulangerie des Halles " + suffix, "Épicerie du Marché " + suffix);
            assertThat(browser.pageText()).doesNotContain("Garage suspendu").doesNotContain("Fromagerie");
            fitsThePhoneWithoutIds(browser);
            browser.fullScreenshot("public-03-directory-pau", PHONE_WIDTH, PHONE_HEIGHT);
        }
    }

    private void publish(Party merchant, String address, String postcode, String commune, String lat, String lon) {
        Api.Response response = api.post("/api/v1/participants/" + merchant.id() + "/public-profile", """
                {"address":"%s","postcode":"%s","commune":"%s","lat":"%s","lon":"%s",
                 "openingHours":"mar.-sam. 9h-19h","website":"https://exemple.fr"}"""
                .formatted(address, postcode, commune, lat, lon));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** The map's markers, once the map script has drawn {@code expected} of them (tiles or not). */
    private static List<WebElement> markers(Browser browser, int expected) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("#map .leaflet-marker-icon")).size() == expected);
        return browser.driver.findElements(By.cssSelector("#map .leaflet-marker-icon"));
    }

    /** What a person sees fits the phone and names no id. */
    private static void fitsThePhoneWithoutIds(Browser browser) {
        assertThat(browser.scrollWidth()).as("page width of " + browser.path()).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(UUID_TEXT.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
    }

    /** "290.00" as the pages write it, "290,00" (the amounts here stay below a thousand). */
    private static String french(String amount) {
        return amount.replace('.', ',');
    }
}
