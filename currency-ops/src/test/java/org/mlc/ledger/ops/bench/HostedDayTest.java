package org.mlc.ledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlc.ledger.ops.support.TestLedger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hosted-scale day's sequence of requests, against a stand-in for the API that answers as the
 * real one does (the whole scenario starts currency-api and takes minutes; docs/performance.md runs
 * it): who sends what, with which body and user, and what the report makes of the answers. The FEC
 * export runs for real on currency-api's schema (empty journal).
 */
class HostedDayTest {

    @TempDir
    static java.nio.file.Path dir;
    private static EmbeddedPostgres postgres;
    private static HttpServer server;
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    private static final Map<String, String> bodies = new ConcurrentHashMap<>();
    private static final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start();
        new TestLedger(postgres.getPostgresDatabase()).createTables();
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", HostedDayTest::answer);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop(0);
        postgres.close();
    }

    /** The API as the day uses it: each answer with the fields the day reads. */
    private static void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String user = new String(Base64.getDecoder().decode(exchange.getRequestHeaders().getFirst("Authorization")
                .substring("Basic ".length())), StandardCharsets.UTF_8).split(":")[0];
        String id = "id-" + ids.incrementAndGet();
        String kind = path.replaceAll("/[^/]*-\\d+|/H[0-9A-F]{11}", "/{}");
        requests.add(method + " " + kind + " " + user
                + (exchange.getRequestHeaders().containsKey("Idempotency-Key") ? " keyed" : "")
                + ("text/csv".equals(exchange.getRequestHeaders().getFirst("Content-Type")) ? " csv" : ""));
        bodies.putIfAbsent(method + " " + kind, body);
        int status;
        String json;
        if (method.equals("GET") && path.equals("/api/v1/status")) {
            status = 200;
            json = "{\"head\":1,\"processors\":[{\"name\":\"ledger\",\"position\":9223372036854775807,\"lag\":3}]}";
        } else if (method.equals("GET") && path.contains("/grant-batches/")) {
            status = 200;
            json = "{\"id\":\"b\",\"status\":\"FINISHED\",\"caughtUp\":true,\"succeeded\":5,\"refused\":0}";
        } else if (method.equals("GET") && path.startsWith("/api/v1/issuances/")) {
            status = 200;
            json = "{\"id\":\"i\",\"status\":\"ISSUED\",\"issuedUnits\":\"30.00\"}";
        } else if (path.endsWith("/grant-batches") || path.endsWith("/issuances")
                || path.matches(".*/issuances/[^/]+/confirmation")) {
            status = 202;
            json = "{\"id\":\"" + id + "\",\"status\":\"RUNNING\"}";
        } else if (path.matches(".*/fundings/[^/]+/confirmation")) {
            status = 200;
            json = "{\"id\":\"" + id + "\"}";
        } else if (method.equals("POST")) {
            status = 201;
            json = "{\"id\":\"" + id + "\",\"accountId\":\"acc-" + id + "\"}";
        } else {
            status = 404;
            json = "{\"type\":\"https://mlc/problems/not-found\"}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void setsUpTheCurrenciesRunsTheDayAndItsBackgroundJobsAndReportsThem() throws Exception {
        URI base = URI.create("http://localhost:" + server.getAddress().getPort());
        StringWriter printed = new StringWriter();
        HostedDay.Parameters parameters = new HostedDay.Parameters(2, 3, 2, 1.0, 40, 25, 5, 3, 0.1, 8, 7);
        HostedDay.Outcome day = new HostedDay(new LedgerClient(base, "admin", "secret"),
                new JdbcTemplate(postgres.getPostgresDatabase()), dir, "20261204052300abcd", new PrintWriter(printed),
                parameters).run();

        // set-up: 2 currencies and counters, 2 × (3 members + 2 merchants), a conversion per member,
        // then the CCAS and the collectivité, their users, the programme, its funding and confirmation
        assertThat(count("POST /api/v1/currencies admin keyed")).isEqualTo(2);
        assertThat(count("POST /api/v1/counters admin keyed")).isEqualTo(2);
        assertThat(count("POST /api/v1/participants admin keyed")).isEqualTo(2 * 5 + 2);
        assertThat(count("POST /api/v1/users admin keyed")).isEqualTo(2);
        assertThat(bodies.get("POST /api/v1/currencies")).contains("\"code\":\"H2300ABCD00");
        assertThat(bodies.get("POST /api/v1/aid-programs")).contains("\"filieres\":[\"ALIMENTATION\"]");
        assertThat(bodies.get("POST /api/v1/aid-programs/{}/fundings")).contains("\"euros\":\"5.00\"");
        // the day: 40 operations, a quarter of them conversions (by the seeded draw), each keyed
        long conversions = count("POST /api/v1/counters/{}/conversions admin keyed") - 2 * 3;
        long payments = count("POST /api/v1/payments admin keyed");
        assertThat(conversions + payments).isEqualTo(40);
        assertThat(conversions).isBetween(3L, 20L);
        assertThat(bodies.get("POST /api/v1/payments"))
                .matches("\\{\"from\":\"acc-id-\\d+\",\"to\":\"acc-id-\\d+\",\"amount\":\"[01]\\.\\d\\d\"}");
        // the background: the CCAS uploads its CSV, the collectivité files, the admin confirms
        assertThat(count("POST /api/v1/aid-programs/{}/grant-batches bench-ccas-20261204052300abcd keyed csv"))
                .isEqualTo(1);
        assertThat(bodies.get("POST /api/v1/aid-programs/{}/grant-batches"))
                .startsWith("key,beneficiary,units\r\ngrant-20261204052300abcd-0,id-").contains(",1.00\r\n")
                .hasLineCount(6);
        assertThat(count("POST /api/v1/currencies/{}/issuances bench-city-20261204052300abcd keyed")).isEqualTo(1);
        assertThat(bodies.get("POST /api/v1/currencies/{}/issuances")).contains("\"units\":\"10.00\"",
                "\"key\":\"indemnite-2\"").doesNotContain("indemnite-3");
        assertThat(count("POST /api/v1/currencies/{}/issuances/{}/confirmation admin keyed")).isEqualTo(1);
        assertThat(requests).anyMatch(r -> r.startsWith("GET /api/v1/aid-programs/{}/grant-batches/{} bench-ccas"));

        Map<String, Object> report = day.report();
        assertThat(report).containsKeys("setupSeconds", "conversions", "payments", "viewsCaughtUpSecondsAfterDay",
                "background");
        assertThat(((Latencies.Summary) report.get("conversions")).done()).isEqualTo(conversions);
        assertThat(((Latencies.Summary) report.get("payments")).done()).isEqualTo(payments);
        assertThat(day.paymentsAnswered201()).isEqualTo(payments);
        assertThat(day.uncertainPayments()).isZero();
        assertThat(report.get("maxViewsLagEventsDuringDay")).isEqualTo(3L);
        assertThat(day.backgroundDone()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> background = (Map<String, Map<String, Object>>) report.get("background");
        assertThat(background.get("grantBatch")).containsEntry("succeeded", 5L).containsKey("finishedSeconds");
        assertThat(background.get("issuance")).containsEntry("issuedUnits", "30.00");
        assertThat(background.get("fecExport")).containsEntry("entries", 0L).containsKey("seconds");
        assertThat(printed.toString()).contains("conversion", "payment", "grantBatch", "views:",
                "conversion, while the jobs ran");
        // the day split at the background jobs (started 0.1 s in, ended after the day's 1 s): every
        // operation is on one side, the ones due first on the side without them
        @SuppressWarnings("unchecked")
        Map<String, Latencies.Summary> phases = (Map<String, Latencies.Summary>) report.get("byPhase");
        assertThat(phases.get("conversion, while the jobs ran").done()
                + phases.get("conversion, without them").done()).isEqualTo(conversions);
        assertThat(phases.get("payment, while the jobs ran").done()
                + phases.get("payment, without them").done()).isEqualTo(payments);
        assertThat(phases.get("conversion, without them").done() + phases.get("payment, without them").done())
                .isBetween(1L, 39L);
        List<String> timeline = Files.readAllLines(dir.resolve(HostedDay.TIMELINE_FILE));
        assertThat(timeline).hasSize(1 + 40).first().isEqualTo("due_seconds,operation,latency_ms");
        assertThat(timeline.subList(1, 41))
                .allMatch(line -> line.matches("\\d+\\.\\d{3},(conversion|payment),\\d+\\.\\d"));
    }

    private static long count(String request) {
        return requests.stream().filter(request::equals).count();
    }
}
