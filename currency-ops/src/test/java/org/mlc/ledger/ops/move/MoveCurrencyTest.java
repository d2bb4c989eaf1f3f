package org.mlc.ledger.ops.move;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlc.ledger.api.report.Indicators;
import org.mlc.ledger.ops.OpsApplication;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A currency moves (issue #23): a small seeded and sealed demo ledger exports a currency, another
 * ledger imports it, and the supply, balances, statements, reports and seals there are the
 * source's; reconcile and verify pass. Into an empty ledger, and into one already hosting the
 * other currency (whose processors and transfer saga have run).
 */
@ExtendWith(OutputCaptureExtension.class)
class MoveCurrencyTest {

    @TempDir
    static Path source;

    @TempDir
    static Path work;

    static final String[] SMALL_DEMO = {"seed", "demo", "--members", "24", "--merchants", "6", "--counters", "3",
            "--months", "3", "--payments-per-member", "2", "--first-month", "2026-01"};
    static final YearMonth FIRST = YearMonth.of(2026, 1);
    static final YearMonth LAST = YearMonth.of(2026, 3);
    static Path UNSEALED_ROUE;

    @BeforeAll
    static void seedAndSealASmallDemoWithUsers() throws IOException {
        UNSEALED_ROUE = work.resolve("roue-unsealed.ndjson.gz");
        assertThat(run(source, SMALL_DEMO)).isZero();
        withDatabase(source, jdbc -> {
            String member = jdbc.queryForObject("SELECT participant_id FROM participant_view WHERE currency = 'BOUSOL' "
                    + "AND kind = 'MEMBER' ORDER BY participant_id LIMIT 1", String.class);
            jdbc.update("INSERT INTO app_user (username, password_hash, role, currency, email) VALUES "
                    + "('bousol-admin', '{bcrypt}$2a$10$bousol', 'CURRENCY_ADMIN', 'BOUSOL', 'admin@bousol.example')");
            jdbc.update("INSERT INTO app_user (username, password_hash, role, participant_id) VALUES "
                    + "('bousol-member', '{bcrypt}$2a$10$member', 'MEMBER', ?)", member);
            jdbc.update("INSERT INTO app_user (username, password_hash, role, currency) VALUES "
                    + "('roue-admin', '{bcrypt}$2a$10$roue', 'CURRENCY_ADMIN', 'ROUE')");
            jdbc.update("INSERT INTO idempotency_key (username, scope, idem_key, request_hash, result_type, result_json) "
                    + "VALUES ('bousol-member', 'payment', 'pay-1', 'h1', 'java.lang.String', '\"t-1\"')");
            return null;
        });
        // ROUE leaves before the first seal: it arrives with no seal, and its new host seals it
        assertThat(run(source, "export", "currency", "ROUE", "--out", UNSEALED_ROUE.toString())).isZero();
        assertThat(run(source, "seal")).isZero();
    }

    @Test
    void aCurrencyExportedAndImportedIntoAnEmptyLedgerHasTheSameFiguresAndSeals(CapturedOutput output)
            throws IOException {
        Path file = work.resolve("bousol.ndjson.gz");
        assertThat(run(source, "export", "currency", "BOUSOL", "--out", file.toString())).as(output.getAll()).isZero();
        assertThat(output.getOut()).containsPattern("currency BOUSOL: [\\d,]+ events, 1 seals, 2 users, 1 idempotency "
                + "keys, 0 transfers in transit written to");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).startsWith("{\"type\":\"header\",\"format\":\"mlc-currency\",\"version\":1,"
                    + "\"currency\":\"BOUSOL\",\"exportedAt\":");
        }

        Path target = work.resolve("empty-target");
        assertThat(run(target, "import", file.toString())).as(output.getAll()).isZero();
        assertThat(output.getOut()).containsPattern("imported BOUSOL: [\\d,]+ events \\(global indexes #1 to #");

        catchUpAndCheck(target, output);
        assertSameCurrency("BOUSOL", target);
        withDatabase(target, jdbc -> {
            assertThat(jdbc.queryForList("SELECT username FROM app_user ORDER BY username", String.class))
                    .containsExactly("bousol-admin", "bousol-member");
            assertThat(jdbc.queryForObject("SELECT result_json FROM idempotency_key WHERE username = 'bousol-member' "
                    + "AND idem_key = 'pay-1'", String.class)).isEqualTo("\"t-1\"");
            assertThat(jdbc.queryForList("SELECT DISTINCT currency FROM account_view", String.class))
                    .containsExactly("BOUSOL");
            return null;
        });
        assertThat(latestRoot(target, "BOUSOL", output)).isEqualTo(latestRoot(source, "BOUSOL", output));
        String seals = "SELECT sequence, sealed_at, signature, event_count FROM seal WHERE currency = 'BOUSOL' "
                + "ORDER BY sequence";
        assertThat(withDatabase(target, jdbc -> jdbc.queryForList(seals)).toString())
                .isEqualTo(withDatabase(source, jdbc -> jdbc.queryForList(seals)).toString());
    }

    @Test
    void aCurrencyImportedIntoALedgerHostingAnotherOneJoinsItWithTheSameFigures(CapturedOutput output)
            throws IOException {
        Path bousol = work.resolve("bousol-2.ndjson.gz");
        assertThat(run(source, "export", "currency", "BOUSOL", "--out", bousol.toString())).as(output.getAll())
                .isZero();

        Path host = work.resolve("host");
        assertThat(run(host, "import", UNSEALED_ROUE.toString())).as(output.getAll()).isZero();
        long roueEvents = withDatabase(host, jdbc -> jdbc.queryForObject("SELECT count(*) FROM domain_event_entry",
                Long.class));
        // the host runs: its processors and transfer saga take their positions, then it stops
        catchUpAndCheck(host, output);

        int before = output.getOut().length();
        assertThat(run(host, "import", bousol.toString())).as(output.getAll()).isZero();
        assertThat(output.getOut().substring(before))
                .containsPattern("imported BOUSOL: [\\d,]+ events \\(global indexes #" + (roueEvents + 1) + " to #")
                // the rule of docs/hosting.md: the host's own events are sealed before the imported ones
                .contains("this ledger's own events sealed first: " + roueEvents);

        long events = withDatabase(host, jdbc -> jdbc.queryForObject("SELECT count(*) FROM domain_event_entry",
                Long.class));
        // the transfer saga starts after the imported events: their transfers were carried out at the source
        assertThat(sagaPosition(host)).isEqualTo(events);

        catchUpAndCheck(host, output);
        long eventsAfter = withDatabase(host, jdbc -> jdbc.queryForObject("SELECT count(*) FROM domain_event_entry",
                Long.class));
        assertThat(eventsAfter).as("no saga acted again on an imported transfer").isEqualTo(events);
        assertThat(sagaPosition(host)).isEqualTo(events);
        assertSameCurrency("BOUSOL", host);
        assertSameCurrency("ROUE", host);
        assertThat(latestRoot(host, "BOUSOL", output)).isEqualTo(latestRoot(source, "BOUSOL", output));
        assertThat(latestRoot(host, "ROUE", output)).isEqualTo(latestRoot(source, "ROUE", output));
    }

    @Test
    void aCurrencyAlreadyHereIsRefusedAndNothingIsWritten(CapturedOutput output) throws IOException {
        Path file = work.resolve("bousol-again.ndjson.gz");
        assertThat(run(source, "export", "currency", "BOUSOL", "--out", file.toString())).as(output.getAll()).isZero();
        Map<String, Object> before = counts(source);

        assertThat(run(source, "import", file.toString())).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);

        assertThat(output.getErr()).contains("import: refused, the currency BOUSOL is already in this ledger")
                .doesNotContain("Exception");
        assertThat(counts(source)).isEqualTo(before);
    }

    @Test
    void aFileCutShortIsRefusedAndNothingIsWritten(CapturedOutput output) throws IOException {
        Path file = work.resolve("bousol-whole.ndjson.gz");
        assertThat(run(source, "export", "currency", "BOUSOL", "--out", file.toString())).as(output.getAll()).isZero();
        Path cut = work.resolve("bousol-cut.ndjson.gz");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(file)), StandardCharsets.UTF_8));
             var writer = new java.io.PrintWriter(new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                     Files.newOutputStream(cut)), StandardCharsets.UTF_8))) {
            lines.lines().limit(100).forEach(writer::println);
        }
        Path target = work.resolve("cut-target");

        assertThat(run(target, "import", cut.toString())).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);

        assertThat(output.getErr()).containsPattern("import: .*bousol-cut.ndjson.gz is incomplete: its header "
                + "announces \\d+ events, it has 99; nothing was written");
        assertThat(counts(target)).containsEntry("events", 0L).containsEntry("seals", 0L).containsEntry("users", 0L)
                .containsEntry("tokens", 0L);
    }

    @Test
    void eventsAlreadyHereUnderAnotherCurrencyCodeAreRefusedAndNothingIsWritten(CapturedOutput output)
            throws IOException {
        Path file = work.resolve("bousol-copy.ndjson.gz");
        assertThat(run(source, "export", "currency", "BOUSOL", "--out", file.toString())).as(output.getAll()).isZero();
        Path renamed = work.resolve("copie.ndjson.gz");
        copyUnderAnotherCode(file, renamed);
        Map<String, Object> before = counts(source);

        assertThat(run(source, "import", renamed.toString())).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);

        assertThat(output.getErr()).contains("import: an event of the file is already in this ledger (aggregate ");
        // refused before a global index is drawn: not even a gap
        assertThat(counts(source)).isEqualTo(before);
    }

    @Test
    void aLedgerWhoseTransferSagaIsBehindIsRefusedAndNothingIsWritten(CapturedOutput output) throws IOException {
        Path file = work.resolve("bousol-saga.ndjson.gz");
        assertThat(run(source, "export", "currency", "BOUSOL", "--out", file.toString())).as(output.getAll()).isZero();
        Path renamed = work.resolve("copie-saga.ndjson.gz");
        copyUnderAnotherCode(file, renamed);
        String saga = "SELECT token FROM token_entry WHERE processor_name = 'TransferSagaProcessor'";
        byte[] position = withDatabase(source, jdbc -> jdbc.queryForObject(saga, byte[].class));
        try {
            // as if the application had stopped before its saga handled the payments
            withDatabase(source, jdbc -> jdbc.update("UPDATE token_entry SET token = ? WHERE processor_name = "
                    + "'TransferSagaProcessor'", "{\"index\":0,\"gaps\":[]}".getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> before = counts(source);

            assertThat(run(source, "import", renamed.toString())).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);

            assertThat(output.getErr()).containsPattern("import: the transfer saga has not handled every event of "
                    + "this ledger yet \\(\\d+ after its position #0\\)");
            assertThat(counts(source)).isEqualTo(before);
        } finally {
            withDatabase(source, jdbc -> jdbc.update("UPDATE token_entry SET token = ? WHERE processor_name = "
                    + "'TransferSagaProcessor'", position));
        }
    }

    @Test
    void anUnknownCurrencyIsNotExported(CapturedOutput output) {
        Path file = work.resolve("foo.ndjson.gz");
        assertThat(run(source, "export", "currency", "FOO", "--out", file.toString()))
                .isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);
        assertThat(output.getErr()).contains("export: unknown currency FOO; known: BOUSOL, ROUE");
    }

    /** As after the application's next start: every processor catches up; then reconcile and verify. */
    private static void catchUpAndCheck(Path dataDir, CapturedOutput output) {
        int before = output.getOut().length();
        // replay first lets every processor catch up from its token, then rebuilds from the start:
        // equal checksums say the appended events were picked up as a rebuild reads them
        assertThat(run(dataDir, "replay", "--all")).as(output.getAll()).isZero();
        assertThat(output.getOut().substring(before)).doesNotContain("DIFFERENT")
                .contains("RESULT: replayed; every table is identical");
        assertThat(run(dataDir, "reconcile")).as(output.getAll()).isZero();
        assertThat(run(dataDir, "verify")).as(output.getAll()).isZero();
        assertThat(output.getOut().substring(before)).contains("RESULT: OK, every seal matches its events");
    }

    /** Supply (the indicators' own query), balances, statement lines, journal and seals of {@code currency}. */
    private static void assertSameCurrency(String currency, Path target) throws IOException {
        assertThat(figures(target, currency)).isEqualTo(figures(source, currency));
    }

    private static Map<String, Object> figures(Path dataDir, String currency) throws IOException {
        return withDatabase(dataDir, jdbc -> Map.of(
                "supply", new Indicators(jdbc).months(currency, FIRST, LAST).stream()
                        .map(Indicators.Month::csvValues).toList(),
                "balances", jdbc.queryForList("SELECT ledger_account, balance_minor, entry_count FROM ledger_balance "
                        + "WHERE currency = ? ORDER BY ledger_account", currency),
                "accounts", jdbc.queryForList("SELECT account_id, participant_id, status, balance_minor, entry_count, "
                        + "opened_at FROM account_view WHERE currency = ? ORDER BY account_id", currency),
                "statements", jdbc.queryForList("SELECT e.account_id, e.line, e.booked_at, e.kind, e.operation_id, "
                        + "e.counterparty, e.reference, e.amount_minor, e.balance_after_minor FROM account_entry e "
                        + "JOIN account_view a ON a.account_id = e.account_id WHERE a.currency = ? "
                        + "ORDER BY e.account_id, e.line", currency),
                "journal", jdbc.queryForList("SELECT line, booked_at, event_type, operation_id, ledger_account, "
                        + "amount_minor FROM journal_entry WHERE currency = ? ORDER BY booked_at, operation_id, "
                        + "ledger_account, line, amount_minor", currency),
                // sealed_at is the host's for a currency that arrived unsealed; the root is the same
                "seals", jdbc.queryForList("SELECT sequence, event_count, root, previous_root "
                        + "FROM seal WHERE currency = ? ORDER BY sequence", currency).stream()
                        .map(row -> row.entrySet().stream().map(e -> e.getValue() instanceof byte[] bytes
                                ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(e.getValue())).toList())
                        .toList()));
    }

    private static String latestRoot(Path dataDir, String currency, CapturedOutput output) {
        int before = output.getOut().length();
        assertThat(run(dataDir, "verify", "--currency", currency)).as(output.getAll()).isZero();
        Matcher root = Pattern.compile("latest root +" + currency + " +(#\\d+ [0-9a-f]{64})")
                .matcher(output.getOut().substring(before));
        assertThat(root.find()).as(output.getOut().substring(before)).isTrue();
        return root.group(1);
    }

    private static Map<String, Object> counts(Path dataDir) throws IOException {
        return withDatabase(dataDir, jdbc -> jdbc.queryForMap("SELECT "
                + "(SELECT count(*) FROM domain_event_entry) AS events, (SELECT count(*) FROM seal) AS seals, "
                + "(SELECT count(*) FROM seal_event) AS sealed, (SELECT count(*) FROM app_user) AS users, "
                + "(SELECT count(*) FROM idempotency_key) AS keys, (SELECT count(*) FROM token_entry) AS tokens, "
                + "(SELECT last_value FROM domain_event_entry_global_index_seq) AS sequence"));
    }

    /**
     * The same events (and seals, keys) under a code this ledger does not know, without the users
     * (whose names it has): what passes the first checks and meets the events already here.
     */
    private static void copyUnderAnotherCode(Path file, Path copy) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(file)), StandardCharsets.UTF_8));
             var writer = new java.io.PrintWriter(new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                     Files.newOutputStream(copy)), StandardCharsets.UTF_8))) {
            writer.println(lines.readLine().replace("\"currency\":\"BOUSOL\"", "\"currency\":\"COPIE\"")
                    .replace("\"users\":2", "\"users\":0"));
            lines.lines().filter(line -> !line.startsWith("{\"type\":\"user\"")).forEach(writer::println);
        }
    }

    /** Where the transfer saga's token stands (its global index). */
    private static long sagaPosition(Path dataDir) throws IOException {
        byte[] token = withDatabase(dataDir, jdbc -> jdbc.queryForObject("SELECT token FROM token_entry "
                + "WHERE processor_name = 'TransferSagaProcessor'", byte[].class));
        return MoveFile.JSON.readTree(token).get("index").asLong();
    }

    private static int run(Path dataDir, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "mlc.data-dir", dataDir.toString(), "mlc.embedded.synchronous-commit", "off")));
        return SpringApplication.exit(new SpringApplicationBuilder(OpsApplication.class)
                .environment(environment)
                .run(args));
    }

    private static <T> T withDatabase(Path dataDir, Function<JdbcTemplate, T> work) throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            return work.apply(new JdbcTemplate(postgres.getPostgresDatabase()));
        }
    }
}
