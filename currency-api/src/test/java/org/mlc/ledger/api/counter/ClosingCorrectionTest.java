package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** A closing short of 5 €: explicit counts, the signed Z report, the recount and the covering, through HTTP. */
class ClosingCorrectionTest extends IntegrationTest {

    @Test
    void aShortfallIsRecordedCoveredIntoTheFundAndRecountedWithBothCountsKept() {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Member", roue);
        assertThat(ledger.convert(counter, member, "100.00").status()).isEqualTo(201);
        String closings = "/api/v1/counters/" + counter + "/closings";

        Api.Response blank = api.post(closings, "{}");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.get("field")).isEqualTo("countedCash");

        Api.Response closing = ledger.close(counter, "95.00");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
        assertThat(closing.get("totalDiscrepancy")).isEqualTo("-5.00");
        assertThat(closing.get("closedBy")).isEqualTo("admin");
        assertThat(Instant.parse(closing.get("periodFrom"))).isBefore(Instant.parse(closing.get("periodTo")));
        assertThat(ledger.supply(roue).get("counterDiscrepancy")).isEqualTo("5.00");
        assertThat(api.get("/api/v1/counters/" + counter).get("uncoveredShortfall")).isEqualTo("5.00");

        BigDecimal fundBefore = new BigDecimal(ledger.supply(roue).get("guaranteeFund"));
        String coverings = "/api/v1/counters/" + counter + "/shortfall-coverings";
        Api.Response covering = api.post(coverings, """
                {"euros":"5.00","reference":"VIR-ASSO-1"}""");
        assertThat(covering.status()).as(covering.toString()).isEqualTo(201);
        assertThat(covering.get("uncoveredShortfall")).isEqualTo("0.00");
        assertThat(new BigDecimal(ledger.supply(roue).get("guaranteeFund")).subtract(fundBefore))
                .isEqualByComparingTo("5.00");
        assertThat(ledger.supply(roue).get("counterDiscrepancy")).isEqualTo("0.00");
        assertThat(api.get("/api/v1/counters/" + counter).get("uncoveredShortfall")).isEqualTo("0.00");

        long events = books.eventCount();
        Api.Response tooMuch = api.post(coverings, """
                {"euros":"0.01"}""");
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(422);
        assertThat(tooMuch.get("code")).isEqualTo("covering-exceeds-shortfall");
        assertThat(books.eventCount()).isEqualTo(events);

        String corrections = closings + "/" + closing.get("id") + "/corrections";
        Api.Response noReason = api.post(corrections, """
                {"countedCash":"96.00"}""");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.get("field")).isEqualTo("reason");
        assertThat(api.post(closings + "/unknown-closing/corrections", """
                {"countedCash":"96.00","reason":"recount"}""").status()).isEqualTo(404);

        Api.Response corrected = api.post(corrections, """
                {"countedCash":"96.00","reason":"a 1 € coin was found under the tray"}""");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        Api.Response zReport = api.get(closings + "/" + closing.get("id"));
        assertThat(zReport.json().path("counted").path("CASH").asText()).isEqualTo("95.00");
        assertThat(zReport.json().path("corrections").size()).isEqualTo(1);
        assertThat(zReport.json().path("corrections").path(0).path("counted").path("CASH").asText()).isEqualTo("96.00");
        assertThat(zReport.json().path("corrections").path(0).path("difference").path("CASH").asText())
                .isEqualTo("1.00");
        assertThat(zReport.json().path("corrections").path(0).path("reason").asText())
                .isEqualTo("a 1 € coin was found under the tray");
        assertThat(zReport.json().path("corrections").path(0).path("correctedBy").asText()).isEqualTo("admin");
        assertThat(zReport.get("periodFrom")).isEqualTo(closing.get("periodFrom"));
        assertThat(zReport.get("periodTo")).isEqualTo(closing.get("periodTo"));
        assertThat(zReport.get("closedBy")).isEqualTo("admin");
        books.assertBalanced();
    }

    @Test
    void eachMeansThatMovedMustBeCountedAndTheNextPeriodStartsAtTheLastClosing() {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Member", roue);
        assertThat(ledger.convert(counter, member, "10.00").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"20.00","paidBy":"CARD","payout":"ACCOUNT"}""".formatted(member.id()))
                .status()).isEqualTo(201);
        String closings = "/api/v1/counters/" + counter + "/closings";

        Api.Response cashOnly = ledger.close(counter, "10.00");
        assertThat(cashOnly.status()).as(cashOnly.toString()).isEqualTo(400);
        assertThat(cashOnly.get("field")).isEqualTo("countedCard");

        Api.Response first = api.post(closings, """
                {"countedCash":"10.00","countedCard":"20.00"}""");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/counters/" + counter + "/reopening", "{}").status()).isEqualTo(200);
        // nothing moved since: the next closing may leave every means out
        Api.Response second = api.post(closings, "{}");
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.get("periodFrom")).isEqualTo(first.get("periodTo"));
        assertThat(second.json().path("counted").path("CASH").asText()).isEqualTo("10.00");
        assertThat(second.json().path("counted").path("CARD").asText()).isEqualTo("20.00");
        assertThat(second.get("totalDiscrepancy")).isEqualTo("0.00");
    }
}
