package org.mlc.ledger.api.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** The fund's bank statement matched against remittances and sponsor payments. */
class BankStatementImportTest extends IntegrationTest {

    private String roue;
    private String counter;
    private String budget;
    private String remittance;

    @BeforeEach
    void aRemittanceAndASponsorBudget() {
        roue = ledger.currency("10", "12");
        budget = ledger.sponsorBudget(roue, "100.00", null);
        counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Member", roue);
        assertThat(ledger.convert(counter, member, "60.00").status()).isEqualTo(201);
        Api.Response remitted = ledger.remit(counter, "55.00");
        assertThat(remitted.status()).as(remitted.toString()).isEqualTo(201);
        remittance = remitted.get("id");
    }

    private Api.Response importStatement(String csv) {
        return api.postCsv("/api/v1/currencies/" + roue + "/bank-statements", csv);
    }

    @Test
    void matchedLinesCreditTheFundAndTheOthersAreListed() {
        Api.Response imported = importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                2026-11-03,40.00,"GRAND AVIGNON, BONUS",%s
                2026-11-03,12.00,VIREMENT INCONNU,XYZ
                """.formatted(remittance, budget));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("matched")).hasSize(2);
        assertThat(imported.json().path("unmatched")).hasSize(1);
        assertThat(imported.json().path("unmatched").get(0).path("line").asInt()).isEqualTo(4);
        Api.Response supply = ledger.supply(roue);
        assertThat(supply.get("guaranteeFund")).isEqualTo("95.00");
        assertThat(supply.get("sponsorCommitted")).isEqualTo("60.00");
        assertThat(supply.get("counterCash")).isEqualTo("5.00");
        assertThat(api.get("/api/v1/counters/" + counter + "/remittances/" + remittance).get("status"))
                .isEqualTo("CONFIRMED");
        books.assertBalanced();
        books.assertBacked(roue);
    }

    @Test
    void aRemittanceLineWithAnotherAmountIsMismatchedAndNotAccepted() {
        Api.Response imported = importStatement("""
                date,amount,label,reference
                2026-11-02,50.00,REMISE ESPECES,%s
                """.formatted(remittance));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("mismatched")).hasSize(1);
        assertThat(ledger.supply(roue).get("guaranteeFund")).isEqualTo("0.00");
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        String csv = """
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                """.formatted(remittance);
        assertThat(importStatement(csv).status()).isEqualTo(200);
        long events = books.eventCount();

        Api.Response again = importStatement(csv);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("statement-line-already-imported");
        assertThat(books.eventCount()).isEqualTo(events);
        assertThat(ledger.supply(roue).get("guaranteeFund")).isEqualTo("55.00");
    }

    @Test
    void aMalformedOrDuplicatedLineRefusesTheWholeFile() {
        long events = books.eventCount();
        Api.Response malformed = importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                2026-11-31,10.00,BAD DATE,X
                """.formatted(remittance));
        Api.Response zero = importStatement("""
                date,amount,label,reference
                2026-11-02,-0.00,REMISE ESPECES,%s
                """.formatted(remittance));
        Api.Response duplicated = importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                2026-11-02,55.00,REMISE ESPECES,%s
                """.formatted(remittance, remittance));

        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.get("field")).isEqualTo("line 3");
        assertThat(zero.status()).as(zero.toString()).isEqualTo(400);
        assertThat(zero.get("field")).isEqualTo("line 2");
        assertThat(duplicated.status()).as(duplicated.toString()).isEqualTo(400);
        assertThat(duplicated.get("detail")).contains("line 3 duplicates line 2");
        assertThat(books.eventCount()).isEqualTo(events);
    }

    @Test
    void aDebitNamingAPayoutConfirmsItAndADebitNamingARemittanceConfirmsNothing() {
        Party grocer = ledger.merchant("Epicerie", roue);
        Party member = ledger.participant("MEMBER", "Payer", roue);
        assertThat(ledger.convert(counter, member, "50.00").status()).isEqualTo(201);
        assertThat(ledger.pay(member, grocer, "50.00").status()).isEqualTo(201);
        importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                """.formatted(remittance));
        Api.Response reconversion = ledger.reconvert(grocer, "20.00"); // fee 1.00: 19.00 paid out
        assertThat(reconversion.status()).as(reconversion.toString()).isEqualTo(201);
        String payout = reconversion.get("id");
        String euros = reconversion.get("euros");

        Api.Response imported = importStatement("""
                date,amount,label,reference
                2026-11-04,-%s,VIREMENT EPICERIE,%s
                2026-11-04,-55.00,REMISE A L'ENVERS,%s
                2026-11-04,-3.00,FRAIS BANCAIRES,
                """.formatted(euros, payout, remittance));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("matched")).hasSize(1);
        assertThat(imported.json().path("matched").get(0).path("outcome").asText()).isEqualTo("MATCHED_PAYOUT");
        assertThat(imported.json().path("unmatched").findValuesAsText("line")).containsExactly("3", "4");
        Api.Response confirmed = api.get("/api/v1/reconversions/" + payout);
        assertThat(confirmed.get("status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        assertThat(api.get("/api/v1/counters/" + counter + "/remittances/" + remittance).get("status"))
                .isEqualTo("CONFIRMED");
        books.assertBalanced();
        books.assertBacked(roue);
    }

    @Test
    void aDebitOfAnotherAmountOrForAConfirmedPayoutIsMismatched() {
        Party grocer = ledger.merchant("Epicerie", roue);
        Party member = ledger.participant("MEMBER", "Payer", roue);
        assertThat(ledger.convert(counter, member, "50.00").status()).isEqualTo(201);
        assertThat(ledger.pay(member, grocer, "50.00").status()).isEqualTo(201);
        importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                """.formatted(remittance));
        String payout = ledger.reconvert(grocer, "20.00").get("id");
        long events = books.eventCount();

        Api.Response wrongAmount = importStatement("""
                date,amount,label,reference
                2026-11-04,-18.99,VIREMENT EPICERIE,%s
                """.formatted(payout));
        assertThat(wrongAmount.json().path("mismatched").get(0).path("reason").asText()).startsWith("payout of ");
        assertThat(api.get("/api/v1/reconversions/" + payout).get("status")).isEqualTo("REQUESTED");
        assertThat(importStatement("""
                date,amount,label,reference
                2026-11-05,-19.00,VIREMENT EPICERIE,%s
                """.formatted(payout)).json().path("matched")).hasSize(1);
        Api.Response again = importStatement("""
                date,amount,label,reference
                2026-11-06,-19.00,VIREMENT EPICERIE BIS,%s
                """.formatted(payout));

        assertThat(again.json().path("mismatched").get(0).path("reason").asText()).isEqualTo("payout already confirmed");
        assertThat(books.eventCount()).isGreaterThan(events);
        books.assertBalanced();
    }
}
