package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** The day of la Roue's counter of docs/counters.md, through HTTP. */
class RoueWalkThroughTest extends IntegrationTest {

    @Test
    void aCounterDayFromSponsoredBonusToConfirmedRemittanceKeepsTheRoueBacked() {
        String roue = ledger.currency("10", "12");
        String budget = ledger.sponsorBudget(roue, "COLLECTIVITE", "Grand Avignon", "26000.00", null);
        String counter = ledger.counter(roue);
        ledger.noteStock(counter, """
                {"1":100,"5":40,"10":40,"20":20,"50":10}""");
        Party alice = ledger.participant("MEMBER", "Alice", roue);
        Party bob = ledger.participant("MEMBER", "Bob", roue);

        Api.Response electronic = ledger.convert(counter, alice, "10.00");
        assertThat(electronic.status()).as(electronic.toString()).isEqualTo(201);
        assertThat(electronic.get("units")).isEqualTo("12.00");
        assertThat(electronic.get("bonus")).isEqualTo("2.00");
        assertThat(electronic.get("bonusReason")).isNull();
        assertThat(ledger.balance(alice)).isEqualTo("12.00");

        Api.Response paper = ledger.convertToNotes(counter, bob, "50.00");
        assertThat(paper.status()).as(paper.toString()).isEqualTo(201);
        assertThat(paper.get("units")).isEqualTo("60.00");
        assertThat(paper.json().path("notes").path("50").asInt()).isEqualTo(1);
        assertThat(paper.json().path("notes").path("10").asInt()).isEqualTo(1);
        assertThat(ledger.balance(bob)).isEqualTo("0.00");

        Api.Response closing = ledger.close(counter, "55.00");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
        assertThat(closing.json().path("expected").path("CASH").asText()).isEqualTo("60.00");
        assertThat(closing.json().path("counted").path("CASH").asText()).isEqualTo("55.00");
        assertThat(closing.json().path("discrepancy").path("CASH").asText()).isEqualTo("-5.00");
        assertThat(closing.get("totalDiscrepancy")).isEqualTo("-5.00");
        assertThat(closing.get("unitsElectronic")).isEqualTo("12.00");
        assertThat(closing.get("unitsPaper")).isEqualTo("60.00");
        assertThat(closing.get("bonus")).isEqualTo("12.00");
        assertThat(closing.json().path("notesSold").path("50").asInt()).isEqualTo(1);
        Api.Response zReport = api.get("/api/v1/counters/" + counter + "/closings/" + closing.get("id"));
        assertThat(zReport.json()).isEqualTo(closing.json());
        Api.Response whileClosed = ledger.convert(counter, alice, "10.00");
        assertThat(whileClosed.status()).isEqualTo(422);
        assertThat(whileClosed.get("code")).isEqualTo("counter-closed");

        Api.Response remittance = ledger.remit(counter, "55.00");
        assertThat(remittance.status()).as(remittance.toString()).isEqualTo(201);
        assertThat(remittance.get("status")).isEqualTo("TO_REMIT");
        String remittancePath = "/api/v1/counters/" + counter + "/remittances/" + remittance.get("id");
        assertThat(api.post(remittancePath + "/remitted", "{}").get("status")).isEqualTo("REMITTED");
        Api.Response confirmed = api.post(remittancePath + "/confirmation", """
                {"bankReference":"NEF-2026-0042"}""");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.get("status")).isEqualTo("CONFIRMED");

        Api.Response supply = ledger.supply(roue);
        assertThat(supply.get("electronic")).isEqualTo("12.00");
        assertThat(supply.get("paper")).isEqualTo("60.00");
        assertThat(supply.get("inCirculation")).isEqualTo("72.00");
        assertThat(supply.get("guaranteeFund")).isEqualTo("55.00");
        assertThat(supply.get("counterCash")).isEqualTo("0.00");
        // the 12.00 of bonus drawn is owed by Grand Avignon and backs; the rest of the pledge does not
        assertThat(supply.get("sponsorReceivable")).isEqualTo("12.00");
        assertThat(supply.get("sponsorCommitted")).isEqualTo("25988.00");
        assertThat(supply.get("counterDiscrepancy")).isEqualTo("5.00");
        // the 5.00 € missing from the drawer backs nothing until it is covered
        assertThat(supply.get("counterShortfall")).isEqualTo("5.00");
        assertThat(supply.get("backing")).isEqualTo("67.00");
        assertThat(supply.get("underBackedBy")).isEqualTo("5.00");
        assertThat(supply.get("coverageRatio")).isEqualTo("0.9305");
        Api.Response sponsorBudget = api.get("/api/v1/currencies/" + roue + "/bonus-budgets/" + budget);
        assertThat(sponsorBudget.get("drawn")).isEqualTo("12.00");
        assertThat(sponsorBudget.get("remaining")).isEqualTo("25988.00");
        books.assertBalanced();
        books.assertBacked(roue);
    }

    @Test
    void withoutASponsorBudgetAConversionIsAtParityAndSaysWhy() {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Chloé", roue);

        Api.Response conversion = ledger.convert(counter, member, "10.00");

        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        assertThat(conversion.get("units")).isEqualTo("10.00");
        assertThat(conversion.get("bonus")).isEqualTo("0.00");
        assertThat(conversion.get("bonusReason")).isEqualTo("no-budget");
        books.assertBacked(roue);
    }

    @Test
    void theMonthlyCapPerMemberIsSaidInTheAnswer() {
        String roue = ledger.currency("10", "12");
        ledger.sponsorBudget(roue, "26000.00", "3.00");
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Dan", roue);

        assertThat(ledger.convert(counter, member, "10.00").get("bonus")).isEqualTo("2.00");
        Api.Response capped = ledger.convert(counter, member, "10.00");

        assertThat(capped.get("bonus")).isEqualTo("1.00");
        assertThat(capped.get("units")).isEqualTo("11.00");
        assertThat(capped.get("bonusReason")).isEqualTo("monthly-cap-reached");
    }

    @Test
    void notesBroughtBackAreCreditedToTheAccount() {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        ledger.noteStock(counter, """
                {"10":5}""");
        Party member = ledger.participant("MEMBER", "Eve", roue);
        assertThat(ledger.convertToNotes(counter, member, "20.00").status()).isEqualTo(201);

        Api.Response deposit = api.post("/api/v1/counters/" + counter + "/note-deposits", """
                {"participant":"%s","notes":{"10":2}}""".formatted(member.id()));

        assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
        assertThat(deposit.get("units")).isEqualTo("20.00");
        assertThat(ledger.balance(member)).isEqualTo("20.00");
        assertThat(ledger.supply(roue).get("paper")).isEqualTo("0.00");
        books.assertBalanced();
        books.assertBacked(roue);
    }

    @Test
    void aSponsorPaymentMovesCommittedEurosIntoTheFund() {
        String roue = ledger.currency("10", "12");
        String budget = ledger.sponsorBudget(roue, "100.00", null);

        Api.Response paid = api.post("/api/v1/currencies/" + roue + "/bonus-budgets/" + budget + "/payments", """
                {"euros":"40.00","reference":"GRAND-AVIGNON-1"}""");

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.get("paidIn")).isEqualTo("40.00");
        assertThat(ledger.supply(roue).get("sponsorCommitted")).isEqualTo("60.00");
        assertThat(ledger.supply(roue).get("guaranteeFund")).isEqualTo("40.00");
    }

    @Test
    void theDonationShareGoesFromTheIssuerToTheAssociationTheMemberChose() {
        String eusko = ledger.currency("1", "1");
        String counter = ledger.counter(eusko);
        Party issuer = ledger.participant("ASSOCIATION", "Euskal Moneta", eusko);
        Party association = ledger.participant("ASSOCIATION", "Ikastola", eusko);
        Party member = ledger.participant("MEMBER", "Maddi", eusko);
        assertThat(ledger.convert(counter, issuer, "50.00").status()).isEqualTo(201);
        Api.Response share = api.post("/api/v1/currencies/" + eusko + "/donation-share", """
                {"issuer":"%s","share":"0.03"}""".formatted(issuer.id()));
        assertThat(share.status()).as(share.toString()).isEqualTo(200);

        Api.Response conversion = api.post("/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"100.00","paidBy":"CARD","payout":"ACCOUNT","donateTo":"%s"}"""
                .formatted(member.id(), association.id()));

        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        assertThat(conversion.get("donation")).isEqualTo("3.00");
        assertThat(ledger.balance(member)).isEqualTo("100.00");
        assertThat(ledger.balance(association)).isEqualTo("3.00");
        assertThat(ledger.balance(issuer)).isEqualTo("47.00");
        assertThat(ledger.supply(eusko).get("inTransit")).isEqualTo("0.00");
        books.assertBalanced();
        books.assertBacked(eusko);
    }
}
