package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * Idempotency keys are each user's own, and the ids a request creates cannot be told from its key
 * (issue 18, item 5); a user's retry still answers as the first time, and its concurrent
 * duplicates still create one thing.
 */
class IdempotencyPerUserTest extends IntegrationTest {

    private static final int SAME_KEY_CLIENTS = 6;

    @Test
    void twoUsersUseTheSameKeyEachForTheirOwnPayment() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party grocer = ledger.merchant("Epicerie", currency);
        Party bob = ledger.fundedMember(currency, counter, "20.00");
        Party alice = ledger.fundedMember(currency, counter, "20.00");
        Api bobApi = ledger.user("MEMBER", bob.id(), null).api();
        Api aliceApi = ledger.user("MEMBER", alice.id(), null).api();
        String key = "pay-1-" + currency;

        Api.Response bobs = bobApi.post("/api/v1/payments", payment(bob, grocer, "5.00"), key);
        Api.Response alices = aliceApi.post("/api/v1/payments", payment(alice, grocer, "7.00"), key);
        assertThat(bobs.status()).as(bobs.toString()).isEqualTo(201);
        assertThat(alices.status()).as(alices.toString()).isEqualTo(201);
        assertThat(alices.get("id")).isNotEqualTo(bobs.get("id"));
        assertThat(ledger.balance(bob)).isEqualTo("15.00");
        assertThat(ledger.balance(alice)).isEqualTo("13.00");
        assertThat(ledger.balance(grocer)).isEqualTo("12.00");

        // each one's retry is answered from its own first answer; another body is still a conflict
        Api.Response bobAgain = bobApi.post("/api/v1/payments", payment(bob, grocer, "5.00"), key);
        assertThat(bobAgain.status()).isEqualTo(201);
        assertThat(bobAgain.get("id")).isEqualTo(bobs.get("id"));
        assertThat(bobApi.post("/api/v1/payments", payment(bob, grocer, "6.00"), key).get("code"))
                .isEqualTo("idempotency-conflict");
        assertThat(ledger.balance(grocer)).isEqualTo("12.00");
    }

    @Test
    void concurrentRequestsOfOneUserWithOneKeyCreateOneParticipant() throws Exception {
        String currency = ledger.currency("1", "1");
        String name = "Dupont " + currency;
        String body = """
                {"kind":"MEMBER","name":"%s","currency":"%s"}""".formatted(name, currency);
        ExecutorService clients = Executors.newFixedThreadPool(SAME_KEY_CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < SAME_KEY_CLIENTS; i++) {
            answers.add(clients.submit(() -> {
                start.await();
                return api.post("/api/v1/participants", body, "member-" + currency);
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            ids.add(response.get("id") + "/" + response.get("accountId"));
        }
        clients.shutdown();
        assertThat(ids).as("every answer names the one participant").containsOnly(ids.get(0));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM participant_view WHERE currency = ?", Long.class,
                currency)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", Long.class,
                "member-" + currency)).isEqualTo(1L);
    }

    @Test
    void theIdsARequestCreatesCannotBeToldFromItsKey() {
        String currency = ledger.currency("1", "1");
        Api otherAdmin = ledger.user("ADMIN", null, null).api();
        String key = "README-member-" + currency;
        String body = """
                {"kind":"MEMBER","name":"Martin","currency":"%s"}""".formatted(currency);

        Api.Response mine = api.post("/api/v1/participants", body, key);
        Api.Response theirs = otherAdmin.post("/api/v1/participants", body, key);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        assertThat(theirs.get("id")).isNotEqualTo(mine.get("id"));
        assertThat(theirs.get("accountId")).isNotEqualTo(mine.get("accountId"));
        // not the name-based UUID of the key, as ids were before
        for (String what : List.of("participant", "account")) {
            String fromKey = UUID.nameUUIDFromBytes(("register-participant\n" + key + "\n" + what)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            assertThat(List.of(mine.get("id"), mine.get("accountId"), theirs.get("id"), theirs.get("accountId")))
                    .doesNotContain(fromKey);
        }
        // the retry names the same ids
        Api.Response again = api.post("/api/v1/participants", body, key);
        assertThat(again.get("id")).isEqualTo(mine.get("id"));
        assertThat(again.get("accountId")).isEqualTo(mine.get("accountId"));
    }

    private static String payment(Party from, Party to, String amount) {
        return """
                {"from":"%s","to":"%s","amount":"%s"}""".formatted(from.accountId(), to.accountId(), amount);
    }
}
