package org.mlc.ledger.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.payment.DebitForTransfer;
import org.springframework.beans.factory.annotation.Autowired;

/** The saga on the real stores: a payee frozen after the API's checks gets nothing; the payer gets it back. */
class TransferCompensationTest extends IntegrationTest {

    @Autowired
    CommandGateway commandGateway;

    @Test
    void aPaymentToAnAccountFrozenMeanwhileReturnsToThePayer() {
        String currency = ledger.currency("10", "10");
        Party payer = ledger.fundedMember(currency, ledger.counter(currency), "10.00");
        Party payee = ledger.merchant("Shop", currency);
        Api.Response frozen = api.post("/api/v1/accounts/" + payee.accountId() + "/freeze",
                "{\"reason\":\"suspected fraud\"}");
        assertThat(frozen.get("status")).isEqualTo("FROZEN");
        assertThat(ledger.pay(payer, payee, "1.00").get("code")).isEqualTo("account-frozen");

        // as if the payee had been frozen between the API's check and the credit
        TransferId transfer = TransferId.of(UUID.randomUUID().toString());
        commandGateway.sendAndWait(new DebitForTransfer(AccountId.of(payer.accountId()), transfer,
                AccountId.of(payee.accountId()), 400, null, Instant.now()));

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
