package org.mlc.ledger.api.reconversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * Payments, refunds and reconversions on the same accounts from many threads, some requests sent
 * twice with the same key: every request gets one answer, a replay never pays twice, the books
 * balance, no account goes below zero, refunds never exceed the payment and the fund never pays
 * more than it holds.
 */
class ConcurrentCirculationTest extends IntegrationTest {

    private static final int THREADS = 12;
    private static final Set<String> EXPECTED_REFUSALS = Set.of("insufficient-funds", "insufficient-fund",
            "refund-exceeds-payment");

    private record Sent(String kind, String key, Callable<Api.Response> call) {
    }

    @Test
    void paymentsRefundsAndReconversionsAtOnceKeepTheBooksAndTheLimits() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party alice = ledger.fundedMember(currency, counter, "100.00");
        Party bob = ledger.fundedMember(currency, counter, "100.00");
        Party grocer = ledger.merchant("Epicerie", currency);
        Party supplier = ledger.merchant("Maraicher", currency);
        ledger.remitAndConfirm(counter, "120.00"); // the fund can pay 120.00, less than circulates
        Api.Response first = ledger.pay(alice, grocer, "30.00");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String refunded = first.get("id");

        List<Sent> requests = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String key = "pay-" + i;
            Party payer = i % 2 == 0 ? alice : bob;
            requests.add(new Sent("pay", key, () -> api.post("/api/v1/payments", """
                    {"from":"%s","to":"%s","amount":"7.00"}""".formatted(payer.accountId(), grocer.accountId()), key)));
        }
        for (int i = 0; i < 10; i++) {
            String key = "refund-" + i;
            requests.add(new Sent("refund", key, () -> api.post("/api/v1/payments/" + refunded + "/refunds",
                    "{\"amount\":\"4.00\"}", key)));
        }
        for (int i = 0; i < 10; i++) {
            String key = "reconvert-" + i;
            requests.add(new Sent("reconvert", key, () -> api.post("/api/v1/reconversions", """
                    {"merchant":"%s","units":"20.00"}""".formatted(grocer.id()), key)));
        }
        for (int i = 0; i < 6; i++) {
            String key = "b2b-" + i;
            requests.add(new Sent("b2b", key, () -> api.post("/api/v1/payments", """
                    {"from":"%s","to":"%s","amount":"3.00"}""".formatted(grocer.accountId(), supplier.accountId()),
                    key)));
        }
        // every fifth request is sent twice with its key, at the same time
        int distinct = requests.size();
        for (int i = 0; i < distinct; i += 5) {
            requests.add(requests.get(i));
        }

        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (Sent sent : requests) {
            answers.add(clients.submit(() -> {
                start.await();
                return sent.call().call();
            }));
        }
        start.countDown();
        java.util.Map<String, Api.Response> byKey = new java.util.HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Api.Response response = answers.get(i).get(120, TimeUnit.SECONDS);
            boolean done = response.status() == 201;
            boolean refused = response.status() == 422 && EXPECTED_REFUSALS.contains(response.get("code"));
            assertThat(done || refused).as(requests.get(i).kind() + ": " + response).isTrue();
            Api.Response earlier = byKey.get(requests.get(i).key());
            if (earlier != null && earlier.status() == 201 && done) {
                assertThat(response.text()).as("a replay answers as the first").isEqualTo(earlier.text());
            }
            // a refused request stores nothing: its twin may have gone through after it
            if (earlier == null || done) {
                byKey.put(requests.get(i).key(), response);
            }
        }
        clients.shutdown();

        long paid = 0;
        long refundedMinor = 0;
        long reconverted = 0;
        long b2b = 0;
        for (Sent sent : requests.subList(0, distinct)) {
            Api.Response response = byKey.get(sent.key());
            if (response.status() != 201) {
                continue;
            }
            switch (sent.kind()) {
                case "pay" -> paid += 700;
                case "refund" -> refundedMinor += 400;
                case "reconvert" -> reconverted += 2000;
                default -> b2b += 300;
            }
        }
        assertThat(refundedMinor).as("refunds never exceed the 30.00 paid").isLessThanOrEqualTo(3000);
        long grocerMinor = 3000 + paid - refundedMinor - reconverted - b2b;
        assertThat(minor(ledger.balance(grocer))).isEqualTo(grocerMinor).isNotNegative();
        assertThat(minor(ledger.balance(supplier))).isEqualTo(b2b);
        assertThat(minor(ledger.balance(alice)) + minor(ledger.balance(bob)))
                .isEqualTo(20_000 - 3000 - paid + refundedMinor);
        // each reconversion of 20.00 pays 19.00 out of the fund's 120.00
        assertThat(reconverted / 2000 * 1900).isLessThanOrEqualTo(12_000);
        Api.Response supply = ledger.supply(currency);
        assertThat(minor(supply.get("guaranteeFund"))).isEqualTo(12_000 - reconverted / 2000 * 1900).isNotNegative();
        assertThat(supply.get("inTransit")).isEqualTo("0.00");
        books.assertBalanced();
        books.assertBacked(currency);
    }

    private static long minor(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
