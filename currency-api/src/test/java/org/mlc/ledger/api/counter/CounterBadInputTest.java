package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** Each wrong input at a counter or for a sponsor is a clear 4xx problem, and writes nothing. */
class CounterBadInputTest extends IntegrationTest {

    private String roue;
    private String counter;
    private Party member;

    @BeforeEach
    void aCounterWithCash() {
        roue = ledger.currency("10", "12");
        counter = ledger.counter(roue);
        member = ledger.participant("MEMBER", "Member", roue);
        assertThat(ledger.convert(counter, member, "30.00").status()).isEqualTo(201);
    }

    private void assertProblem(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("code")).isEqualTo(code);
        if (field != null) {
            assertThat(response.get("field")).isEqualTo(field);
        }
    }

    private void assertRefusedAndNothingWritten(String path, String body, int status, String code, String field) {
        long events = books.eventCount();
        assertProblem(api.post(path, body), status, code, field);
        assertThat(books.eventCount()).as("events after a refused " + path).isEqualTo(events);
    }

    @Test
    void negativeOrZeroAmountsAreRefused() {
        String remit = "/api/v1/counters/" + counter + "/remittances";
        assertRefusedAndNothingWritten(remit, "{\"euros\":\"0\"}", 400, "validation", "euros");
        assertRefusedAndNothingWritten(remit, "{\"euros\":\"-5\"}", 400, "validation", "euros");
        assertRefusedAndNothingWritten("/api/v1/counters/" + counter + "/closings", "{\"countedCash\":\"-1.00\"}",
                400, "validation", "countedCash");
    }

    @Test
    void denominationsThatDoNotExistAreRefused() {
        String stock = "/api/v1/counters/" + counter + "/note-stock";
        assertRefusedAndNothingWritten(stock, "{\"notes\":{\"3\":10}}", 400, "validation", "notes");
        assertRefusedAndNothingWritten(stock, "{\"notes\":{\"10\":-1}}", 400, "validation", "notes");
        assertRefusedAndNothingWritten(stock, "{\"notes\":{\"10\":1.5}}", 400, "validation", "notes");
        assertRefusedAndNothingWritten(stock, "{\"notes\":{}}", 400, "validation", "notes");
    }

    @Test
    void aConversionToNotesTheStockCannotMakeUpIsRefused() {
        ledger.noteStock(counter, "{\"50\":1}");
        assertRefusedAndNothingWritten("/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"20.00","paidBy":"CASH","payout":"NOTES"}""".formatted(member.id()),
                422, "notes-unavailable", null);
    }

    @Test
    void countingAClosedDayTwiceIsAConflict() {
        assertThat(ledger.close(counter, "30.00").status()).isEqualTo(201);
        assertRefusedAndNothingWritten("/api/v1/counters/" + counter + "/closings", "{\"countedCash\":\"30.00\"}",
                409, "day-already-closed", null);
    }

    @Test
    void remittingMoreThanTheDrawerHoldsIsRefused() {
        assertRefusedAndNothingWritten("/api/v1/counters/" + counter + "/remittances", "{\"euros\":\"30.01\"}",
                422, "insufficient-cash", null);
    }

    @Test
    void confirmingAnUnknownRemittanceIsNotFound() {
        assertRefusedAndNothingWritten("/api/v1/counters/" + counter + "/remittances/nope/confirmation", "{}",
                404, "not-found", null);
    }

    @Test
    void aBudgetWithBadDatesOrAMemberAsSponsorIsRefused() {
        String budgets = "/api/v1/currencies/" + roue + "/bonus-budgets";
        assertRefusedAndNothingWritten(budgets, """
                {"sponsor":"%s","euros":"100.00","from":"2026-13-01","to":"2026-12-31"}""".formatted(member.id()),
                400, "validation", "from");
        assertRefusedAndNothingWritten(budgets, """
                {"sponsor":"%s","euros":"100.00","from":"2026-12-31","to":"2026-01-01"}""".formatted(member.id()),
                400, "validation", "to");
        assertRefusedAndNothingWritten(budgets, """
                {"sponsor":"%s","euros":"0","from":"2026-01-01","to":"2026-12-31"}""".formatted(member.id()),
                400, "validation", "euros");
        assertRefusedAndNothingWritten(budgets, """
                {"sponsor":"%s","euros":"100.00","from":"2026-01-01","to":"2026-12-31"}""".formatted(member.id()),
                422, "sponsor-not-allowed", null);
    }
}
