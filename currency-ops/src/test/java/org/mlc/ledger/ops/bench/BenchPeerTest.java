package org.mlc.ledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bench's moving parts on a real PostgreSQL, in a few seconds: the closed-loop clients, the SQL
 * peer and its own books, the table and the chart. (The whole {@code bench} starts currency-api in a
 * child JVM, which takes longer than a test should; the README's command runs it.)
 */
class BenchPeerTest {

    @TempDir
    static Path dir;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void thePeerMovesMoneyWithKClientsAndItsBooksStayBalanced() throws Exception {
        try (SqlPeer peer = new SqlPeer(postgres.getPostgresDatabase())) {
            long[] balances = new long[12];
            Arrays.fill(balances, 0, 10, 500); // 10 payers with 5.00 each, 2 payees with nothing
            peer.create(balances);
            peer.open(3);
            LoadRun.Result hot = LoadRun.run("sql-peer", new LoadRun.Distribution(LoadRun.Mode.HOT, 10, 2), 3, 0.2,
                    1.0, 7, (client, sequence, from, to, amountMinor) -> peer.pay(client, from, to, amountMinor),
                    LoadRun.Window.NONE, new LoadRun.FollowUp(1, (client, from, to) -> peer.balance(client, from) >= 0));

            assertThat(hot.done()).isPositive();
            assertThat(hot.p50Millis()).isPositive().isLessThanOrEqualTo(hot.p99Millis());
            assertThat(hot.p99Millis()).isLessThanOrEqualTo(hot.maxMillis());
            // the payers run dry: refusals are counted as errors by their code, and nothing moves for them
            assertThat(hot.errorsByCode().keySet()).isSubsetOf(List.of("insufficient-funds"));
            assertThat(peer.check()).isNull();
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(jdbc.queryForObject("SELECT SUM(balance_minor) FROM bench_peer.account", Long.class))
                    .isEqualTo(5_000);
            // hot mode: every payment went to the first payee
            assertThat(jdbc.queryForObject("SELECT balance_minor FROM bench_peer.account WHERE id = 11", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bench_peer.entry", Long.class))
                    .isEqualTo(2 * peer.transfers());

            LoadRun.Result uniform = LoadRun.run("sql-peer", new LoadRun.Distribution(LoadRun.Mode.UNIFORM, 10, 2),
                    2, 0, 0.5, 8, (client, sequence, from, to, amountMinor) -> peer.pay(client, from, to, amountMinor),
                    LoadRun.Window.NONE);
            assertThat(peer.check()).isNull();
            // hot: a read after each payment done, timed apart from it; uniform: none asked for
            assertThat(hot.readsAfterWrite()).isEqualTo(hot.done());
            assertThat(hot.readAfterWriteErrors()).isZero();
            assertThat(hot.readAfterWriteP99Millis()).isPositive();
            assertThat(uniform.readsAfterWrite()).isZero();
            assertThat(uniform.readAfterWriteP99Millis()).isNaN();

            StringWriter table = new StringWriter();
            List<BenchTable.Row> rows = List.of(new BenchTable.Row(hot, hot, 0, 0.25, 1.0),
                    new BenchTable.Row(uniform, uniform, 0, 1.5, 1.0));
            BenchTable.print(new PrintWriter(table), rows);
            assertThat(table.toString()).contains("HOT", "UNIFORM", "sql-peer", "1.00", "views s", "RaW p99", "    0.3 |",
                    "    1.5 |");
            Path png = dir.resolve("chart.png");
            ThroughputChart.write(rows, png);
            assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(ThroughputChart.WIDTH_PIXELS);
            assertThat(Files.size(png)).isPositive();
        }
    }

    @Test
    void percentilesAreReadFromTheSortedLatencies() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        assertThat(LoadRun.percentile(nanos, 50)).isEqualTo(50.0);
        assertThat(LoadRun.percentile(nanos, 99)).isEqualTo(99.0);
        assertThat(LoadRun.percentile(new long[0], 99)).isZero();
        assertThat(BenchCommand.amount(1)).isEqualTo("0.01");
        assertThat(BenchCommand.amount(100_000)).isEqualTo("1000.00");
    }
}
