package org.mlc.ledger.api.reconversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.counter.RemittanceConfirmed;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.reconversion.FundInflowsOpened;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A database written by an older version: euros entered the fund (a remittance confirmed) without
 * the fund recording them. At start-up the fund gets them as its opening figure, from the event
 * store, and then pays out exactly what it holds.
 */
class FundInflowOpeningTest extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    Cache aggregateCache;

    @Autowired
    FundInflowOpening opening;

    @Test
    void aFundFilledByAnOlderVersionGetsItsOpeningAtStartUpAndPaysOutExactlyWhatItHolds() {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "100.00");
        Party grocer = ledger.merchant("Grocer", currency);
        assertThat(ledger.pay(member, grocer, "100.00").status()).isEqualTo(201);

        // a remittance confirmed by an older version: RemittanceConfirmed alone, nothing on the fund
        Api.Response remittance = ledger.remit(counter, "60.00");
        assertThat(remittance.status()).as(remittance.toString()).isEqualTo(201);
        String path = "/api/v1/counters/" + counter + "/remittances/" + remittance.get("id");
        assertThat(api.request("POST", path + "/remitted", null, true, "Idempotency-Key",
                UUID.randomUUID().toString()).status()).isEqualTo(200);
        aggregateCache.remove(counter);
        long next = eventStore.lastSequenceNumberFor(counter).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("ExchangeCounter", counter, next, new RemittanceConfirmed(
                CounterId.of(counter), CurrencyCode.of(currency), RemittanceId.of(remittance.get("id")), 60_00,
                "NEF-OLD", Postings.builder().move(LedgerAccount.of(currency, LedgerAccountKind.COUNTER_CASH, counter),
                        LedgerAccount.of(currency, LedgerAccountKind.GUARANTEE_FUND), 60_00).build(), Instant.now())));
        books.assertBalanced();

        // the fund does not know what entered it yet
        assertProblem(ledger.reconvert(grocer, "1.00"), 422, "insufficient-fund");

        // start-up: the opening is computed from the event store, once
        assertThat(opening.openMissing()).containsExactly(currency);
        assertThat(opening.openMissing()).doesNotContain(currency);
        String fund = GuaranteeFund.idOf(CurrencyCode.of(currency));
        assertThat(eventStore.readEvents(fund).asStream().map(e -> e.getPayload()).toList())
                .singleElement().isInstanceOfSatisfying(FundInflowsOpened.class,
                        opened -> assertThat(opened.inflowsMinor()).isEqualTo(60_00));

        // 63.17 at 5 % is 60.01 out of the fund, 63.16 is 60.00: all it holds
        assertProblem(ledger.reconvert(grocer, "63.17"), 422, "insufficient-fund");
        Api.Response all = ledger.reconvert(grocer, "63.16");
        assertThat(all.status()).as(all.toString()).isEqualTo(201);
        assertThat(all.get("euros")).isEqualTo("60.00");
        assertProblem(ledger.reconvert(grocer, "1.00"), 422, "insufficient-fund");
        books.assertBalanced();
    }
}
