package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * The "done when" of issue 17, through HTTP: la Roue's coverage as people see it, from a member's
 * and a merchant's conversions to a drawer shortfall, its covering and a cancelled conversion.
 */
class HonestFiguresTest extends IntegrationTest {

    /** The supply's figures a person reads, in the order the issue names them. */
    private static final List<String> FIGURES = List.of("inCirculation", "electronic", "paper", "guaranteeFund",
            "counterCash", "sponsorReceivable", "sponsorCommitted", "counterShortfall", "backing", "coverageRatio",
            "cashCoverageRatio", "underBackedBy");

    @Test
    void laRoueShowsTheCoverageItsEurosGiveFromConversionsToAShortfallCoveredAndACancellation() {
        String roue = ledger.currency("10", "12");
        ledger.sponsorBudget(roue, "COLLECTIVITE", "Grand Avignon", "26000.00", null);
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Solène", roue);
        Party merchant = ledger.merchant("Épicerie du Portail", roue);

        // a quote is the conversion that follows it
        Api.Response quote = api.get("/api/v1/counters/" + counter + "/conversion-quote?participant=" + member.id()
                + "&euros=1000.00&paidBy=CASH");
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        Api.Response memberConversion = ledger.convert(counter, member, "1000.00");
        assertThat(memberConversion.status()).as(memberConversion.toString()).isEqualTo(201);
        assertThat(memberConversion.get("units")).isEqualTo(quote.get("units")).isEqualTo("1200.00");
        assertThat(memberConversion.get("bonus")).isEqualTo(quote.get("bonus")).isEqualTo("200.00");
        assertThat(memberConversion.get("bonusReason")).isNull();

        Api.Response merchantQuote = api.get("/api/v1/counters/" + counter + "/conversion-quote?participant="
                + merchant.id() + "&euros=1000.00&paidBy=CASH");
        Api.Response merchantConversion = ledger.convert(counter, merchant, "1000.00");
        assertThat(merchantConversion.status()).as(merchantConversion.toString()).isEqualTo(201);
        assertThat(merchantConversion.get("units")).isEqualTo(merchantQuote.get("units")).isEqualTo("1000.00");
        assertThat(merchantConversion.get("bonusReason")).isEqualTo(merchantQuote.get("bonusReason"))
                .isEqualTo("not-eligible");

        Api.Response converted = ledger.supply(roue);
        assertThat(converted.get("inCirculation")).isEqualTo("2200.00");
        assertThat(converted.get("sponsorReceivable")).isEqualTo("200.00");
        assertThat(converted.get("sponsorCommitted")).isEqualTo("25800.00");
        assertThat(converted.get("backing")).isEqualTo("2200.00");
        assertThat(converted.get("coverageRatio")).isEqualTo("1.0000");
        assertThat(converted.get("cashCoverageRatio")).isEqualTo("0.9090");
        assertThat(converted.get("underBackedBy")).isEqualTo("0.00");

        // the drawer holds 2,000 € and the agent counts 5 € less
        Api.Response closing = ledger.close(counter, "1995.00");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
        Api.Response shortAfterClosing = ledger.supply(roue);
        assertThat(shortAfterClosing.get("counterShortfall")).isEqualTo("5.00");
        assertThat(shortAfterClosing.get("underBackedBy")).isEqualTo("5.00");
        assertThat(shortAfterClosing.get("backing")).isEqualTo("2195.00");
        assertThat(new BigDecimal(shortAfterClosing.get("coverageRatio"))).isLessThan(BigDecimal.ONE);
        assertThat(shortAfterClosing.json().path("underBackingCauses").toString()).contains("counter-shortfall");

        Api.Response covering = api.post("/api/v1/counters/" + counter + "/shortfall-coverings", """
                {"euros":"5.00","reference":"VIR-ASSO-2026-12"}""");
        assertThat(covering.status()).as(covering.toString()).isEqualTo(201);
        Api.Response covered = ledger.supply(roue);
        assertThat(covered.get("counterShortfall")).isEqualTo("0.00");
        assertThat(covered.get("underBackedBy")).isEqualTo("0.00");
        assertThat(covered.get("coverageRatio")).isEqualTo("1.0000");
        assertThat(covered.get("backing")).isEqualTo("2200.00");

        // a conversion of the next day, cancelled: every figure is back
        assertThat(api.post("/api/v1/counters/" + counter + "/reopening", "{}").status()).isEqualTo(200);
        JsonNode before = ledger.supply(roue).json();
        Api.Response again = ledger.convert(counter, member, "100.00");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(ledger.supply(roue).get("inCirculation")).isEqualTo("2320.00");
        Api.Response cancellation = api.post("/api/v1/counters/" + counter + "/conversions/" + again.get("id")
                + "/cancellation", """
                {"reason":"montant saisi deux fois"}""");
        assertThat(cancellation.status()).as(cancellation.toString()).isEqualTo(200);
        JsonNode after = ledger.supply(roue).json();
        for (String figure : FIGURES) {
            assertThat(after.path(figure)).as(figure).isEqualTo(before.path(figure));
        }
        assertThat(ledger.balance(member)).isEqualTo("1200.00");
        books.assertBalanced();
    }
}
