package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.payment.MakePayment;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A payment answers from its command without waiting for the views; read-your-writes moves to
 * the next request, which waits until the views show every change committed before it came in.
 */
class ViewCatchUpTest extends IntegrationTest {

    private static final int ROUNDS = 25;

    @Autowired
    private CommandGateway commandGateway;

    @Test
    void everyPaymentIsCompletedInItsAnswerAndShownByTheNextRead() {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party payer = ledger.fundedMember(currency, counter, "100.00");
        Party payee = ledger.merchant("Épicerie", currency);
        for (int round = 1; round <= ROUNDS; round++) {
            Api.Response paid = ledger.pay(payer, payee, "1.00");
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            assertThat(paid.get("status")).isEqualTo("COMPLETED");
            assertThat(ledger.balance(payer)).isEqualTo("%d.00".formatted(100 - round));
            Api.Response shown = api.get("/api/v1/payments/" + paid.get("id"));
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.get("status")).isEqualTo("COMPLETED");
        }
        assertThat(ledger.balance(payee)).isEqualTo("%d.00".formatted(ROUNDS));
    }

    @Test
    void aRefundRightAfterItsPaymentFindsIt() {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party payer = ledger.fundedMember(currency, counter, "20.00");
        Party payee = ledger.merchant("Librairie", currency);
        for (int round = 0; round < 5; round++) {
            Api.Response paid = ledger.pay(payer, payee, "2.00");
            Api.Response refunded = ledger.refund(paid.get("id"), "2.00");
            assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
            assertThat(refunded.get("reference")).isEqualTo("refund of " + paid.get("id"));
        }
        assertThat(ledger.balance(payer)).isEqualTo("20.00");
    }

    @Test
    void aReadShowsAChangeCommittedWithoutTheApi() {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party payer = ledger.fundedMember(currency, counter, "50.00");
        Party payee = ledger.merchant("Boulangerie", currency);
        for (int round = 1; round <= ROUNDS; round++) {
            // no request waited for the views after this command: only the read's own wait can show it
            commandGateway.sendAndWait(new MakePayment(CurrencyCode.of(currency),
                    TransferId.of(UUID.randomUUID().toString()), AccountId.of(payer.accountId()),
                    AccountId.of(payee.accountId()), 100, null, null, Instant.now()));
            assertThat(ledger.balance(payee)).isEqualTo("%d.00".formatted(round));
        }
    }
}
