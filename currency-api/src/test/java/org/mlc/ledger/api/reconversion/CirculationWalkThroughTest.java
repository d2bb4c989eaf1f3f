package org.mlc.ledger.api.reconversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * The walk-through through the API: a member converts 200.00 € and pays an approved grocer
 * 150.00; an unapproved merchant cannot be paid; the grocer pays its supplier 20.00 (B2B), refunds
 * 5.00 of the member's payment (a second refund of 150.00 is refused); the counter's cash reaches
 * the fund; the grocer reconverts 100.00 at 5 %.
 */
class CirculationWalkThroughTest extends IntegrationTest {

    @Test
    void memberPaysGrocerWhoPaysSupplierRefundsAndReconverts() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "200.00");
        Party grocer = ledger.merchant("Epicerie du port", currency);
        Party supplier = ledger.merchant("Maraicher", currency);
        Party newcomer = ledger.unapprovedMerchant("Nouvelle boutique", currency);

        Api.Response payment = ledger.pay(member, grocer, "150.00");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        assertThat(payment.get("status")).isEqualTo("COMPLETED");
        assertProblem(ledger.pay(member, newcomer, "1.00"), 422, "merchant-not-approved");

        Api.Response b2b = ledger.pay(grocer, supplier, "20.00");
        assertThat(b2b.status()).as(b2b.toString()).isEqualTo(201);

        Api.Response refund = ledger.refund(payment.get("id"), "5.00");
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
        assertThat(refund.get("from")).isEqualTo(grocer.accountId());
        assertThat(refund.get("to")).isEqualTo(member.accountId());
        assertProblem(ledger.refund(payment.get("id"), "150.00"), 422, "refund-exceeds-payment");

        assertThat(ledger.balance(member)).isEqualTo("55.00");
        assertThat(ledger.balance(grocer)).isEqualTo("125.00");
        assertThat(ledger.balance(supplier)).isEqualTo("20.00");

        ledger.remitAndConfirm(counter, "200.00");
        Api.Response before = ledger.supply(currency);
        assertThat(before.get("inCirculation")).isEqualTo("200.00");
        assertThat(before.get("guaranteeFund")).isEqualTo("200.00");

        Api.Response reconversion = ledger.reconvert(grocer, "100.00");
        assertThat(reconversion.status()).as(reconversion.toString()).isEqualTo(201);
        assertThat(reconversion.get("units")).isEqualTo("100.00");
        assertThat(reconversion.get("fee")).isEqualTo("5.00");
        assertThat(reconversion.get("euros")).isEqualTo("95.00");
        assertThat(reconversion.get("status")).isEqualTo("REQUESTED");

        Api.Response after = ledger.supply(currency);
        assertThat(after.get("inCirculation")).isEqualTo("100.00");
        assertThat(after.get("guaranteeFund")).isEqualTo("105.00");
        assertThat(ledger.balance(grocer)).isEqualTo("25.00");
        books.assertBalanced();
        books.assertBacked(currency);
    }

    @Test
    void reconversionBeyondTheBalanceOrTheFundIsRefusedAndWritesNothing() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "100.00");
        Party grocer = ledger.merchant("Epicerie", currency);
        assertThat(ledger.pay(member, grocer, "100.00").status()).isEqualTo(201);
        long events = books.eventCount();

        // the cash is still at the counter: the fund holds nothing yet
        assertProblem(ledger.reconvert(grocer, "10.00"), 422, "insufficient-fund");
        ledger.remitAndConfirm(counter, "50.00");
        events = books.eventCount();
        assertProblem(ledger.reconvert(grocer, "100.01"), 422, "insufficient-funds");
        assertProblem(ledger.reconvert(grocer, "60.00"), 422, "insufficient-fund");
        assertThat(books.eventCount()).isEqualTo(events);

        Api.Response ok = ledger.reconvert(grocer, "52.60"); // fee 2.63, 49.97 paid out of 50.00
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.get("euros")).isEqualTo("49.97");
        assertProblem(ledger.reconvert(grocer, "1.00"), 422, "insufficient-fund");
        books.assertBalanced();
        books.assertBacked(currency);
    }

    @Test
    void onlyApprovedMerchantsReconvertAndAMemberCannot() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "100.00");
        Party grocer = ledger.merchant("Epicerie", currency);
        assertThat(ledger.pay(member, grocer, "50.00").status()).isEqualTo(201);
        ledger.remitAndConfirm(counter, "100.00");

        assertThat(ledger.suspend(grocer, "audit").status()).isEqualTo(200);
        assertProblem(ledger.reconvert(grocer, "10.00"), 422, "reconversion-not-allowed");
        assertProblem(ledger.pay(member, grocer, "1.00"), 422, "merchant-not-approved");
        assertProblem(ledger.reconvert(member, "10.00"), 422, "reconversion-not-allowed");

        Api.Response approved = ledger.approve(grocer, "ALIMENTATION");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.get("merchantStatus")).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy")).isEqualTo("admin");
        assertThat(ledger.reconvert(grocer, "10.00").status()).isEqualTo(201);
    }

    @Test
    void aPayoutIsListedForTheBankThenPaidThenConfirmed() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "100.00");
        Party grocer = ledger.merchant("Epicerie, du port", currency);
        assertThat(ledger.pay(member, grocer, "100.00").status()).isEqualTo(201);
        ledger.remitAndConfirm(counter, "100.00");
        String id = ledger.reconvert(grocer, "40.00").get("id");

        Api.Response csv = api.get("/api/v1/currencies/" + currency + "/payouts?format=csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.text()).isEqualTo("reconversion,beneficiary,merchant,euros,requestedAt\r\n" + id
                + ",\"Epicerie, du port\"," + grocer.id() + ",38.00," + csv.text().split(",")[csv.text().split(",").length - 1]);
        assertProblem(api.post("/api/v1/reconversions/" + id + "/confirmation", "{}"), 409, "payout-not-paid");

        Api.Response paid = api.post("/api/v1/reconversions/" + id + "/paid", "{\"bankOrder\":\"ORDER-7\"}");
        assertThat(paid.get("status")).as(paid.toString()).isEqualTo("PAID");
        assertThat(api.get("/api/v1/currencies/" + currency + "/payouts").json().get("payouts")).isEmpty();
        assertThat(api.get("/api/v1/currencies/NOSUCHCUR/payouts?format=csv").status()).isEqualTo(404);
        Api.Response confirmed = api.post("/api/v1/reconversions/" + id + "/confirmation",
                "{\"bankReference\":\"NEF-9\"}");
        assertThat(confirmed.get("status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        assertThat(ledger.supply(currency).get("guaranteeFund")).isEqualTo("62.00");
        books.assertBalanced();
    }

    @Test
    void theDirectoryListsApprovedMerchantsByFiliere() {
        String currency = ledger.currency("1", "1");
        Party grocer = ledger.merchant("Epicerie", currency);
        Party cinema = ledger.unapprovedMerchant("Cinema", currency);
        Party bike = ledger.merchant("Velos", currency);
        assertThat(ledger.approve(cinema, "LOISIRS_CULTURE").status()).isEqualTo(200);
        assertThat(ledger.withdraw(bike, "closed down").status()).isEqualTo(200);

        Api.Response all = api.get("/api/v1/merchants?currency=" + currency);
        assertThat(all.json().get("merchants").findValuesAsText("name")).containsExactly("Cinema", "Epicerie");
        Api.Response culture = api.get("/api/v1/merchants?currency=" + currency + "&filiere=LOISIRS_CULTURE");
        assertThat(culture.json().get("merchants").findValuesAsText("id")).containsExactly(cinema.id());
        assertProblem(api.get("/api/v1/merchants?filiere=bad"), 400, "validation");
        assertProblem(ledger.approve(grocer, "nope"), 400, "validation");
        Party member = ledger.participant("MEMBER", "Alice", currency);
        assertProblem(ledger.approve(member, "ALIMENTATION"), 422, "not-a-merchant");
    }

    @Test
    void aCurrencyMayTurnOffMemberTransfersAndSetAMinimumReconversionFee() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party alice = ledger.fundedMember(currency, counter, "100.00");
        Party bob = ledger.participant("MEMBER", "Bob", currency);
        Party grocer = ledger.merchant("Epicerie", currency);
        assertThat(ledger.pay(alice, bob, "1.00").status()).isEqualTo(201);

        Api.Response off = api.post("/api/v1/currencies/" + currency + "/member-transfers", "{\"allowed\":false}");
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertProblem(ledger.pay(alice, bob, "1.00"), 422, "member-transfers-not-allowed");
        assertProblem(api.post("/api/v1/currencies/" + currency + "/member-transfers", "{}"), 400, "validation");

        assertThat(ledger.pay(alice, grocer, "50.00").status()).isEqualTo(201);
        ledger.remitAndConfirm(counter, "100.00");
        Api.Response minimum = api.post("/api/v1/currencies/" + currency + "/reconversion-minimum-fee",
                "{\"minimumFee\":\"2.00\"}");
        assertThat(minimum.status()).as(minimum.toString()).isEqualTo(200);
        Api.Response small = ledger.reconvert(grocer, "10.00"); // 5 % would be 0.50
        assertThat(small.get("fee")).isEqualTo("2.00");
        assertThat(small.get("euros")).isEqualTo("8.00");
        assertProblem(api.post("/api/v1/currencies/" + currency + "/reconversion-minimum-fee",
                "{\"minimumFee\":\"-1\"}"), 400, "validation");
    }
}
