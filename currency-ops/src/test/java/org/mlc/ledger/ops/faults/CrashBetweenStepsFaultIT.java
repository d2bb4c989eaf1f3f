package org.mlc.ledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.ops.faults.BankFaultIT.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The node dies between the two steps of a payment. A payment debits its payer and credits its
 * payee in one unit of work (docs/performance.md), so the test-only fault hook halts the JVM
 * after both are recorded and before they commit: nothing of the payment may be stored, neither
 * step alone. Started again, the client's resend with the same key makes the payment once:
 * debited and credited once, nothing in transit, no saga left.
 */
@Tag("faults")
class CrashBetweenStepsFaultIT {

    static final Map<String, String> HALT_AFTER_DEBIT = Map.of(
            "MLC_TEST_FAULTS_ENABLED", "true",
            "MLC_TEST_FAULTS_HALT_AT", "BETWEEN_DEBIT_AND_CREDIT_BEFORE_COMMIT");
    static final Map<String, String> NO_FAULT = Map.of(
            "MLC_TEST_FAULTS_ENABLED", "false",
            "MLC_TEST_FAULTS_HALT_AT", "");

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aTransferCutBetweenDebitAndCreditCompletesAfterRestart() throws Exception {
        try (Cluster cluster = new Cluster("crash")) {
            // The set-up moves no transfer (conversions issue units), so the hook does not fire before the payment.
            Node node = cluster.node("node", Map.of()).start(HALT_AFTER_DEBIT);
            node.awaitUp();
            Client admin = Client.admin();
            TestCurrency currency = TestCurrency.create(admin, node, "CRASH", 2, 100);
            JdbcTemplate jdbc = cluster.jdbc();
            String payer = currency.accounts.get(0);
            String payee = currency.accounts.get(1);

            Map<String, Object> body = Map.of("from", payer, "to", payee, "amount", "12.50");
            Client.Answer cut = admin.post(node, "/api/v1/payments", "crash-1", body);
            int exit = node.awaitExit(Duration.ofSeconds(60));

            // Dead between the steps, before the commit: neither step is in the store.
            Map<String, Long> debits = TestCurrency.debitsByTransfer(jdbc);
            Map<String, Long> creditsBefore = TestCurrency.creditsByTransfer(jdbc);

            Instant restarted = Instant.now();
            node.start(NO_FAULT);
            Duration up = node.awaitUp();
            Client.Answer resent = admin.post(node, "/api/v1/payments", "crash-1", body);
            String transferId = resent.body() == null ? null : resent.body().get("id").asText();
            String status = resent.body() == null ? null : resent.body().get("status").asText();
            Instant waitStarted = Instant.now();
            while (!"COMPLETED".equals(status) && Duration.between(waitStarted, Instant.now()).toSeconds() < 60) {
                Thread.sleep(250);
                status = admin.get(node, "/api/v1/payments/" + transferId).body().get("status").asText();
            }
            Duration completedAfter = Duration.between(restarted, Instant.now());
            Map<String, Long> credits = TestCurrency.creditsByTransfer(jdbc);

            new Figures("crash between debit and credit (fault hook BETWEEN_DEBIT_AND_CREDIT_BEFORE_COMMIT)")
                    .put("answer to the cut request", cut.toString())
                    .put("exit status of the halted node", exit)
                    .put("debits / credits in the store while down", debits.size() + " / " + creditsBefore.size())
                    .put("restart to ready, s", seconds(up))
                    .put("answer to the resent request (same key)", resent.status() + " " + status)
                    .put("restart to transfer COMPLETED, s", seconds(completedAfter))
                    .write();

            assertThat(cut.answered()).as("the halted node did not answer").isFalse();
            assertThat(exit).isEqualTo(137);
            assertThat(debits).as("no debit without its credit").isEmpty();
            assertThat(creditsBefore).isEmpty();
            assertThat(resent.status()).isEqualTo(201);
            assertThat(status).isEqualTo("COMPLETED");
            assertThat(credits).containsExactly(Map.entry(transferId, 1L));
            assertThat(TestCurrency.debitsByTransfer(jdbc)).containsExactly(Map.entry(transferId, 1L));
            assertThat(currency.inTransit(admin, node)).isEqualTo("0.00");
            assertThat(jdbc.queryForObject("SELECT balance_minor FROM account_view WHERE account_id = ?", Long.class,
                    payer)).isEqualTo(10_000L - 1_250L);
            assertThat(jdbc.queryForObject("SELECT balance_minor FROM account_view WHERE account_id = ?", Long.class,
                    payee)).isEqualTo(10_000L + 1_250L);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM saga_entry", Long.class)).isZero();
            assertThat(cluster.reconcile()).isZero();
        }
    }
}
