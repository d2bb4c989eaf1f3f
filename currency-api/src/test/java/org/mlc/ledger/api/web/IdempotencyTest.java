package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

class IdempotencyTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    IdempotentCommands idempotentCommands;

    private static final int SAME_KEY_CLIENTS = 10;

    private String currency;
    private String counter;
    private Party member;
    private Party merchant;

    @BeforeEach
    void money() {
        currency = ledger.currency("10", "10");
        counter = ledger.counter(currency);
        member = ledger.fundedMember(currency, counter, "10.00");
        merchant = ledger.merchant("Shop", currency);
    }

    @Test
    void theSameKeyAndBodyReturnsTheFirstAnswerWithoutASecondEffect() {
        String body = conversion("5.00");
        Api.Response first = api.post("/api/v1/counters/" + counter + "/conversions", body, "conv-" + currency);
        long events = books.eventCount();
        Api.Response second = api.post("/api/v1/counters/" + counter + "/conversions", body, "conv-" + currency);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(books.eventCount()).isEqualTo(events);
        assertThat(ledger.balance(member)).isEqualTo("15.00");
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        api.post("/api/v1/counters/" + counter + "/conversions", conversion("5.00"), "conflict-" + currency);
        long events = books.eventCount();
        Api.Response other = api.post("/api/v1/counters/" + counter + "/conversions", conversion("6.00"),
                "conflict-" + currency);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.get("code")).isEqualTo("idempotency-conflict");
        assertThat(books.eventCount()).isEqualTo(events);
    }

    @Test
    void concurrentRequestsWithTheSameKeyPayOnce() throws Exception {
        String body = """
                {"from":"%s","to":"%s","amount":"3.00"}""".formatted(member.accountId(), merchant.accountId());
        ExecutorService clients = Executors.newFixedThreadPool(SAME_KEY_CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < SAME_KEY_CLIENTS; i++) {
            answers.add(clients.submit(() -> {
                start.await();
                return api.post("/api/v1/payments", body, "race-" + currency);
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            ids.add(response.get("id"));
        }
        clients.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(ledger.balance(member)).isEqualTo("7.00");
        assertThat(ledger.balance(merchant)).isEqualTo("3.00");
    }

    @Test
    void aRefusedRequestCanBeRetriedWithTheSameKey() {
        String body = """
                {"from":"%s","to":"%s","amount":"12.00"}""".formatted(member.accountId(), merchant.accountId());
        assertThat(api.post("/api/v1/payments", body, "retry-" + currency).status()).isEqualTo(422);
        ledger.convert(counter, member, "2.00");
        Api.Response retried = api.post("/api/v1/payments", body, "retry-" + currency);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(ledger.balance(member)).isEqualTo("0.00");
    }

    @Test
    void aRequestHashesTheSameWhateverTheOrderOfItsMapEntries() {
        java.util.Map<String, Object> oneOrder = new java.util.LinkedHashMap<>();
        oneOrder.put("participant", "p-1");
        oneOrder.put("request", "r-1");
        java.util.Map<String, Object> otherOrder = new java.util.LinkedHashMap<>();
        otherOrder.put("request", "r-1");
        otherOrder.put("participant", "p-1");
        // Map.of iterates in a different order in another JVM: a restart must not turn a replay into a 409
        assertThat(idempotentCommands.key("scope", "k", otherOrder).requestHash())
                .isEqualTo(idempotentCommands.key("scope", "k", oneOrder).requestHash());
        assertThat(idempotentCommands.key("scope", "k", java.util.Map.of("participant", "p-2")).requestHash())
                .isNotEqualTo(idempotentCommands.key("scope", "k", oneOrder).requestHash());
    }

    private String conversion(String euros) {
        return """
                {"participant":"%s","euros":"%s","paidBy":"CARD"}""".formatted(member.id(), euros);
    }
}
