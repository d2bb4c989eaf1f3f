package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** Wrong input gets a clear problem+json and writes nothing. */
class BadInputTest extends IntegrationTest {

    private Party member;
    private Party merchant;
    private String counter;

    @BeforeEach
    void money() {
        String currency = ledger.currency("10", "10");
        counter = ledger.counter(currency);
        member = ledger.fundedMember(currency, counter, "10.00");
        merchant = ledger.merchant("Shop", currency);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"-5\"", "\"0\"", "\"20.001\"", "\"1e3\"", "\"1 000\"", "\"abc\"", "\"\"", "null",
            "\"100000000.01\"", "\"99999999999999999999\"", "20.001", "-5", "0", "true", "{}"})
    void aMalformedAmountIsRefusedNamingTheField(String amount) {
        long events = books.eventCount();
        Api.Response response = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":%s}""".formatted(member.accountId(), merchant.accountId(), amount));
        assertProblem(response, 400, "validation");
        assertThat(response.get("field")).isEqualTo("amount");
        assertThat(books.eventCount()).isEqualTo(events);
    }

    @Test
    void aMissingAmountIsRefusedNamingTheField() {
        Api.Response response = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s"}""".formatted(member.accountId(), merchant.accountId()));
        assertProblem(response, 400, "validation");
        assertThat(response.get("field")).isEqualTo("amount");
    }

    @Test
    void cannotPayMoreThanTheBalance() {
        long events = books.eventCount();
        Api.Response response = ledger.pay(member, merchant, "10.01");
        assertProblem(response, 422, "insufficient-funds");
        assertThat(books.eventCount()).isEqualTo(events);
        assertThat(ledger.balance(member)).isEqualTo("10.00");
    }

    @Test
    void anUnknownAccountIsNotFound() {
        long events = books.eventCount();
        Api.Response response = ledger.pay(member, new Party("x", "no-such-account"), "1.00");
        assertProblem(response, 404, "not-found");
        assertThat(response.get("field")).isEqualTo("to");
        assertProblem(api.get("/api/v1/accounts/no-such-account"), 404, "not-found");
        assertThat(books.eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownCurrencyIsNotFound() {
        long events = books.eventCount();
        assertProblem(api.post("/api/v1/participants", """
                {"kind":"MEMBER","name":"Bob","currency":"NOSUCH"}"""), 404, "not-found");
        assertProblem(api.post("/api/v1/counters", """
                {"name":"C","currency":"NOSUCH"}"""), 404, "not-found");
        assertProblem(api.get("/api/v1/currencies/NOSUCH/supply"), 404, "not-found");
        assertThat(books.eventCount()).isEqualTo(events);
    }

    @Test
    void aConversionOfAMalformedAmountWritesNothing() {
        long events = books.eventCount();
        for (String euros : List.of("-5", "0", "20.001", "1e3")) {
            assertProblem(ledger.convert(counter, member, euros), 400, "validation");
        }
        assertThat(books.eventCount()).isEqualTo(events);
    }

    @Test
    void anAccountCannotPayItself() {
        assertProblem(ledger.pay(member, member, "1.00"), 400, "validation");
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongMethodsAreProblems() {
        assertProblem(api.post("/api/v1/payments", "{not json"), 400, "malformed");
        Api.Response unknownField = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"1.00","extra":1}""".formatted(member.accountId(), merchant.accountId()));
        assertProblem(unknownField, 400, "validation");
        assertThat(unknownField.get("field")).isEqualTo("extra");
        assertProblem(api.get("/api/v1/payments"), 405, "method-not-allowed");
        assertProblem(api.getAnonymously("/api/v1/accounts/" + member.accountId()), 401, "unauthorized");
    }

    @Test
    void aRequestWithoutIdempotencyKeyIsRefused() {
        Api.Response response = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"1.00"}""".formatted(member.accountId(), merchant.accountId()), null);
        assertProblem(response, 400, "idempotency-key-missing");
    }

    @Test
    void noErrorRevealsInternals() {
        Api.Response response = api.post("/api/v1/payments", "{\"from\":[1,2],\"to\":{}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).doesNotContain("Exception", "org.", "java.", "SQL", "at ");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("type")).endsWith("/" + code);
        assertThat(response.get("code")).isEqualTo(code);
    }
}
