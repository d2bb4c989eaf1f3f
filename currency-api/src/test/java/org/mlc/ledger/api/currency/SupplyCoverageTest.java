package org.mlc.ledger.api.currency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * The supply counts as backing only money: euros held and the bonus a sponsor owes for units
 * already issued. La Roue (10 € = 12) with Grand Avignon pledging 26,000 €.
 */
class SupplyCoverageTest extends IntegrationTest {

    private String roue;
    private String budget;
    private String counter;

    private void laRoue() {
        roue = ledger.currency("10", "12");
        budget = ledger.sponsorBudget(roue, "COLLECTIVITE", "Grand Avignon", "26000.00", null);
        counter = ledger.counter(roue);
    }

    private void converts(String name, String euros) {
        Party member = ledger.participant("MEMBER", name, roue);
        Api.Response conversion = ledger.convert(counter, member, euros);
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
    }

    @Test
    void theUndrawnPledgeIsShownButOnlyTheDrawnBonusBacksTheUnits() {
        laRoue();
        converts("Alice", "1000.00");

        Api.Response supply = ledger.supply(roue);

        assertThat(supply.get("inCirculation")).isEqualTo("1200.00");
        assertThat(supply.get("counterCash")).isEqualTo("1000.00");
        assertThat(supply.get("sponsorReceivable")).isEqualTo("200.00");
        assertThat(supply.get("sponsorCommitted")).isEqualTo("25800.00");
        assertThat(supply.get("backing")).isEqualTo("1200.00");
        assertThat(supply.get("coverageRatio")).isEqualTo("1.0000");
        assertThat(supply.get("cashCoverageRatio")).isEqualTo("0.8333");
        assertThat(supply.get("underBackedBy")).isEqualTo("0.00");
        assertThat(supply.get("counterShortfall")).isEqualTo("0.00");
        assertThat(supply.json().path("underBackingCauses")).isEmpty();
    }

    @Test
    void aSponsorPaymentTurnsTheReceivableIntoEurosHeld() {
        laRoue();
        converts("Alice", "1000.00");
        converts("Bob", "1000.00");
        assertThat(ledger.supply(roue).get("sponsorReceivable")).isEqualTo("400.00");

        Api.Response paid = api.post("/api/v1/currencies/" + roue + "/bonus-budgets/" + budget + "/payments", """
                {"euros":"300.00","reference":"GRAND-AVIGNON-1"}""");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

        Api.Response supply = ledger.supply(roue);
        assertThat(supply.get("inCirculation")).isEqualTo("2400.00");
        assertThat(supply.get("guaranteeFund")).isEqualTo("300.00");
        assertThat(supply.get("sponsorReceivable")).isEqualTo("100.00");
        assertThat(supply.get("sponsorCommitted")).isEqualTo("25600.00");
        assertThat(supply.get("backing")).isEqualTo("2400.00");
        assertThat(supply.get("coverageRatio")).isEqualTo("1.0000");
        assertThat(supply.get("cashCoverageRatio")).isEqualTo("0.9583");
    }

    @Test
    void aBudgetPaidAheadOfItsDrawsDoesNotWriteOffAnotherSponsorsDebt() {
        laRoue();
        String paidAhead = ledger.sponsorBudget(roue, "ASSOCIATION", "Mécène", "100.00", null);
        assertThat(api.post("/api/v1/currencies/" + roue + "/bonus-budgets/" + paidAhead + "/payments", """
                {"euros":"100.00"}""").status()).isEqualTo(201);
        // the oldest budget, Grand Avignon's, funds the bonus
        converts("Alice", "1000.00");

        Api.Response supply = ledger.supply(roue);

        assertThat(supply.get("sponsorReceivable")).isEqualTo("200.00");
        assertThat(supply.get("sponsorCommitted")).isEqualTo("25800.00");
        assertThat(supply.get("backing")).isEqualTo("1300.00");
        assertThat(supply.get("coverageRatio")).isEqualTo("1.0833");
    }

    @Test
    void aDrawerShortfallIsNotBackingAndIsGivenAsTheCause() {
        laRoue();
        converts("Alice", "1000.00");
        converts("Bob", "1000.00");

        Api.Response closing = ledger.close(counter, "1995.00");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(201);

        Api.Response supply = ledger.supply(roue);
        assertThat(supply.get("counterDiscrepancy")).isEqualTo("5.00");
        assertThat(supply.get("counterShortfall")).isEqualTo("5.00");
        assertThat(supply.get("backing")).isEqualTo("2395.00");
        assertThat(supply.get("underBackedBy")).isEqualTo("5.00");
        assertThat(supply.get("coverageRatio")).isEqualTo("0.9979");
        assertThat(supply.get("cashCoverageRatio")).isEqualTo("0.8312");
        assertThat(supply.json().path("underBackingCauses").toString()).isEqualTo("[\"counter-shortfall\"]");
        books.assertBalanced();
    }
}
