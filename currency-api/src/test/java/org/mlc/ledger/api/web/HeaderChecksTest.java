package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * The headers of a request that changes something are checked before anything is sent: an answer
 * the client cannot take (406) or a body type that is no type (415) leaves the books as they were.
 */
class HeaderChecksTest extends IntegrationTest {

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

    private String payment(String amount) {
        return """
                {"from":"%s","to":"%s","amount":"%s"}""".formatted(member.accountId(), merchant.accountId(), amount);
    }

    @Test
    void aPaymentWhoseAnswerTheClientCannotAcceptMovesNoMoneyAndARetryWithANewKeyPaysOnce() {
        String before = books.fingerprint();
        Api.Response refused = api.request("POST", "/api/v1/payments", payment("1.00"), true,
                "Content-Type", "application/json", "Accept", "application/xml",
                "Idempotency-Key", UUID.randomUUID().toString());
        Api.assertProblem(refused, 406, "not-acceptable");
        assertThat(books.fingerprint()).as("nothing stored by the refused payment").isEqualTo(before);

        // the client drops the header and retries with a new key: one payment, not two
        Api.Response paid = api.post("/api/v1/payments", payment("1.00"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(ledger.balance(member)).isEqualTo("9.00");
        assertThat(ledger.balance(merchant)).isEqualTo("1.00");
    }

    @Test
    void aConversionAskedForAsCsvStoresNothing() {
        String before = books.fingerprint();
        Api.Response refused = api.request("POST", "/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"5.00","paidBy":"CASH","payout":"ACCOUNT"}""".formatted(member.id()), true,
                "Content-Type", "application/json", "Accept", "text/csv",
                "Idempotency-Key", UUID.randomUUID().toString());
        Api.assertProblem(refused, 406, "not-acceptable");
        assertThat(books.fingerprint()).isEqualTo(before);
        assertThat(ledger.balance(member)).isEqualTo("10.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "application/*+json", "*/json", "json", "application/",
            "text/"})
    void aContentTypeThatIsNotOneTypeIsUnsupportedAndStoresNothing(String contentType) {
        String before = books.fingerprint();
        Api.Response refused = api.request("POST", "/api/v1/payments", payment("1.00"), true,
                "Content-Type", contentType, "Idempotency-Key", UUID.randomUUID().toString());
        Api.assertProblem(refused, 415, "unsupported-media-type");
        assertThat(books.fingerprint()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "application/*", "application/xml, application/json;q=0.1",
            "text/html, */*;q=0.8"})
    void anAcceptThatJsonSatisfiesIsServed(String accept) {
        Api.Response paid = api.request("POST", "/api/v1/payments", payment("0.01"), true,
                "Content-Type", "application/json", "Accept", accept, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }

    @Test
    void pagesTellOtherSitesOurOriginOnly() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }
}
