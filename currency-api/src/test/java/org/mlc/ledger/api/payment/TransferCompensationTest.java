package org.mlc.ledger.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.payment.TransferDebited;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The saga on the real stores, for a transfer an older version debited on its own (payments now
 * credit in the debit's commit): a payee frozen meanwhile gets nothing; the payer gets it back.
 */
class TransferCompensationTest extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    Cache aggregateCache;

    @Test
    void aPaymentToAnAccountFrozenMeanwhileReturnsToThePayer() {
        String currency = ledger.currency("10", "10");
        Party payer = ledger.fundedMember(currency, ledger.counter(currency), "10.00");
        Party payee = ledger.merchant("Shop", currency);
        Api.Response frozen = api.post("/api/v1/accounts/" + payee.accountId() + "/freeze",
                "{\"reason\":\"suspected fraud\"}");
        assertThat(frozen.get("status")).isEqualTo("FROZEN");
        assertThat(ledger.pay(payer, payee, "1.00").get("code")).isEqualTo("account-frozen");

        // a debit stored by an older version, its credit left to the saga: the payee is frozen meanwhile
        TransferId transfer = TransferId.of(UUID.randomUUID().toString());
        String from = payer.accountId();
        // the payer is read again from the store, with the debit stored behind the command side's back
        aggregateCache.remove(from);
        long next = eventStore.lastSequenceNumberFor(from).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Account", from, next, new TransferDebited(transfer,
                AccountId.of(from), AccountId.of(payee.accountId()), CurrencyCode.of(currency), 400, null,
                Postings.builder().move(LedgerAccount.of(currency, LedgerAccountKind.PARTICIPANT, from),
                        LedgerAccount.of(currency, LedgerAccountKind.IN_TRANSIT), 400).build(), Instant.now())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/v1/payments/" + transfer).get("status")).isEqualTo("RETURNED"));
        assertThat(api.get("/api/v1/payments/" + transfer).get("reason")).isEqualTo("account-frozen");
        assertThat(ledger.balance(payer)).isEqualTo("10.00");
        assertThat(ledger.balance(payee)).isEqualTo("0.00");
        assertThat(api.get("/api/v1/currencies/" + currency + "/supply").get("inTransit")).isEqualTo("0.00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM saga_entry", Long.class)).isZero();
        books.assertBalanced();
    }
}
