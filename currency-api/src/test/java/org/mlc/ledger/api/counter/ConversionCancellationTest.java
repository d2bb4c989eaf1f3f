package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** A wrong conversion at la Roue's counter, cancelled by compensation: every figure goes back. */
class ConversionCancellationTest extends IntegrationTest {

    @Autowired
    private NoteStockQueries noteStocks;

    private static String cancellation(String counter, String conversion) {
        return "/api/v1/counters/" + counter + "/conversions/" + conversion + "/cancellation";
    }

    private Api.Response day(String counter) {
        Api.Response day = api.get("/api/v1/reports/counters/" + counter + "/day?date="
                + LocalDate.now(CivilDay.ZONE));
        assertThat(day.status()).as(day.toString()).isEqualTo(200);
        return day;
    }

    @Test
    void cancellingAConversionPutsBackTheBalanceTheDrawerTheBudgetAndTheSupply() {
        String roue = ledger.currency("10", "12");
        String budget = ledger.sponsorBudget(roue, "COLLECTIVITE", "Grand Avignon", "26000.00", null);
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Alice", roue);
        Api.Response supplyBefore = ledger.supply(roue);
        String budgetPath = "/api/v1/currencies/" + roue + "/bonus-budgets/" + budget;

        Api.Response conversion = ledger.convert(counter, member, "100.00");
        assertThat(conversion.get("units")).isEqualTo("120.00");
        assertThat(ledger.supply(roue).get("inCirculation")).isEqualTo("120.00");
        assertThat(api.get(budgetPath).get("remaining")).isEqualTo("25980.00");

        Api.Response cancelled = api.post(cancellation(counter, conversion.get("id")), """
                {"reason":"montant mal saisi : 10 € et non 100 €"}""");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.get("euros")).isEqualTo("100.00");
        assertThat(cancelled.get("units")).isEqualTo("120.00");
        assertThat(cancelled.get("bonus")).isEqualTo("20.00");
        assertThat(cancelled.get("reason")).isEqualTo("montant mal saisi : 10 € et non 100 €");
        assertThat(cancelled.get("cancelledBy")).isEqualTo("admin");
        assertThat(ledger.balance(member)).isEqualTo("0.00");
        Api.Response supply = ledger.supply(roue);
        assertThat(supply.get("inCirculation")).isEqualTo(supplyBefore.get("inCirculation")).isEqualTo("0.00");
        assertThat(supply.get("counterCash")).isEqualTo(supplyBefore.get("counterCash")).isEqualTo("0.00");
        Api.Response sponsorBudget = api.get(budgetPath);
        assertThat(sponsorBudget.get("remaining")).isEqualTo("26000.00");
        assertThat(sponsorBudget.get("drawn")).isEqualTo("0.00");
        JsonNode day = day(counter).json();
        assertThat(day.get("conversions").asLong()).isZero();
        assertThat(day.get("euros").asText()).isEqualTo("0.00");
        assertThat(day.get("cashAtEnd").asText()).isEqualTo("0.00");
        assertThat(day.get("lines")).hasSize(1);
        assertThat(day.get("lines").get(0).get("cancelled").asText()).isEqualTo("montant mal saisi : 10 € et non 100 €");
        JsonNode entries = api.get("/api/v1/accounts/" + member.accountId() + "/entries").json().get("entries");
        assertThat(entries).extracting(e -> e.get("kind").asText())
                .containsExactlyInAnyOrder("CONVERSION", "CONVERSION_CANCELLED");
        Api.Response closing = ledger.close(counter, "0.00");
        assertThat(closing.json().path("expected").path("CASH").asText()).isEqualTo("0.00");
        assertThat(closing.get("totalDiscrepancy")).isEqualTo("0.00");
        books.assertBalanced();
        books.assertBacked(roue);
    }

    @Test
    void aConversionPaidInNotesIsCancelledWithItsNotesBackInTheStock() {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        ledger.noteStock(counter, """
                {"10":5}""");
        Party member = ledger.participant("MEMBER", "Bob", roue);
        Api.Response conversion = ledger.convertToNotes(counter, member, "20.00");
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);

        Api.Response cancelled = api.post(cancellation(counter, conversion.get("id")), """
                {"reason":"the member changed his mind"}""");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("notes").path("10").asInt()).isEqualTo(2);
        assertThat(ledger.supply(roue).get("paper")).isEqualTo("0.00");
        assertThat(noteStocks.stock(counter)).containsEntry(10, 5L);
        books.assertBalanced();
        books.assertBacked(roue);
    }

    @Test
    void aCancellationIsRefusedTwiceAfterTheClosingWhenTheUnitsWereSpentOrWithoutAReason() {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Chloé", roue);
        Party baker = ledger.merchant("Boulangerie", roue);
        String spent = ledger.convert(counter, member, "10.00").get("id");
        String twice = ledger.convert(counter, member, "10.00").get("id");
        String closed = ledger.convert(counter, member, "10.00").get("id");
        Api.Response payment = ledger.pay(member, baker, "25.00");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);

        assertProblem(api.post(cancellation(counter, spent), "{}"), 400, "validation");
        assertThat(api.post(cancellation(counter, spent), "{\"reason\":\"" + "x".repeat(501) + "\"}").get("field"))
                .isEqualTo("reason");
        assertProblem(api.post(cancellation(counter, "no-such-conversion"), "{\"reason\":\"typo\"}"), 404,
                "not-found");
        assertProblem(api.post(cancellation(ledger.counter(roue), spent), "{\"reason\":\"typo\"}"), 404, "not-found");
        assertProblem(api.post(cancellation(counter, twice), "{\"reason\":\"typo\"}"), 422, "insufficient-funds");
        assertThat(ledger.balance(member)).isEqualTo("5.00");
        assertThat(ledger.refund(payment.get("id"), "25.00").status()).isEqualTo(201);
        assertThat(api.post(cancellation(counter, twice), "{\"reason\":\"typo\"}").status()).isEqualTo(200);
        assertProblem(api.post(cancellation(counter, twice), "{\"reason\":\"typo\"}"), 409, "already-cancelled");
        assertThat(ledger.close(counter, "20.00").status()).isEqualTo(201);
        assertProblem(api.post(cancellation(counter, closed), "{\"reason\":\"typo\"}"), 409, "day-already-closed");
        assertThat(ledger.balance(member)).isEqualTo("20.00");
        books.assertBalanced();
        books.assertBacked(roue);
    }
}
