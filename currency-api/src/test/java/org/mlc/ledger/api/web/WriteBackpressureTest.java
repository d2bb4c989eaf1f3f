package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.infrastructure.ViewLag;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Writes wait for the views when these fall behind, then are refused 503 with Retry-After and
 * nothing stored; bulk jobs wait between chunks. The views are held back for real: a transaction
 * of the test locks the payee's row of {@code account_view}, so the {@code ledger} projection,
 * running and healthy, stops at the first event that books into it until the lock is let go.
 */
class WriteBackpressureTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lines of the bulk job: ten chunks of the collectivité's payments. */
    private static final int LINES = 1_000;

    @Autowired
    private WriteBackpressure backpressure;
    @Autowired
    private ViewLag viewLag;
    @Autowired
    private DataSource dataSource;

    /** Holds the row of this account in {@code account_view} until closed. */
    private Connection lockRowOf(Party party) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM account_view WHERE account_id = ? FOR UPDATE")) {
            statement.setString(1, party.accountId());
            statement.executeQuery().close();
        }
        return connection;
    }

    private static void release(Connection lock) throws SQLException {
        lock.rollback();
        lock.close();
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void aWriteWaitsForLaggingViewsThenIsRefused503WithRetryAfterAndNothingStored() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party alice = ledger.fundedMember(currency, counter, "50.00");
        Party shop = ledger.merchant("Épicerie", currency);
        assertThat(ledger.balance(shop)).isEqualTo("0.00");
        String payment = """
                {"from":"%s","to":"%s","amount":"2.00"}""".formatted(alice.accountId(), shop.accountId());
        String key = UUID.randomUUID().toString();

        Connection lock = lockRowOf(shop);
        try (AutoCloseable limits = backpressure.limitTo(new WriteBackpressure.Limits(200, 300))) {
            // answered from its command: the views are current, so it does not wait
            assertThat(ledger.pay(alice, shop, "1.00").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> viewLag.behindMillis() > 400);
            // what writes are held back on is in the status, for the operator (and the bench)
            Api.Response status = api.get("/api/v1/status");
            assertThat(status.json().path("viewsBehindMillis").asLong()).as(status.toString()).isGreaterThan(400);

            long eventsBefore = events();
            long startedNanos = System.nanoTime();
            HttpResponse<String> refused = post("/api/v1/payments", payment, key);
            long waitedMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("code").asText()).isEqualTo("views-behind");
            assertThat(problem.path("detail").asText()).startsWith("Le registre est très sollicité");
            assertThat(waitedMillis).as("it waited for the views first").isGreaterThanOrEqualTo(300);
            assertThat(events()).as("nothing stored").isEqualTo(eventsBefore);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", Long.class,
                    key)).isZero();
        } finally {
            release(lock);
        }

        // the views catch up once the row is free; the same request with the same key then pays once
        Api.Response paid = api.post("/api/v1/payments", payment, key);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/payments", payment, key).get("id")).isEqualTo(paid.get("id"));
        assertThat(ledger.balance(shop)).isEqualTo("3.00");
        assertThat(ledger.balance(alice)).isEqualTo("47.00");
    }

    @Test
    void aWriteWaitsWhileTheViewsCatchUpWithinTheBoundAndGoesThrough() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party alice = ledger.fundedMember(currency, counter, "50.00");
        Party shop = ledger.merchant("Boulangerie", currency);

        Connection lock = lockRowOf(shop);
        try (AutoCloseable limits = backpressure.limitTo(new WriteBackpressure.Limits(200, 10_000))) {
            assertThat(ledger.pay(alice, shop, "1.00").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> viewLag.behindMillis() > 400);
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    release(lock);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            releaser.start();
            long startedNanos = System.nanoTime();
            Api.Response paid = ledger.pay(alice, shop, "2.00");
            long waitedMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
            releaser.join();

            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            assertThat(waitedMillis).as("it waited for the views").isGreaterThanOrEqualTo(400);
        } finally {
            if (!lock.isClosed()) {
                release(lock);
            }
        }
        assertThat(ledger.balance(shop)).isEqualTo("3.00");
    }

    @Test
    void aBulkJobWaitsForTheViewsBetweenItsChunks() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party town = ledger.participant("COLLECTIVITE", "Ville", currency);
        assertThat(ledger.convert(counter, town, "100.00").status()).isEqualTo(201);
        Api townUser = ledger.user("COLLECTIVITE", town.id(), null).api();
        Party club = ledger.participant("ASSOCIATION", "Club", currency);
        StringBuilder body = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < LINES; i++) {
            body.append(i == 0 ? "" : ",").append("{\"key\":\"").append(UUID.randomUUID()).append("\",\"to\":\"")
                    .append(club.accountId()).append("\",\"amount\":\"0.01\"}");
        }

        Connection lock = lockRowOf(club);
        String job;
        try {
            Api.Response sent = townUser.post("/api/v1/accounts/" + town.accountId() + "/payment-batches",
                    body.append("]}").toString());
            assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
            job = sent.get("id");
            // the first chunks (100 lines each) go; their payments cannot be booked, and once the views are
            // more than 250 ms behind no further chunk runs
            await().atMost(Duration.ofSeconds(30)).until(() -> doneLines(job) >= 100 && viewLag.behindMillis() > 1_000);
            int doneWhileBehind = doneLines(job);
            Thread.sleep(2_000);
            assertThat(doneLines(job)).as("no chunk while the views are behind").isEqualTo(doneWhileBehind)
                    .isLessThan(LINES);
        } finally {
            release(lock);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> doneLines(job) == LINES);
        assertThat(jdbc.queryForObject("SELECT status FROM bulk_job WHERE job_id = ?", String.class, job))
                .isEqualTo("FINISHED");
        assertThat(ledger.balance(club)).isEqualTo("10.00");
    }

    private int doneLines(String job) {
        return jdbc.queryForObject("SELECT done_lines FROM bulk_job WHERE job_id = ?", Integer.class, job);
    }

    /** A POST as admin, asking for French, whose headers the test reads. */
    private HttpResponse<String> post(String path, String json, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "fr")
                .header("Idempotency-Key", key)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
