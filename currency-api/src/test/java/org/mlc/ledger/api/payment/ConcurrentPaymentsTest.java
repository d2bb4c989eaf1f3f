package org.mlc.ledger.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

class ConcurrentPaymentsTest extends IntegrationTest {

    private static final int PAYMENTS = 50;

    @Test
    void fiftyConcurrentPaymentsOfOneFromTenSucceedExactlyTenTimes() throws Exception {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party payer = ledger.fundedMember(currency, counter, "10.00");
        Party payee = ledger.merchant("Shop", currency);

        ExecutorService clients = Executors.newFixedThreadPool(PAYMENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            answers.add(clients.submit(() -> {
                start.await();
                return ledger.pay(payer, payee, "1.00");
            }));
        }
        start.countDown();
        int succeeded = 0;
        int refused = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get(60, TimeUnit.SECONDS);
            if (response.status() == 201) {
                succeeded++;
            } else if (response.status() == 422 && "insufficient-funds".equals(response.get("code"))) {
                refused++;
            } else {
                throw new AssertionError("unexpected answer " + response);
            }
        }
        clients.shutdown();

        assertThat(succeeded).isEqualTo(10);
        assertThat(refused).isEqualTo(40);
        assertThat(ledger.balance(payer)).isEqualTo("0.00");
        assertThat(ledger.balance(payee)).isEqualTo("10.00");
        assertThat(api.get("/api/v1/currencies/" + currency + "/supply").get("inTransit")).isEqualTo("0.00");
        books.assertBalanced();
    }
}
