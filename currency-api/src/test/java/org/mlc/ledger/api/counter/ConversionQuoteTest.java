package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/** The conversion quote answers what the conversion that follows it gives, and refuses alike. */
class ConversionQuoteTest extends IntegrationTest {

    private Api.Response quote(Api as, String counter, Party party, String euros) {
        return as.get("/api/v1/counters/" + counter + "/conversion-quote?participant=" + party.id() + "&euros="
                + euros + "&paidBy=CASH");
    }

    /** Quotes, then converts the same: the quote's figures are the conversion's. */
    private Api.Response quoteThenConvert(String counter, Party party, String euros) {
        Api.Response quote = quote(api, counter, party, euros);
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        Api.Response conversion = ledger.convert(counter, party, euros);
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        for (String field : new String[] {"euros", "units", "bonus", "bonusReason"}) {
            assertThat(quote.get(field)).as(field).isEqualTo(conversion.get(field));
        }
        return quote;
    }

    @Test
    void aQuoteIsTheConversionThatFollowsWithBonusCapExhaustionAndEligibility() {
        String roue = ledger.currency("10", "12");
        ledger.sponsorBudget(roue, "6.00", "3.00");
        String counter = ledger.counter(roue);
        Party alice = ledger.participant("MEMBER", "Alice", roue);
        Party bruno = ledger.participant("MEMBER", "Bruno", roue);
        Party merchant = ledger.merchant("Épicerie", roue);

        Api.Response whole = quoteThenConvert(counter, alice, "10.00");
        assertThat(whole.get("units")).isEqualTo("12.00");
        assertThat(whole.get("bonusReason")).isNull();
        Api.Response capped = quoteThenConvert(counter, alice, "10.00");
        assertThat(capped.get("bonus")).isEqualTo("1.00");
        assertThat(capped.get("bonusReason")).isEqualTo("monthly-cap-reached");
        assertThat(quoteThenConvert(counter, bruno, "10.00").get("bonus")).isEqualTo("2.00");
        Api.Response exhausted = quoteThenConvert(counter, bruno, "10.00");
        assertThat(exhausted.get("bonus")).isEqualTo("1.00");
        assertThat(exhausted.get("bonusReason")).isEqualTo("budget-exhausted");
        Api.Response notEligible = quoteThenConvert(counter, merchant, "10.00");
        assertThat(notEligible.get("units")).isEqualTo("10.00");
        assertThat(notEligible.get("bonusReason")).isEqualTo("not-eligible");
    }

    @Test
    void aQuoteRecordsNothing() {
        String roue = ledger.currency("10", "12");
        ledger.sponsorBudget(roue, "100.00", null);
        String counter = ledger.counter(roue);
        Party alice = ledger.participant("MEMBER", "Alice", roue);
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        assertThat(quote(api, counter, alice, "50.00").get("units")).isEqualTo("60.00");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
        assertThat(ledger.balance(alice)).isEqualTo("0.00");
    }

    @Test
    void aQuoteIsRefusedAsTheConversionWouldBe() {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        Party alice = ledger.participant("MEMBER", "Alice", roue);
        Party stranger = ledger.participant("MEMBER", "Elsewhere", ledger.currency("1", "1"));

        assertProblem(quote(api, counter, alice, "0"), 400, "validation");
        assertProblem(ledger.convert(counter, alice, "0"), 400, "validation");
        assertProblem(quote(api, counter, stranger, "10.00"), 404, "not-found");
        assertProblem(ledger.convert(counter, stranger, "10.00"), 404, "not-found");
        api.post("/api/v1/currencies/" + roue + "/membership",
                "{\"membershipFee\":\"3.00\",\"requiredForConversion\":true}");
        assertProblem(quote(api, counter, alice, "10.00"), 422, "membership-expired");
        assertProblem(ledger.convert(counter, alice, "10.00"), 422, "membership-expired");
        Api.Response noPaidBy = api.get("/api/v1/counters/" + counter + "/conversion-quote?participant=" + alice.id()
                + "&euros=10.00");
        assertProblem(noPaidBy, 400, "validation");
        assertThat(noPaidBy.get("field")).isEqualTo("paidBy");
    }

    @Test
    void anAgentQuotesAtItsOwnCounterOnly() {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        String other = ledger.counter(roue);
        Party alice = ledger.participant("MEMBER", "Alice", roue);
        User agent = ledger.user("COUNTER_AGENT", null, counter);

        assertThat(quote(agent.api(), counter, alice, "10.00").status()).isEqualTo(200);
        assertProblem(quote(agent.api(), other, alice, "10.00"), 403, "forbidden");
    }
}
