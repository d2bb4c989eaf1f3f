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
        Api.Response negative = importStatement("""
                date,amount,label,reference
                2026-11-02,-55.00,REMISE ESPECES,%s
                """.formatted(remittance));
        Api.Response duplicated = importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                2026-11-02,55.00,REMISE ESPECES,%s
                """.formatted(remittance, remittance));

        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.get("field")).isEqualTo("line 3");
        assertThat(negative.status()).as(negative.toString()).isEqualTo(400);
        assertThat(negative.get("field")).isEqualTo("line 2");
        assertThat(duplicated.status()).as(duplicated.toString()).isEqualTo(400);
        assertThat(duplicated.get("detail")).contains("line 3 duplicates line 2");
        assertThat(books.eventCount()).isEqualTo(events);
    }
}
