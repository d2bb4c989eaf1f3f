package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.aid.GrantLines;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Payments that arrive together are committed together, and a failure in a batch costs nobody
 * else their payment. To make requests arrive together for sure, the test first holds the
 * committer of its currency: it pays with an Idempotency-Key whose row a transaction of the test
 * has inserted and not committed, so the committer's insert of the same key waits on PostgreSQL's
 * lock. The requests sent meanwhile queue; once the test rolls its row back, the committer takes
 * them all in one batch. That they shared one transaction is read from PostgreSQL itself: the
 * {@code xmin} of their events' rows is the id of the transaction that wrote them.
 */
class GroupCommitTest extends IntegrationTest {

    private static final int PAYMENTS = 20;
    /** How long a committer is held before the lag test lets it commit. */
    private static final long HELD_MILLIS = 1_500;

    @Autowired
    private GroupCommit groupCommit;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ViewLag viewLag;
    @Autowired
    private BulkJobsRunning bulkJobsRunning;
    @Value("${mlc.group-commit.alone-up-to:3}")
    private int aloneUpTo;

    @Test
    void paymentsSentTogetherShareOneTransactionAndAllLand() throws Exception {
        Market market = market("Épicerie", PAYMENTS);

        List<String> keys = new ArrayList<>();
        List<Api.Response> answers;
        try (HeldPayments held = holdCommitter(market.currency(), market.counter())) {
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (Party member : market.members()) {
                String key = UUID.randomUUID().toString();
                keys.add(key);
                String body = """
                        {"from":"%s","to":"%s","amount":"1.00"}"""
                        .formatted(member.accountId(), market.shop().accountId());
                sent.add(held.requests.submit(() -> api.post("/api/v1/payments", body, key)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> groupCommit.queued() == PAYMENTS);
            held.release();
            answers = held.answers(sent);
        }

        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
        // without group commit, one transaction per payment: here the queued ones went in one
        assertThat(transactionsOfDebits(market.members())).isEqualTo(1);
        // each event carries its own request's metadata (its key, for the audit), not a neighbour's
        for (int i = 0; i < PAYMENTS; i++) {
            String metaData = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND payload_type LIKE '%TransferDebited'", String.class,
                    market.members().get(i).accountId());
            assertThat(metaData).contains("\"idempotencyKey\":\"" + keys.get(i) + "\"").contains("\"user\":\"admin\"");
        }
        assertThat(ledger.balance(market.shop())).isEqualTo("20.00");
        for (Party member : market.members()) {
            assertThat(ledger.balance(member)).isEqualTo("49.00");
        }
    }

    @Test
    void aRefusalOrAResentKeyInABatchRollsItBackAndEachPaymentIsDoneAloneOnce() throws Exception {
        Market market = market("Boulangerie", 5);
        Party poor = ledger.fundedMember(market.currency(), market.counter(), "5.00");
        String twiceKey = UUID.randomUUID().toString();
        String twiceBody = """
                {"from":"%s","to":"%s","amount":"3.00"}"""
                .formatted(market.members().get(0).accountId(), market.shop().accountId());
        double aloneBefore = meters.counter("mlc.group-commit.sent-alone").count();

        List<Api.Response> good;
        Api.Response refused;
        Api.Response first;
        Api.Response resent;
        try (HeldPayments held = holdCommitter(market.currency(), market.counter())) {
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (Party member : market.members().subList(1, market.members().size())) {
                sent.add(held.requests.submit(() -> ledger.pay(member, market.shop(), "1.00")));
            }
            Future<Api.Response> overdraw = held.requests.submit(() -> ledger.pay(poor, market.shop(), "80.00"));
            Future<Api.Response> once = held.requests.submit(() -> api.post("/api/v1/payments", twiceBody, twiceKey));
            Future<Api.Response> again = held.requests.submit(() -> api.post("/api/v1/payments", twiceBody, twiceKey));
            await().atMost(Duration.ofSeconds(30)).until(() -> groupCommit.queued() == market.members().size() + 2);
            held.release();
            good = held.answers(sent);
            refused = overdraw.get(60, TimeUnit.SECONDS);
            first = once.get(60, TimeUnit.SECONDS);
            resent = again.get(60, TimeUnit.SECONDS);
        }

        for (Api.Response answer : good) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.get("code")).isEqualTo("insufficient-funds");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(resent.status()).as(resent.toString()).isEqualTo(201);
        assertThat(resent.get("id")).as("the resent key is answered with the first payment").isEqualTo(first.get("id"));
        assertThat(meters.counter("mlc.group-commit.sent-alone").count() - aloneBefore)
                .as("the refused payment and the resent key went alone").isEqualTo(2.0);
        // the others were committed together, once the two were taken out of their batch
        assertThat(transactionsOfDebits(market.members())).isEqualTo(1);
        // each payment once, the refused one not at all
        assertThat(ledger.balance(market.members().get(0))).isEqualTo("47.00");
        assertThat(ledger.balance(poor)).isEqualTo("5.00");
        assertThat(ledger.balance(market.shop())).isEqualTo("7.00");
        assertThat(debits(market.members().get(0))).isEqualTo(1);
    }

    @Test
    void aBatchHeldOnALockDoesNotShowAsViewsLagWhenItCommits() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Connection views;
        try (HeldPayments held = holdCommitter(currency, counter)) {
            // the held payments' events were created when they were decided; they are committed later
            Thread.sleep(HELD_MILLIS);
            // the ledger projection cannot book this currency's accounts until the test lets go
            views = dataSource.getConnection();
            views.setAutoCommit(false);
            try (var lock = views.prepareStatement("SELECT 1 FROM account_view WHERE currency = ? FOR UPDATE")) {
                lock.setString(1, currency);
                lock.executeQuery().close();
            }
            held.release();
            held.answers(List.of());
        }
        try {
            // counted from their stamps the events would be HELD_MILLIS old already: they are counted
            // from when they could be read, so the writers are not held back for the batch's wait
            assertThat(viewLag.behindMillis()).isLessThan(HELD_MILLIS / 2);
            // and the lag still grows while the views do not book them
            await().atMost(Duration.ofSeconds(10)).until(() -> viewLag.behindMillis() > HELD_MILLIS / 2);
        } finally {
            views.rollback();
            views.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> viewLag.behindMillis() == 0);
    }

    @Test
    void whileABulkJobOfTheCurrencyRunsItsPaymentsGoAloneInsteadOfQueueing() throws Exception {
        Market market = market("Fromagerie", PAYMENTS);
        String jobId = UUID.randomUUID().toString();
        // the job is running for the ledger, but no node may work on it: the test holds the jobs' lock
        try (Connection jobsLock = dataSource.getConnection()) {
            try (var lock = jobsLock.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, ClusterJobLock.key(BulkJobs.LOCK));
                lock.executeQuery().close();
            }
            try {
                jdbc.update("INSERT INTO bulk_job (job_id, kind, target_id, owner_id, created_by, status, total_lines, "
                        + "done_lines, succeeded_lines, refused_lines, created_at, currency) "
                        + "VALUES (?, ?, 'test', 'test', 'admin', ?, 1, 0, 0, 0, now(), ?)",
                        jobId, GrantLines.KIND, BulkJobs.RUNNING, market.currency());
                await().atMost(Duration.ofSeconds(10)).until(() -> bulkJobsRunning.in(market.currency()));

                List<Api.Response> answers;
                try (HeldPayments held = holdPayments(market.currency(), market.counter(), aloneUpTo + 1)) {
                    // as many in flight as make the committer take the last one when no job runs
                    // (holdCommitter): each waits in its own request instead
                    assertThat(groupCommit.committing()).isZero();
                    List<Future<Api.Response>> sent = new ArrayList<>();
                    for (Party member : market.members()) {
                        sent.add(held.requests.submit(() -> ledger.pay(member, market.shop(), "1.00")));
                    }
                    answers = new ArrayList<>();
                    for (Future<Api.Response> future : sent) {
                        answers.add(future.get(60, TimeUnit.SECONDS));
                    }
                    // all answered while the held ones still wait: none waited for a committer
                    assertThat(groupCommit.queued()).isZero();
                    assertThat(groupCommit.committing()).isZero();
                    held.release();
                    held.answers(List.of());
                }
                for (Api.Response answer : answers) {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                }
                // one transaction each, as without group commit
                assertThat(transactionsOfDebits(market.members())).isEqualTo(PAYMENTS);
                assertThat(ledger.balance(market.shop())).isEqualTo("20.00");
            } finally {
                jdbc.update("DELETE FROM bulk_job WHERE job_id = ?", jobId);
                try (var unlock = jobsLock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, ClusterJobLock.key(BulkJobs.LOCK));
                    unlock.executeQuery().close();
                }
            }
        }
    }

    /** A new currency with its counter, one merchant and {@code count} members holding 50.00 each. */
    private record Market(String currency, String counter, Party shop, List<Party> members) {
    }

    private Market market(String shopName, int count) {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party shop = ledger.merchant(shopName, currency);
        return new Market(currency, counter, shop, fundedMembers(currency, counter, count));
    }

    /** {@code count} members of the currency holding 50.00 each. */
    private List<Party> fundedMembers(String currency, String counter, int count) {
        List<Party> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(ledger.fundedMember(currency, counter, "50.00"));
        }
        return members;
    }

    /** The number of transactions that wrote these accounts' payment debits. */
    private long transactionsOfDebits(List<Party> payers) {
        return jdbc.queryForObject("SELECT count(DISTINCT xmin::text) FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ANY (?) AND payload_type LIKE '%TransferDebited'",
                Long.class, (Object) payers.stream().map(Party::accountId).toArray(String[]::new));
    }

    private int debits(Party payer) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%TransferDebited'", Integer.class, payer.accountId());
    }

    /**
     * The committer of the currency busy with a payment that waits for PostgreSQL: the row of its
     * key is held by an uncommitted insert of the test. While few payments of a currency are in
     * flight each runs alone in its own request, so the first ones held are those; the next, sent
     * while they are in flight, goes to the committer and holds it.
     */
    private HeldPayments holdCommitter(String currency, String counter) throws Exception {
        HeldPayments held = new HeldPayments();
        for (int i = 1; groupCommit.committing() == 0; i++) {
            assertThat(i).as("payments held before the committer was").isLessThanOrEqualTo(aloneUpTo + 1);
            holdOnePayment(held, currency, counter, i);
        }
        return held;
    }

    /** {@code count} payments of the currency, each waiting for PostgreSQL on its key's row. */
    private HeldPayments holdPayments(String currency, String counter, int count) throws Exception {
        HeldPayments held = new HeldPayments();
        for (int i = 1; i <= count; i++) {
            holdOnePayment(held, currency, counter, i);
        }
        return held;
    }

    /** One more payment of the currency held on the row of its key, which the test inserts uncommitted. */
    private void holdOnePayment(HeldPayments held, String currency, String counter, int waiting) throws Exception {
        Party payer = ledger.fundedMember(currency, counter, "10.00");
        Party payee = ledger.merchant("Marché " + waiting, currency);
        String key = UUID.randomUUID().toString();
        Connection row = dataSource.getConnection();
        row.setAutoCommit(false);
        held.rows.add(row);
        try (var insert = row.prepareStatement("INSERT INTO idempotency_key (username, scope, idem_key, "
                + "request_hash, result_type, result_json) VALUES ('admin', 'payment', ?, 'held', 'x', 'null')")) {
            insert.setString(1, key);
            insert.executeUpdate();
        }
        String body = """
                {"from":"%s","to":"%s","amount":"1.00"}""".formatted(payer.accountId(), payee.accountId());
        held.blocked.add(held.requests.submit(() -> api.post("/api/v1/payments", body, key)));
        await().atMost(Duration.ofSeconds(30)).until(() -> insertsWaitingForALock() == waiting);
    }

    private int insertsWaitingForALock() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query LIKE 'INSERT INTO idempotency_key%'", Integer.class);
    }

    /** The held payments (the committer's among them), and the threads that send the test's requests. */
    private static final class HeldPayments implements AutoCloseable {

        final ExecutorService requests = Executors.newFixedThreadPool(PAYMENTS + 8);
        final List<Connection> rows = new ArrayList<>();
        final List<Future<Api.Response>> blocked = new ArrayList<>();

        /** Lets the payments go: the held rows are rolled back, so each payment stores its own. */
        void release() throws SQLException {
            for (Connection row : rows) {
                row.rollback();
                row.close();
            }
            rows.clear();
        }

        List<Api.Response> answers(List<Future<Api.Response>> sent) throws Exception {
            for (Future<Api.Response> first : blocked) {
                Api.Response answer = first.get(60, TimeUnit.SECONDS);
                assertThat(answer.status()).as("a held payment, once let go: " + answer).isEqualTo(201);
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : sent) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }

        @Override
        public void close() throws SQLException {
            release();
            requests.shutdownNow();
        }
    }
}
