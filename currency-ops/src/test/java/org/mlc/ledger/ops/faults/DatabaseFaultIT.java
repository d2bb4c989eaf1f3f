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
 * The database fails under the application: PostgreSQL stopped and started again under load,
 * then made read-only (as when its disk is full). Requests fail cleanly meanwhile (503
 * problem+json, nothing half-applied) and succeed again after, with nothing lost.
 */
@Tag("faults")
class DatabaseFaultIT {

    static final int ACCOUNTS = 10;
    static final int UNITS_EACH = 100;
    static final int CLIENTS = 4;
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("faults.db.seconds", 30));
    static final Duration STOP_AFTER = Duration.ofSeconds(8);
    static final Duration DOWN_FOR = Duration.ofSeconds(5);

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void requestsFailCleanlyWhileTheDatabaseIsDownOrReadOnly() throws Exception {
        try (Cluster cluster = new Cluster("database")) {
            Node node = cluster.node("node", Map.of()).start();
            node.awaitUp();
            Client admin = Client.admin();
            TestCurrency currency = TestCurrency.create(admin, node, "PGDOWN", ACCOUNTS, UNITS_EACH);
            JdbcTemplate jdbc = cluster.jdbc();
            long total = currency.fundedTotalMinor(jdbc);

            // 1. PostgreSQL stopped (fast shutdown: connections cut) and started again, under load.
            Payments payments = new Payments(admin, currency.accounts, i -> node);
            Instant[] upAgain = new Instant[1];
            Instant[] stoppedAt = new Instant[1];
            Thread restarter = new Thread(() -> {
                try {
                    Thread.sleep(STOP_AFTER.toMillis());
                    stoppedAt[0] = Instant.now();
                    cluster.stopPostgres();
                    Thread.sleep(DOWN_FOR.toMillis());
                    cluster.startPostgres();
                    upAgain[0] = Instant.now();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "pg-restarter");
            restarter.start();
            payments.run(CLIENTS, RUN, 29);
            restarter.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(upAgain[0]).as("PostgreSQL restarted").isNotNull();

            Instant drainStarted = Instant.now();
            String inTransit = currency.inTransit(admin, node);
            while (!inTransit.equals("0.00") && Duration.between(drainStarted, Instant.now()).toSeconds() < 120) {
                Thread.sleep(250);
                inTransit = currency.inTransit(admin, node);
            }
            Map<String, Long> debits = TestCurrency.debitsByTransfer(jdbc);
            Map<String, Long> credits = TestCurrency.creditsByTransfer(jdbc);
            long firstAcknowledgedAfter = payments.acknowledged.values().stream()
                    .filter(p -> p.attempts() > 1).count();

            // 2. Read-only database (what PostgreSQL does when its disk is full is to refuse writes).
            // The payment "ro-1" is paid by the member holding most after the random payments, so
            // that it can only be refused for the database, not for the payer's balance.
            String payer = jdbc.queryForObject("SELECT account_id FROM account_view WHERE currency = ? "
                    + "AND owner_kind = 'MEMBER' ORDER BY balance_minor DESC, account_id LIMIT 1", String.class,
                    currency.code);
            String payee = currency.accounts.stream().filter(account -> !account.equals(payer)).findFirst()
                    .orElseThrow();
            jdbc.execute("ALTER DATABASE postgres SET default_transaction_read_only = on");
            cutConnections(jdbc);
            Client.Answer refusedWhileReadOnly = awaitAnswer(admin, node, "ro-1", payer, payee);
            Client.Answer readWhileReadOnly = admin.get(node, "/api/v1/accounts/" + currency.accounts.get(0));
            long debitsWhileReadOnly = TestCurrency.debitsByTransfer(jdbc).size();
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
                try (var statement = connection.createStatement()) {
                    // this session starts read-only too: make it writable to lift the setting
                    statement.execute("SET default_transaction_read_only = off");
                    statement.execute("ALTER DATABASE postgres SET default_transaction_read_only = off");
                }
                return null;
            });
            cutConnections(jdbc);
            Instant writableAgain = Instant.now();
            Client.Answer afterReadOnly = awaitAnswer(admin, node, "ro-1", payer, payee);
            Duration readOnlyRecovery = Duration.between(writableAgain, Instant.now());

            new Figures("PostgreSQL stopped " + DOWN_FOR.toSeconds() + " s under load (1 node, " + CLIENTS
                    + " clients, " + RUN.toSeconds() + " s), then read-only")
                    .put("payments sent", payments.sent.get())
                    .put("acknowledged (201)", payments.acknowledged.size())
                    .put("refused by the ledger (422)", payments.refused.size())
                    .put("acknowledged after one or more 503s", firstAcknowledgedAfter)
                    .put("answers while down (resent with the same key)", payments.retriedBecause)
                    .put("answers that were not problem+json", payments.problemsWithoutJson.size())
                    .put("abandoned", payments.abandoned.size())
                    .put("slowest acknowledgement (with resends), s", seconds(payments.slowest()))
                    .put("PostgreSQL down (stop to started again), s", seconds(Duration.between(stoppedAt[0], upAgain[0])))
                    .put("from PostgreSQL up to the next payment acknowledged, s",
                            seconds(payments.firstAcknowledgedAfter(upAgain[0])))
                    .put("payment while read-only", refusedWhileReadOnly.status() + " " + refusedWhileReadOnly.code())
                    .put("read while read-only", readWhileReadOnly.status())
                    .put("same payment once writable again (after, s)",
                            afterReadOnly.status() + " (" + seconds(readOnlyRecovery) + ")")
                    .write();

            assertThat(payments.abandoned).isEmpty();
            assertThat(payments.problemsWithoutJson).isEmpty();
            assertThat(payments.retriedBecause.keySet()).as("while the database is down: 503s only")
                    .allMatch(why -> why.equals("503 database-unavailable"));
            assertThat(payments.retriedBecause).containsKey("503 database-unavailable");
            assertThat(inTransit).isEqualTo("0.00");
            assertThat(currency.totalMinor(jdbc)).isEqualTo(total);
            for (Payments.Sent payment : payments.acknowledged.values()) {
                assertThat(debits.get(payment.transferId())).as("debits of " + payment).isEqualTo(1L);
                assertThat(credits.get(payment.transferId())).as("credits of " + payment).isEqualTo(1L);
            }
            assertThat(debits).hasSize(payments.acknowledged.size());

            assertThat(refusedWhileReadOnly.status()).isEqualTo(503);
            assertThat(refusedWhileReadOnly.code()).isEqualTo("database-read-only");
            assertThat(refusedWhileReadOnly.contentType()).contains("application/problem+json");
            assertThat(readWhileReadOnly.status()).as("reads go on").isEqualTo(200);
            assertThat(debitsWhileReadOnly).as("nothing written while read-only").isEqualTo(debits.size());
            assertThat(afterReadOnly.status()).isEqualTo(201);
            assertThat(cluster.reconcile()).isZero();
        }
    }

    /** Ends the application's sessions, so that its pool opens new ones under the new setting. */
    private static void cutConnections(JdbcTemplate jdbc) {
        jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE datname = 'postgres' AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
    }

    /** The payment "ro-1", sent until the node answers something else than a cut connection's 503. */
    private static Client.Answer awaitAnswer(Client admin, Node node, String key, String from, String to)
            throws InterruptedException {
        Map<String, Object> body = Map.of("from", from, "to", to, "amount", "1.00");
        Client.Answer answer = admin.post(node, "/api/v1/payments", key, body);
        for (int i = 0; i < 60 && answer.status() == 503 && "database-unavailable".equals(answer.code()); i++) {
            Thread.sleep(500);
            answer = admin.post(node, "/api/v1/payments", key, body);
        }
        return answer;
    }
}
