package org.mlc.ledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlc.ledger.api.report.FecExport;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator tool on a small seeded demo ledger, as an operator runs it: seed, reconcile,
 * tamper, replay, export. One embedded PostgreSQL data directory for the class.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoLedgerTest {

    @TempDir
    static Path dataDir;

    static final String[] SMALL_DEMO = {"seed", "demo", "--members", "24", "--merchants", "6", "--counters", "3",
            "--months", "3", "--payments-per-member", "2", "--first-month", "2026-01"};

    @BeforeAll
    static void seedASmallDemo() {
        assertThat(run(SMALL_DEMO)).isZero();
    }

    private static int run(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "mlc.data-dir", dataDir.toString(), "mlc.embedded.synchronous-commit", "off")));
        return SpringApplication.exit(new SpringApplicationBuilder(OpsApplication.class)
                .environment(environment)
                .run(args));
    }

    private static <T> T withDatabase(java.util.function.Function<JdbcTemplate, T> work) throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            return work.apply(new JdbcTemplate(postgres.getPostgresDatabase()));
        }
    }

    @Test
    void seededLedgerReconcilesAndIsNotSeededTwice(CapturedOutput output) throws IOException {
        assertThat(run("reconcile")).as(output.getAll()).isZero();
        assertThat(output.getOut())
                .containsPattern("2\\. backing.* OK")
                .contains("RESULT: OK");

        long events = withDatabase(jdbc -> jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
        assertThat(run(SMALL_DEMO)).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);
        assertThat(output.getErr()).contains("seed: refused, the demo currencies BOUSOL and ROUE already exist");
        long eventsAfter = withDatabase(jdbc -> jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry",
                Long.class));
        assertThat(eventsAfter).as("a second seed adds nothing").isEqualTo(events);
        Map<String, Object> figures = withDatabase(jdbc -> jdbc.queryForMap("SELECT "
                + "(SELECT COUNT(*) FROM participant_view WHERE kind = 'MEMBER') AS members, "
                + "(SELECT COUNT(*) FROM participant_view WHERE kind = 'MERCHANT') AS merchants, "
                + "(SELECT COUNT(*) FROM counter_view) AS counters, "
                + "(SELECT COUNT(DISTINCT date_trunc('month', requested_at)) FROM transfer_view) AS months, "
                + "(SELECT COUNT(*) FROM transfer_view WHERE status <> 'COMPLETED') AS unfinished"));
        assertThat(figures).containsEntry("members", 24L).containsEntry("merchants", 6L).containsEntry("counters", 3L)
                .containsEntry("months", 3L).containsEntry("unfinished", 0L);
    }

    @Test
    void tamperedProjectionRowIsNamedAndReplayRestoresItWithEqualChecksumsAfterwards(CapturedOutput output)
            throws IOException {
        String account = withDatabase(jdbc -> {
            String id = jdbc.queryForObject("SELECT account_id FROM account_view WHERE owner_kind = 'MERCHANT' "
                    + "ORDER BY account_id LIMIT 1", String.class);
            jdbc.update("UPDATE account_view SET balance_minor = balance_minor + 100 WHERE account_id = ?", id);
            return id;
        });

        assertThat(run("reconcile")).isEqualTo(ReconcileCommand.EXIT_INVARIANT_BROKEN);
        assertThat(output.getOut()).containsPattern("PARTICIPANT:" + account + ": event store .*, account_view .* "
                + "\\(off by 1.00\\)").contains("RESULT: FAILED, invariant 5 does not hold");

        assertThat(run("replay", "--all")).as(output.getAll()).isZero();
        assertThat(output.getOut()).containsPattern("account_view .*\\R.*after .* DIFFERENT")
                .contains("RESULT: replayed; some tables differed");
        // only the tampered table: the others were rebuilt identical, global indexes and line order included
        for (String table : List.of("ledger_balance", "account_entry", "transfer_view", "journal_entry")) {
            assertThat(output.getOut()).containsPattern(table + " +before (\\w+) \\(\\d+ rows\\)\\R +after +\\1 ");
        }
        assertThat(output.getErr()).contains("replay all").contains("100%");

        assertThat(run("reconcile")).as(output.getAll()).isZero();

        int before = output.getOut().length();
        assertThat(run("replay", "--all")).isZero();
        String second = output.getOut().substring(before);
        assertThat(second).doesNotContain("DIFFERENT")
                .contains("RESULT: replayed; every table is identical to what it was (equal checksums)");
        for (String table : List.of("ledger_balance", "account_view", "account_entry", "journal_entry")) {
            assertThat(second).containsPattern(table + " +before (\\w+) \\(\\d+ rows\\)\\R +after +\\1 ");
        }
    }

    @Test
    void fecExportHasTheEighteenColumnsAndEveryEntryBalances(CapturedOutput output) throws IOException {
        Path fec = dataDir.resolve("FEC.txt");

        assertThat(run("export", "fec", "--from", "2026-01-01", "--to", "2026-03-31", "--out", fec.toString()))
                .as(output.getAll()).isZero();

        List<String[]> rows = Files.readAllLines(fec, FecExport.CHARSET).stream()
                .map(line -> line.split("\t", -1)).toList();
        assertThat(rows.get(0)).containsExactlyElementsOf(FecExport.COLUMNS);
        assertThat(rows.get(0)[0]).isEqualTo("JournalCode");
        assertThat(rows.get(0)[17]).isEqualTo("Idevise");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(18));
        Map<String, BigDecimal> perEntry = new HashMap<>();
        for (String[] row : rows.subList(1, rows.size())) {
            // entries are numbered within their journal
            perEntry.merge(row[0] + "-" + row[2], new BigDecimal(row[11].replace(',', '.'))
                    .subtract(new BigDecimal(row[12].replace(',', '.'))), BigDecimal::add);
        }
        assertThat(perEntry).hasSizeGreaterThan(100);
        assertThat(perEntry.values()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("0"));
        assertThat(output.getOut()).contains("FEC: " + String.format("%,d", perEntry.size()) + " entries");
    }

    @Test
    void supplyExportGivesTheIndicatorsOfEachMonthAndDrawsTheChart(CapturedOutput output) throws IOException {
        Path csv = dataDir.resolve("supply.csv");
        Path png = dataDir.resolve("supply.png");

        assertThat(run("export", "supply", "--from", "2026-01-01", "--to", "2026-03-31", "--out", csv.toString(),
                "--chart", png.toString())).as(output.getAll()).isZero();

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 2 * 3);
        assertThat(lines.get(0)).startsWith("currency,month,inCirculationMinor,");
        assertThat(lines.get(1)).startsWith("BOUSOL,2026-01,");
        assertThat(lines.get(6)).startsWith("ROUE,2026-03,");
        BufferedImage chart = ImageIO.read(png.toFile());
        assertThat(chart.getWidth()).isEqualTo(900);
    }

    @Test
    void entriesExportListsEveryPostingWithDotDecimals(CapturedOutput output) throws IOException {
        Path csv = dataDir.resolve("entries.csv");

        assertThat(run("export", "entries", "--from", "2026-01-01", "--to", "2026-03-31", "--out", csv.toString()))
                .as(output.getAll()).isZero();

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("globalIndex,line,at,event,operation,ledgerAccount,book,currency,kind,"
                + "accountRef,amount");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).matches(".*,-?\\d+\\.\\d\\d"));
        long sum = lines.subList(1, lines.size()).stream()
                .mapToLong(line -> new BigDecimal(line.substring(line.lastIndexOf(',') + 1)).movePointRight(2)
                        .longValueExact()).sum();
        assertThat(sum).as("both books balance: all postings sum to zero").isZero();
    }
}
