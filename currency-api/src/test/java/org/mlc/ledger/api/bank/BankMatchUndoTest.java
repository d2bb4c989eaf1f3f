package org.mlc.ledger.api.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** A wrong bank statement match undone by compensation: the figures are back, the line can match again. */
class BankMatchUndoTest extends IntegrationTest {

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

    private String importStatement(String csv) {
        Api.Response imported = api.postCsv("/api/v1/currencies/" + roue + "/bank-statements", csv);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        return imported.get("id");
    }

    private Api.Response undo(String statement, String line, String body) {
        return api.post("/api/v1/currencies/" + roue + "/bank-statements/" + statement + "/lines/" + line
                + "/match-undo", body);
    }

    private String remittanceStatus() {
        return api.get("/api/v1/counters/" + counter + "/remittances/" + remittance).get("status");
    }

    @Test
    void undoingMatchesPutsTheSupplyAndTheFundBackAndTheLinesMatchAgain() {
        Api.Response before = ledger.supply(roue);
        String csv = """
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                2026-11-03,40.00,"GRAND AVIGNON, BONUS",%s
                """.formatted(remittance, budget);
        String statement = importStatement(csv);
        assertThat(ledger.supply(roue).get("guaranteeFund")).isEqualTo("95.00");

        Api.Response undone = undo(statement, "2", "{\"reason\":\"remise de l'autre comptoir\"}");
        Api.Response sponsorUndone = undo(statement, "3", "{\"reason\":\"virement rejeté\"}");

        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(undone.get("undone")).isEqualTo("MATCHED_REMITTANCE");
        assertThat(undone.get("matched")).isEqualTo(remittance);
        assertThat(undone.get("amount")).isEqualTo("55.00");
        assertThat(undone.get("outcome")).isEqualTo("UNMATCHED");
        assertThat(undone.get("reason")).isEqualTo("remise de l'autre comptoir");
        assertThat(undone.get("undoneBy")).isEqualTo("admin");
        assertThat(sponsorUndone.status()).as(sponsorUndone.toString()).isEqualTo(200);
        Api.Response after = ledger.supply(roue);
        for (String figure : new String[] {"guaranteeFund", "counterCash", "sponsorCommitted", "inCirculation",
                "coverageRatio"}) {
            assertThat(after.get(figure)).as(figure).isEqualTo(before.get(figure));
        }
        assertThat(after.get("guaranteeFund")).isEqualTo("0.00");
        assertThat(remittanceStatus()).isEqualTo("REMITTED");
        books.assertBalanced();
        books.assertBacked(roue);

        String again = importStatement(csv);
        assertThat(again).isNotEqualTo(statement);
        assertThat(ledger.supply(roue).get("guaranteeFund")).isEqualTo("95.00");
        assertThat(ledger.supply(roue).get("sponsorCommitted")).isEqualTo("60.00");
        assertThat(remittanceStatus()).isEqualTo("CONFIRMED");
        books.assertBalanced();
        books.assertBacked(roue);
    }

    @Test
    void aLineThatIsNotMatchedIsAConflictAndChangesNothing() {
        String statement = importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                2026-11-03,12.00,VIREMENT INCONNU,XYZ
                """.formatted(remittance));
        assertThat(undo(statement, "2", "{\"reason\":\"erreur\"}").status()).isEqualTo(200);
        long events = books.eventCount();

        assertProblem(undo(statement, "2", "{\"reason\":\"encore\"}"), 409, "not-matched");
        assertProblem(undo(statement, "3", "{\"reason\":\"erreur\"}"), 409, "not-matched");
        assertProblem(undo("no-such-statement", "2", "{\"reason\":\"erreur\"}"), 404, "not-found");
        assertThat(books.eventCount()).isEqualTo(events);
    }

    @Test
    void eurosTheFundAlreadyPaidOutAreNotTakenBack() {
        Party grocer = ledger.merchant("Epicerie", roue);
        Party member = ledger.participant("MEMBER", "Payer", roue);
        assertThat(ledger.convert(counter, member, "50.00").status()).isEqualTo(201);
        assertThat(ledger.pay(member, grocer, "50.00").status()).isEqualTo(201);
        String statement = importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                """.formatted(remittance));
        assertThat(ledger.reconvert(grocer, "20.00").status()).isEqualTo(201); // 19.00 paid out of 55.00
        long events = books.eventCount();

        assertProblem(undo(statement, "2", "{\"reason\":\"erreur\"}"), 422, "fund-already-paid-out");

        assertThat(books.eventCount()).isEqualTo(events);
        assertThat(ledger.supply(roue).get("guaranteeFund")).isEqualTo("36.00");
        assertThat(remittanceStatus()).isEqualTo("CONFIRMED");
    }

    @Test
    void aReasonAndALineNumberAreRequired() {
        String statement = importStatement("""
                date,amount,label,reference
                2026-11-02,55.00,REMISE ESPECES,%s
                """.formatted(remittance));
        long events = books.eventCount();

        Api.Response noReason = undo(statement, "2", "{}");
        Api.Response blank = undo(statement, "2", "{\"reason\":\"  \"}");
        Api.Response tooLong = undo(statement, "2", "{\"reason\":\"" + "x".repeat(501) + "\"}");
        Api.Response badLine = undo(statement, "two", "{\"reason\":\"erreur\"}");

        assertProblem(noReason, 400, "validation");
        assertThat(noReason.get("field")).isEqualTo("reason");
        assertThat(blank.get("field")).isEqualTo("reason");
        assertThat(tooLong.get("field")).isEqualTo("reason");
        assertProblem(badLine, 400, "validation");
        assertThat(badLine.get("field")).isEqualTo("line");
        assertThat(books.eventCount()).isEqualTo(events);
        assertThat(undo(statement, "2", "{\"reason\":\"" + "x".repeat(500) + "\"}").status()).isEqualTo(200);
    }
}
