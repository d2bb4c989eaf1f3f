package org.mlc.ledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bank test: two application nodes on one PostgreSQL, K clients paying between N accounts
 * through both for T seconds; one node is killed (SIGKILL) in the middle and started again;
 * clients resend unanswered payments with the same key. Afterwards the total is what it was,
 * every acknowledged payment is in the ledger exactly once, nothing is applied twice, nothing
 * stays in transit, and {@code currency-ops reconcile} exits 0.
 */
@Tag("faults")
class BankFaultIT {

    static final int ACCOUNTS = Integer.getInteger("faults.bank.accounts", 20);
    static final int UNITS_EACH = 100;
    static final int CLIENTS = Integer.getInteger("faults.bank.clients", 8);
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("faults.bank.seconds", 45));
    static final Duration KILL_AFTER = RUN.dividedBy(4);
    /** The clients go on at least this long once the killed node is back, so both nodes serve together again. */
    static final Duration AFTER_RESTART = Duration.ofSeconds(20);

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void moneyIsConservedAcrossAKilledNode() throws Exception {
        try (Cluster cluster = new Cluster("bank")) {
            Node a = cluster.node("node-a", Map.of()).start();
            Node b = cluster.node("node-b", Map.of()).start();
            Duration startA = a.awaitUp();
            Duration startB = b.awaitUp();
            Client admin = Client.admin();
            TestCurrency currency = TestCurrency.create(admin, a, "BANK", ACCOUNTS, UNITS_EACH);
            JdbcTemplate jdbc = cluster.jdbc();
            long total = currency.fundedTotalMinor(jdbc);
            assertThat(total).isEqualTo(ACCOUNTS * UNITS_EACH * 100L);

            List<Node> nodes = List.of(a, b);
            Payments payments = new Payments(admin, currency.accounts, i -> nodes.get(Math.floorMod(i, 2)));
            Instant[] killedAt = new Instant[1];
            Duration[] restart = new Duration[1];
            java.util.concurrent.atomic.AtomicBoolean back = new java.util.concurrent.atomic.AtomicBoolean();
            Instant started = Instant.now();
            java.util.concurrent.atomic.AtomicReference<Instant> end = new java.util.concurrent.atomic.AtomicReference<>(
                    started.plus(RUN));
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(KILL_AFTER.toMillis());
                    killedAt[0] = Instant.now();
                    b.kill();
                    b.start();
                    Duration up = b.awaitUp();
                    end.accumulateAndGet(Instant.now().plus(AFTER_RESTART), (x, y) -> x.isAfter(y) ? x : y);
                    back.set(true);
                    restart[0] = up;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "killer");
            killer.start();
            // until node-b is back (however long its start takes on a loaded machine), then AFTER_RESTART more
            payments.run(CLIENTS, () -> back.get() ? end.get() : Instant.now().plusSeconds(1), 11);
            Duration ran = Duration.between(started, Instant.now());
            killer.join(TimeUnit.MINUTES.toMillis(4));
            assertThat(restart[0]).as("node-b came back").isNotNull();

            // The sagas resume: nothing stays in transit.
            Instant drainStarted = Instant.now();
            String inTransit = currency.inTransit(admin, a);
            while (!inTransit.equals("0.00") && Duration.between(drainStarted, Instant.now()).toSeconds() < 120) {
                Thread.sleep(250);
                inTransit = currency.inTransit(admin, a);
            }
            Duration drained = Duration.between(drainStarted, Instant.now());

            Map<String, Long> debits = TestCurrency.debitsByTransfer(jdbc);
            Map<String, Long> credits = TestCurrency.creditsByTransfer(jdbc);
            long applied = payments.acknowledged.values().stream().filter(p -> debits.containsKey(p.transferId())).count();
            new Figures("bank test: 2 nodes, " + ACCOUNTS + " accounts, " + CLIENTS + " clients for " + seconds(ran)
                    + " s, node-b SIGKILLed at " + KILL_AFTER.toSeconds() + " s and run on " + AFTER_RESTART.toSeconds()
                    + " s once back")
                    .put("node start (a, b), s", seconds(startA) + ", " + seconds(startB))
                    .put("payments sent", payments.sent.get())
                    .put("commands retried after a conflict between the nodes (node logs)",
                            cluster.countInLogs("lost a race for its aggregate"))
                    .put("acknowledged (201)", payments.acknowledged.size())
                    .put("refused by the ledger (422)", payments.refused.size())
                    .put("applied (debited once in the store)", applied)
                    .put("transfers debited twice", debits.values().stream().filter(n -> n > 1).count())
                    .put("resent with the same key", payments.retries() + " " + payments.retriedBecause)
                    .put("abandoned", payments.abandoned.size())
                    .put("payments per second (acknowledged / run)",
                            String.format("%.1f", payments.acknowledged.size() / (ran.toMillis() / 1000.0)))
                    .put("slowest acknowledgement (with resends), s", seconds(payments.slowest()))
                    .put("node-b killed at / back (SIGKILL to ready), s",
                            seconds(Duration.between(started, killedAt[0])) + " / " + seconds(restart[0]))
                    .put("in transit drained after the run in, s", seconds(drained))
                    .write();

            assertThat(payments.abandoned).as("payments never answered").isEmpty();
            assertThat(payments.acknowledged).hasSizeGreaterThan(50);
            assertThat(inTransit).as("in transit once the sagas resume").isEqualTo("0.00");
            assertThat(currency.totalMinor(jdbc)).as("total held").isEqualTo(total);
            for (Payments.Sent payment : payments.acknowledged.values()) {
                assertThat(debits.get(payment.transferId())).as("debits of " + payment).isEqualTo(1L);
                assertThat(credits.get(payment.transferId())).as("credits of " + payment).isEqualTo(1L);
            }
            assertThat(debits.values()).as("no transfer debited twice").allMatch(n -> n == 1L);
            assertThat(credits.values()).as("no transfer credited twice").allMatch(n -> n == 1L);
            // only acknowledged payments moved money: the store has no debit the clients were not told of
            assertThat(debits).hasSize(payments.acknowledged.size());
            Map<String, Long> changes = payments.expectedChanges();
            for (String account : currency.accounts) {
                long balance = jdbc.queryForObject("SELECT balance_minor FROM account_view WHERE account_id = ?",
                        Long.class, account);
                assertThat(balance).as("balance of " + account)
                        .isEqualTo(UNITS_EACH * 100L + changes.getOrDefault(account, 0L));
            }
            assertThat(cluster.reconcile()).as("currency-ops reconcile exit status").isZero();
        }
    }

    static String seconds(Duration duration) {
        return duration == null ? "-" : String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
