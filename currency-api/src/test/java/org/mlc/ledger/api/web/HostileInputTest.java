package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * Hostile numbers, dates and names: each is refused with a 400 naming its field, quickly, and
 * stores nothing.
 */
class HostileInputTest extends IntegrationTest {

    private String currency;
    private String counter;
    private Party member;
    private Party merchant;

    @BeforeEach
    void money() {
        currency = ledger.currency("10", "10");
        counter = ledger.counter(currency);
        member = ledger.fundedMember(currency, counter, "10.00");
        merchant = ledger.merchant("Shop", currency);
    }

    /** The amount field's JSON, as sent (a number, a string, or not JSON at all). */
    static Stream<String> hostileAmounts() {
        return Stream.of("1E+999999999", "1e999999999", "-1E+999999999", "1E+2147483647", "1E+2147483648",
                "1E-2147483647", "9E-999999999", "0.1E+999999999", "1" + "0".repeat(10_000),
                "0." + "0".repeat(10_000) + "1", "1." + "0".repeat(10_000), "\"" + "1".repeat(10_000) + "\"",
                "\"1E+999999999\"", "NaN", "\"NaN\"", "Infinity", "-Infinity", "\"Infinity\"", "0x10", "\"0x10\"",
                "+1", "\"+1\"", "\"1.5e2\"", "\"١٢\"");
    }

    @Test
    void aHostileAmountIsRefusedNamingTheFieldInMillisecondsAndMovesNothing() {
        long events = books.eventCount();
        hostileAmounts().forEach(amount -> {
            long start = System.nanoTime();
            Api.Response response = api.post("/api/v1/payments", """
                    {"from":"%s","to":"%s","amount":%s}""".formatted(member.accountId(), merchant.accountId(), amount));
            long millis = (System.nanoTime() - start) / 1_000_000;
            String what = abbreviate(amount) + " → " + response;
            assertThat(response.status()).as(what).isEqualTo(400);
            assertThat(response.get("field")).as(what).isEqualTo("amount");
            assertThat(millis).as("answered in milliseconds: " + what).isLessThan(1_000);
        });
        assertThat(books.eventCount()).isEqualTo(events);
        assertThat(ledger.balance(member)).isEqualTo("10.00");
        assertThat(ledger.balance(merchant)).isEqualTo("0.00");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "… (" + text.length() + " characters)" : text;
    }

    @Test
    void aHostileRateIsRefusedNamingTheField() {
        for (String share : java.util.List.of("1E+999999999", "1E+2147483647", "1E-2147483647", "0.5E+999999999")) {
            long start = System.nanoTime();
            Api.Response response = api.post("/api/v1/currencies/" + currency + "/donation-share",
                    "{\"share\":" + share + "}");
            assertThat(response.status()).as(share + " → " + response).isEqualTo(400);
            assertThat(response.get("field")).isEqualTo("share");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        }
    }

    @Test
    void aDateOutOfRangeIsRefusedNamingTheFieldOnEveryEndpoint() {
        String ccasProgram = ledger.aidProgram(ledger.participant("CCAS", "CCAS", currency), currency, "ALIMENTATION");
        for (String day : java.util.List.of("+294277-01-01", "+999999999-12-31", "-0001-01-01", "1999-12-31",
                "2101-01-01", "20260-01-01", "2026-1-1", "2026-02-30")) {
            refusedEverywhere(day, ccasProgram);
        }
    }

    private void refusedEverywhere(String day, String ccasProgram) {
        String encoded = java.net.URLEncoder.encode(day, java.nio.charset.StandardCharsets.UTF_8);
        String month = day.substring(0, day.lastIndexOf('-'));
        String encodedMonth = java.net.URLEncoder.encode(month, java.nio.charset.StandardCharsets.UTF_8);
        assertRefused(api.get("/api/v1/accounts/" + member.accountId() + "/entries?from=" + encoded), "from");
        assertRefused(api.get("/api/v1/accounts/" + member.accountId() + "/entries?format=csv&to=" + encoded), "to");
        assertRefused(api.get("/api/v1/audit?from=" + encoded), "from");
        assertRefused(api.get("/api/v1/reports/counters/" + counter + "/day?date=" + encoded), "date");
        assertRefused(api.get("/api/v1/reports/aid-programs/" + ccasProgram + "?from=" + encoded), "from");
        if (!"2026-02".equals(month)) {
            assertRefused(api.get("/api/v1/reports/merchants/" + merchant.id() + "/monthly?month=" + encodedMonth),
                    "month");
            assertRefused(api.get("/api/v1/reports/indicators?currency=" + currency + "&from=" + encodedMonth
                    + "&to=2026-12"), "from");
        }
        long events = books.eventCount();
        Api.Response statement = api.postCsv("/api/v1/currencies/" + currency + "/bank-statements",
                "date,amount,label,reference\r\n" + day + ",1.00,virement,REF-1\r\n");
        assertRefused(statement, "line 2");
        assertThat(books.eventCount()).isEqualTo(events);
    }

    @Test
    void theDatesAtTheEndsOfTheRangeAreAccepted() {
        Api.Response statement = api.get("/api/v1/accounts/" + member.accountId()
                + "/entries?from=2000-01-01&to=2100-12-31");
        assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
        Api.Response month = api.get("/api/v1/reports/merchants/" + merchant.id() + "/monthly?month=2100-12");
        assertThat(month.status()).as(month.toString()).isEqualTo(200);
    }

    /** JSON escapes, so that the server receives exactly these UTF-16 units. */
    @Test
    void aNameThatMisleadsIsRefusedNamingTheField() {
        String before = books.fingerprint();
        for (String escaped : java.util.List.of("\\ud800", "Bob\\udc00", "\\udc00\\ud800", "\\u00a0", "\\u2003\\u3000",
                "Bob\\u202egnp.exe", "Bob\\u202d", "\\u2066Bob\\u2069", "Bo\\u200bb", "Bo\\u200db", "Bob\\u2060",
                "\\ufeffBob", "Bob\\u0007", "Bob\\u0085", "Bob\\n", "\\tBob")) {
            Api.Response response = api.post("/api/v1/participants", """
                    {"kind":"MEMBER","name":"%s","currency":"%s"}""".formatted(escaped, currency));
            assertRefused(response, "name");
        }
        assertThat(books.fingerprint()).isEqualTo(before);
    }

    @Test
    void aNameIsStoredComposedAndWithoutTheUnicodeSpacesAroundIt() {
        // "Cafe" and a combining acute accent, between no-break and ideographic spaces
        Api.Response created = api.post("/api/v1/participants", """
                {"kind":"MEMBER","name":"\\u00a0Cafe\\u0301 de l\\u2019\\u00c9glise\\u3000","currency":"%s"}"""
                .formatted(currency));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/participants/" + created.get("id")).get("name"))
                .isEqualTo("Caf\u00e9 de l\u2019\u00c9glise");
    }

    @Test
    void aPaymentReferenceAndABankStatementLabelAreCheckedAsNamesAre() {
        String before = books.fingerprint();
        assertRefused(api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"1.00","reference":"loyer\\u202e"}""".formatted(member.accountId(),
                merchant.accountId())), "reference");
        assertRefused(api.postCsv("/api/v1/currencies/" + currency + "/bank-statements",
                "date,amount,label,reference\r\n2026-11-02,1.00,vir\u200bement,REF-1\r\n"), "line 2");
        assertThat(books.fingerprint()).isEqualTo(before);
    }

    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("field")).as(response.toString()).isEqualTo(field);
    }

}
