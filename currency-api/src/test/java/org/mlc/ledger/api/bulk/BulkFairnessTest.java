package org.mlc.ledger.api.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bulk jobs between currencies: one association's long batch does not hold another's small one
 * back for its whole length (a fair queue), and one currency has at most
 * {@code mlc.bulk.max-running-jobs-per-currency} (2) jobs in progress at once.
 *
 * <p>The order in which the lines were done is read from the event store (the global index of
 * each payment's debit), not from polling the jobs while they run: on a quiet machine a 150-line
 * job is done in a fraction of a second, between two polls. The jobs are uploaded while the test
 * holds the jobs' lock, so that none starts before all are stored.
 */
class BulkFairnessTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    BulkJobs bulkJobs;

    /** A collectivité of a fresh currency, funded, its user, and one payee per job. */
    private record Town(User user, Party town, List<Party> payees) {

        String batches() {
            return "/api/v1/accounts/" + town.accountId() + "/payment-batches";
        }
    }

    private Town town(int payees) {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party town = ledger.participant("COLLECTIVITE", "Ville", currency);
        assertThat(ledger.convert(counter, town, "100.00").status()).isEqualTo(201);
        List<Party> clubs = new ArrayList<>();
        for (int i = 0; i < payees; i++) {
            clubs.add(ledger.participant("ASSOCIATION", "Club " + i, currency));
        }
        return new Town(ledger.user("COLLECTIVITE", town.id(), null), town, clubs);
    }

    /** A job of {@code lines} payments of 0.01 from the town to its payee {@code payee}. */
    private static String upload(Town town, int payee, int lines) {
        StringBuilder body = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < lines; i++) {
            body.append(i == 0 ? "" : ",").append("{\"key\":\"").append(UUID.randomUUID()).append("\",\"to\":\"")
                    .append(town.payees().get(payee).accountId()).append("\",\"amount\":\"0.01\"}");
        }
        Api.Response sent = town.user().api().post(town.batches(), body.append("]}").toString());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        return town.batches() + "/" + sent.get("id");
    }

    private static JsonNode job(Town town, String path) {
        // no lines in the answer: the progress is enough
        Api.Response job = town.user().api().get(path + "?fromLine=100000");
        assertThat(job.status()).as(job.toString()).isEqualTo(200);
        return job.json();
    }

    /**
     * Stores jobs while no node may work on them (the test holds the jobs' lock on a connection of
     * its own, waiting for a chunk in progress to end), then wakes the worker.
     */
    private <T> T uploadedTogether(Supplier<T> uploads) throws SQLException {
        T uploaded;
        try (Connection connection = dataSource.getConnection()) {
            advisoryLock(connection, "SELECT pg_advisory_lock(?)");
            try {
                uploaded = uploads.get();
            } finally {
                advisoryLock(connection, "SELECT pg_advisory_unlock(?)");
            }
        }
        bulkJobs.wake();
        return uploaded;
    }

    private static void advisoryLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, ClusterJobLock.key(BulkJobs.LOCK));
            statement.executeQuery().close();
        }
    }

    /** The first and last global index of the town's debits to this payee, and how many there are. */
    private Map<String, Object> debits(Town town, int payee) {
        return jdbc.queryForMap("SELECT min(global_index) AS first, max(global_index) AS last, count(*) AS n "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%TransferDebited' "
                        + "AND convert_from(payload, 'UTF8') LIKE ?", town.town().accountId(),
                "%" + town.payees().get(payee).accountId() + "%");
    }

    private static long first(Map<String, Object> debits) {
        return ((Number) debits.get("first")).longValue();
    }

    private static long last(Map<String, Object> debits) {
        return ((Number) debits.get("last")).longValue();
    }

    private void awaitFinished(Town town, List<String> jobs) throws InterruptedException {
        for (int i = 0; i < 1_200; i++) {
            List<JsonNode> seen = jobs.stream().map(path -> job(town, path)).toList();
            // while they run, never more than two in progress (a poll may miss a moment, never invent one)
            long inProgress = seen.stream().filter(job -> "RUNNING".equals(job.get("status").asText())
                    && job.get("done").asInt() > 0).count();
            assertThat(inProgress).as("jobs of one currency in progress: " + seen).isLessThanOrEqualTo(2);
            if (seen.stream().allMatch(job -> "FINISHED".equals(job.get("status").asText()))) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(jobs.stream().map(path -> job(town, path).get("status").asText())).containsOnly("FINISHED");
    }

    @Test
    void aSmallBatchOfOneCurrencyIsServedBeforeTheLongBatchOfAnotherEnds() throws Exception {
        Town big = town(1);
        Town small = town(1);
        List<String> jobs = uploadedTogether(() -> List.of(upload(big, 0, 600), upload(small, 0, 1)));
        awaitFinished(big, List.of(jobs.get(0)));
        awaitFinished(small, List.of(jobs.get(1)));

        Map<String, Object> longJob = debits(big, 0);
        Map<String, Object> shortJob = debits(small, 0);
        assertThat(longJob.get("n")).isEqualTo(600L);
        assertThat(shortJob.get("n")).isEqualTo(1L);
        // the one-line batch was done after the long one's first chunk, long before its end
        assertThat(first(shortJob)).as("long " + longJob + ", short " + shortJob)
                .isGreaterThan(first(longJob)).isLessThan(last(longJob));
        long longDoneBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%TransferDebited' AND global_index < ?", Long.class, big.town().accountId(),
                first(shortJob));
        assertThat(longDoneBefore).as("lines of the long batch done before the short one").isLessThanOrEqualTo(100);
    }

    @Test
    void oneCurrencyHasAtMostTwoJobsInProgressAtOnce() throws Exception {
        Town town = town(3);
        List<String> jobs = uploadedTogether(() -> List.of(upload(town, 0, 150), upload(town, 1, 150),
                upload(town, 2, 150)));
        awaitFinished(town, jobs);

        List<Map<String, Object>> debits = List.of(debits(town, 0), debits(town, 1), debits(town, 2));
        for (Map<String, Object> job : debits) {
            assertThat(job.get("n")).as(debits.toString()).isEqualTo(150L);
        }
        // the first two were served in turn: each began before the other ended
        assertThat(first(debits.get(1))).as(debits.toString()).isLessThan(last(debits.get(0)));
        assertThat(first(debits.get(0))).as(debits.toString()).isLessThan(last(debits.get(1)));
        // the third began only once one of them had ended
        assertThat(first(debits.get(2))).as("the third job waits: " + debits)
                .isGreaterThan(Math.min(last(debits.get(0)), last(debits.get(1))));
    }
}
