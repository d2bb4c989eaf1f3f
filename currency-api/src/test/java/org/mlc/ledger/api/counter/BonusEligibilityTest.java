package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** Who gets the bonus: members by default, so that converting and reconverting gains nothing. */
class BonusEligibilityTest extends IntegrationTest {

    private Api.Response budget(String currency, String budget) {
        Api.Response response = api.get("/api/v1/currencies/" + currency + "/bonus-budgets/" + budget);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    @Test
    void aMerchantThatConvertsAndReconvertsTakesNothingFromTheSponsorsBudget() {
        String roue = ledger.currency("10", "12");
        String budget = ledger.sponsorBudget(roue, "COLLECTIVITE", "Grand Avignon", "26000.00", null);
        String counter = ledger.counter(roue);
        Party merchant = ledger.merchant("Épicerie", roue);
        Party member = ledger.participant("MEMBER", "Alice", roue);

        Api.Response merchantConversion = ledger.convert(counter, merchant, "1000.00");

        assertThat(merchantConversion.status()).as(merchantConversion.toString()).isEqualTo(201);
        assertThat(merchantConversion.get("units")).isEqualTo("1000.00");
        assertThat(merchantConversion.get("bonus")).isEqualTo("0.00");
        assertThat(merchantConversion.get("bonusReason")).isEqualTo("not-eligible");
        ledger.remitAndConfirm(counter, "1000.00");
        Api.Response reconversion = ledger.reconvert(merchant, "1000.00");
        assertThat(reconversion.status()).as(reconversion.toString()).isEqualTo(201);
        assertThat(ledger.balance(merchant)).isEqualTo("0.00");
        assertThat(budget(roue, budget).get("drawn")).isEqualTo("0.00");
        assertThat(budget(roue, budget).get("remaining")).isEqualTo("26000.00");

        Api.Response memberConversion = ledger.convert(counter, member, "1000.00");

        assertThat(memberConversion.get("units")).isEqualTo("1200.00");
        assertThat(memberConversion.get("bonusReason")).isNull();
        assertThat(budget(roue, budget).get("drawn")).isEqualTo("200.00");
        books.assertBalanced();
        books.assertBacked(roue);
    }

    @Test
    void aCurrencyShowsMembersOnlyUntilItNamesOtherKindsWhoThenGetTheBonus() {
        String roue = ledger.currency("10", "12");
        ledger.sponsorBudget(roue, "26000.00", null);
        String counter = ledger.counter(roue);
        Party merchant = ledger.merchant("Boulangerie", roue);
        Party collectivite = ledger.participant("COLLECTIVITE", "Mairie", roue);
        assertThat(api.get("/api/v1/currencies/" + roue).json().path("bonusEligibility").toString())
                .isEqualTo("[\"MEMBER\"]");

        Api.Response set = api.post("/api/v1/currencies/" + roue + "/bonus-eligibility",
                "{\"kinds\":[\"MERCHANT\",\"MEMBER\"]}");

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("bonusEligibility").toString()).isEqualTo("[\"MEMBER\",\"MERCHANT\"]");
        assertThat(ledger.convert(counter, merchant, "10.00").get("units")).isEqualTo("12.00");
        assertThat(ledger.convert(counter, collectivite, "10.00").get("bonusReason")).isEqualTo("not-eligible");
    }

    @Test
    void unknownOrMalformedKindsAreRefusedNamingKinds() {
        String roue = ledger.currency("10", "12");
        for (String body : new String[] {"{\"kinds\":[\"MEMBER\",\"ROBOT\"]}", "{\"kinds\":\"MEMBER\"}", "{}",
                "{\"kinds\":[1]}", "{\"kinds\":[null]}"}) {
            Api.Response refused = api.post("/api/v1/currencies/" + roue + "/bonus-eligibility", body);
            assertProblem(refused, 400, "validation");
            assertThat(refused.get("field")).as(body).isEqualTo("kinds");
        }
        assertThat(api.get("/api/v1/currencies/" + roue).json().path("bonusEligibility").toString())
                .isEqualTo("[\"MEMBER\"]");
    }
}
