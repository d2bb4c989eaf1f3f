package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** Extreme ratios are refused at definition; the largest conversions are refused, never a 500. */
class CurrencyRatioTest extends IntegrationTest {

    private Api.Response define(String euros, String units) {
        String code = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return api.post("/api/v1/currencies", """
                {"code":"%s","name":"Ratio","conversion":{"euros":"%s","units":"%s"},"reconversionFee":"0.05"}"""
                .formatted(code, euros, units));
    }

    @Test
    void aRatioBeyondAHundredUnitsPerEuroEitherWayOrWithHugeTermsIsRefusedNamingTheConversion() {
        for (String[] ratio : new String[][] {{"1", "100000000"}, {"1", "100.01"}, {"100.01", "1"},
                {"10000.01", "10000.01"}, {"100000000", "100000000"}}) {
            Api.Response refused = define(ratio[0], ratio[1]);
            assertProblem(refused, 400, "validation");
            assertThat(refused.get("field")).as(String.join(":", ratio)).isEqualTo("conversion");
        }
        assertThat(define("1", "100").status()).isEqualTo(201);
        assertThat(define("100", "1").status()).isEqualTo(201);
    }

    @Test
    void theLargestConversionAtTheMostGenerousRatioIsRefusedNotFailed() {
        String code = "H" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Api.Response defined = api.post("/api/v1/currencies", """
                {"code":"%s","name":"Hundred","conversion":{"euros":"1","units":"100"},"reconversionFee":"0.05"}"""
                .formatted(code));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String counter = ledger.counter(code);
        Party alice = ledger.participant("MEMBER", "Alice", code);

        Api.Response refused = ledger.convert(counter, alice, "100000000.00");
        Api.Response quoted = api.get("/api/v1/counters/" + counter + "/conversion-quote?participant=" + alice.id()
                + "&euros=100000000.00&paidBy=CASH");

        assertProblem(refused, 400, "validation");
        assertThat(refused.get("field")).isEqualTo("euros");
        assertProblem(quoted, 400, "validation");
        // without a sponsor budget the bonus is not issued: parity
        assertThat(ledger.convert(counter, alice, "1000000.00").status()).isEqualTo(201);
        assertThat(ledger.balance(alice)).isEqualTo("1000000.00");
        Api.Response tooMany = api.post("/api/v1/reconversions", """
                {"merchant":"%s","units":"99999999999999999"}""".formatted(alice.id()));
        assertThat(tooMany.status()).as(tooMany.toString()).isBetween(400, 499);
    }
}
