package org.mlc.ledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.ops.faults.Client.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The README's single node on its embedded PostgreSQL, SIGKILLed under load (what the OOM killer
 * does) and started again with the same command, jar and environment on the same data directory.
 * The server the dead JVM left running is stopped by the new start; every acknowledged payment is
 * in the ledger exactly once (event store, statements, balances), the books balance, and while
 * the node runs the operator tool is refused in one line.
 */
@Tag("faults")
class CrashRestartFaultIT {

    static final int ACCOUNTS = 12;
    static final int UNITS_EACH = 100;
    static final int CLIENTS = Integer.getInteger("faults.crash.clients", 6);
    static final Duration KILL_AFTER = Duration.ofSeconds(10);
    static final Duration AFTER_RESTART = Duration.ofSeconds(15);

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyAcknowledgedPaymentSurvivesAKillMinusNineOfTheEmbeddedNode() throws Exception {
        try (Cluster cluster = Cluster.withoutServer("crash-restart")) {
            Node node = cluster.node("node", Map.of()).start();
            Duration firstStart = node.awaitUp();
            Path postgres = cluster.dataDir("node").resolve("postgres");
            Client admin = Client.admin();
            TestCurrency currency = TestCurrency.create(admin, node, "CRASHR", ACCOUNTS, UNITS_EACH);
            long total = ACCOUNTS * UNITS_EACH * 100L;
            assertThat(totalByApi(admin, node, currency)).isEqualTo(total);

            // the payments cut by the kill are resent until the node is back, however long its start takes
            Payments payments = new Payments(admin, currency.accounts, i -> node)
                    .giveUpAfter(Cluster.NODE_START_TIMEOUT.plusSeconds(60));
            long[] orphan = new long[1];
            boolean[] orphanAliveAfterKill = new boolean[1];
            Duration[] restart = new Duration[1];
            Instant[] killedAt = new Instant[1];
            AtomicBoolean back = new AtomicBoolean();
            Instant started = Instant.now();
            AtomicReference<Instant> end = new AtomicReference<>(started.plus(KILL_AFTER).plus(AFTER_RESTART));
            AtomicReference<Throwable> killerFailed = new AtomicReference<>();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(KILL_AFTER.toMillis());
                    orphan[0] = postmasterPid(postgres);
                    killedAt[0] = Instant.now();
                    node.kill();
                    orphanAliveAfterKill[0] = ProcessHandle.of(orphan[0]).map(ProcessHandle::isAlive).orElse(false);
                    node.start();
                    restart[0] = node.awaitUp();
                    end.set(Instant.now().plus(AFTER_RESTART));
                } catch (Throwable e) {
                    killerFailed.set(e);
                } finally {
                    back.set(true);
                }
            }, "killer");
            killer.start();
            payments.run(CLIENTS, () -> back.get() ? end.get() : Instant.now().plusSeconds(1), 17);
            Duration ran = Duration.between(started, Instant.now());
            killer.join(TimeUnit.MINUTES.toMillis(6));
            assertThat(killerFailed.get()).as("the node started again after SIGKILL (see node.log)").isNull();

            Instant drainStarted = Instant.now();
            String inTransit = currency.inTransit(admin, node);
            while (!inTransit.equals("0.00") && Duration.between(drainStarted, Instant.now()).toSeconds() < 60) {
                Thread.sleep(250);
                inTransit = currency.inTransit(admin, node);
            }

            // the event store of the restarted node's server
            JdbcTemplate jdbc = jdbcOf(postgres);
            Map<String, Long> debits = TestCurrency.debitsByTransfer(jdbc);
            Map<String, Long> credits = TestCurrency.creditsByTransfer(jdbc);
            // the statements, as a member reads them: lines per (account, operation)
            Map<String, Long> statementLines = new HashMap<>();
            for (String account : currency.accounts) {
                statementLines.putAll(statementLinesByOperation(admin, node, account));
            }

            Map<String, Long> balances = new HashMap<>();
            for (String account : currency.accounts) {
                balances.put(account, balanceMinor(admin, node, account, jdbc));
            }
            long totalHeld = currency.totalMinor(jdbc);

            // the operator tool while the application holds the directory
            int opsWhileRunning = cluster.reconcile(cluster.dataDir("node"), "reconcile-while-running.log");
            List<String> opsOutput = Files.readAllLines(cluster.dir.resolve("reconcile-while-running.log"));
            boolean stillServing = client(admin, node, currency);

            int stopStatus = node.stop(Duration.ofSeconds(60));
            int reconcile = cluster.reconcile(cluster.dataDir("node"), "reconcile.log");

            new Figures("kill -9 of the embedded node: 1 node on its own PostgreSQL, " + ACCOUNTS + " accounts, "
                    + CLIENTS + " clients for " + seconds(ran) + " s, SIGKILLed at " + KILL_AFTER.toSeconds()
                    + " s, started again with the same command, run on " + AFTER_RESTART.toSeconds() + " s once back")
                    .put("first start, s", seconds(firstStart))
                    .put("payments sent", payments.sent.get())
                    .put("acknowledged (201)", payments.acknowledged.size())
                    .put("refused by the ledger (422)", payments.refused.size())
                    .put("applied (debited once in the store)", payments.acknowledged.values().stream()
                            .filter(p -> Long.valueOf(1).equals(debits.get(p.transferId()))).count())
                    .put("resent with the same key", payments.retries() + " " + payments.retriedBecause)
                    .put("abandoned", payments.abandoned.size())
                    .put("PostgreSQL left running by the killed JVM", orphanAliveAfterKill[0] ? "yes (pid " + orphan[0]
                            + ")" : "no")
                    .put("killed at / restart (SIGKILL to ready), s",
                            seconds(Duration.between(started, killedAt[0])) + " / " + seconds(restart[0]))
                    .put("restart's WARN about the server left running (node log)",
                            cluster.countInLogs("left running on"))
                    .put("slowest acknowledgement (with resends), s", seconds(payments.slowest()))
                    .put("reconcile while the node runs (exit, lines)", opsWhileRunning + ", " + opsOutput.size())
                    .put("node exit status on SIGTERM / reconcile after", stopStatus + " / " + reconcile)
                    .write();

            assertThat(orphanAliveAfterKill[0]).as("the kill left the embedded server running (what the test is about)")
                    .isTrue();
            assertThat(ProcessHandle.of(orphan[0]).map(ProcessHandle::isAlive).orElse(false))
                    .as("the server the dead JVM left").isFalse();
            assertThat(cluster.countInLogs("left running on")).as("one WARN line at the restart").isEqualTo(1);
            assertThat(payments.abandoned).as("payments never answered").isEmpty();
            assertThat(payments.acknowledged).hasSizeGreaterThan(20);
            assertThat(inTransit).as("in transit").isEqualTo("0.00");
            for (Payments.Sent payment : payments.acknowledged.values()) {
                assertThat(debits.get(payment.transferId())).as("debits of " + payment).isEqualTo(1L);
                assertThat(credits.get(payment.transferId())).as("credits of " + payment).isEqualTo(1L);
                assertThat(statementLines.get(payment.from() + " " + payment.transferId()))
                        .as("lines on the payer's statement for " + payment).isEqualTo(1L);
                assertThat(statementLines.get(payment.to() + " " + payment.transferId()))
                        .as("lines on the payee's statement for " + payment).isEqualTo(1L);
            }
            // nothing moved that the clients were not told of
            assertThat(debits).hasSize(payments.acknowledged.size());
            assertThat(credits).hasSize(payments.acknowledged.size());
            Map<String, Long> changes = payments.expectedChanges();
            for (String account : currency.accounts) {
                assertThat(balances.get(account)).as("balance of " + account)
                        .isEqualTo(UNITS_EACH * 100L + changes.getOrDefault(account, 0L));
            }
            assertThat(totalHeld).as("total held").isEqualTo(total);
            assertThat(opsWhileRunning).as("reconcile while the node holds the directory").isEqualTo(2);
            assertThat(opsOutput).as("what reconcile printed").hasSize(1);
            assertThat(opsOutput.get(0)).startsWith("reconcile: Another MLC Ledger process (pid " + node.pid() + ")");
            assertThat(stillServing).as("the node served on after the refused reconcile").isTrue();
            assertThat(reconcile).as("currency-ops reconcile after a clean stop").isZero();
        }
    }

    private static long postmasterPid(Path postgres) throws Exception {
        return Long.parseLong(Files.readAllLines(postgres.resolve("postmaster.pid")).get(0).trim());
    }

    /** The running node's embedded server: its port is the fourth line of postmaster.pid. */
    private static JdbcTemplate jdbcOf(Path postgres) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(postgres.resolve("postmaster.pid")).get(3).trim());
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        ds.setUser("postgres");
        return new JdbcTemplate(ds);
    }

    private static Map<String, Long> statementLinesByOperation(Client client, Node node, String account) {
        Map<String, Long> lines = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode entries = expect(client.get(node, "/api/v1/accounts/" + account + "/entries?size=500&page=" + page),
                    200).body().get("entries");
            for (JsonNode entry : entries) {
                lines.merge(account + " " + entry.get("operation").asText(), 1L, Long::sum);
            }
            if (entries.size() < 500) {
                return lines;
            }
        }
    }

    /** The balance the API answers, checked against the account view it is read from. */
    private static long balanceMinor(Client client, Node node, String account, JdbcTemplate jdbc) {
        String balance = expect(client.get(node, "/api/v1/accounts/" + account), 200).body().get("balance").asText();
        long minor = new java.math.BigDecimal(balance).movePointRight(2).longValueExact();
        assertThat(jdbc.queryForObject("SELECT balance_minor FROM account_view WHERE account_id = ?", Long.class,
                account)).isEqualTo(minor);
        return minor;
    }

    private static long totalByApi(Client client, Node node, TestCurrency currency) {
        long total = 0;
        for (String account : currency.accounts) {
            String balance = expect(client.get(node, "/api/v1/accounts/" + account), 200).body().get("balance").asText();
            total += new java.math.BigDecimal(balance).movePointRight(2).longValueExact();
        }
        return total;
    }

    /** The node still answers: a read of an account. */
    private static boolean client(Client client, Node node, TestCurrency currency) {
        return client.get(node, "/api/v1/accounts/" + currency.accounts.get(0)).status() == 200;
    }

    static String seconds(Duration duration) {
        return BankFaultIT.seconds(duration);
    }
}
