package org.mlc.ledger.ops.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.csv.Csv;
import org.mlc.ledger.api.report.FecExport;
import org.mlc.ledger.api.report.Indicators;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.ops.move.CurrencyExport;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Component
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
                "fec: the Fichier des Ecritures Comptables (18 columns, tab-separated, ISO-8859-15), one balanced "
                        + "entry per event and book; see docs/accounting.md.",
                "entries: every posting (CSV, RFC 4180, UTF-8, amounts with a dot).",
                "supply: the indicators per month and currency (CSV); --chart also draws circulation and coverage "
                        + "as a PNG.",
                "currency CODE: everything a currency needs to move to another deployment (its events, seals, users, "
                        + "idempotency keys; gzip NDJSON) for 'import' there; see docs/hosting.md. No --from, --to.",
                "fec, entries and supply read the projections of currency-api's database (run reconcile to check "
                        + "them); currency reads the event store."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:could not run (usage, database, file)"})
public class ExportCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

    enum What { fec, entries, supply, currency }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", description = "fec, entries, supply or currency")
    private What what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CODE", description = "currency: the currency to export")
    private String code;

    @Option(names = "--from", description = "fec, entries, supply: first day, e.g. 2026-01-01 (UTC)")
    private LocalDate from;

    @Option(names = "--to", description = "fec, entries, supply: last day, inclusive (UTC)")
    private LocalDate to;

    @Option(names = "--out", required = true, description = "the file to write")
    private Path out;

    @Option(names = "--currency", description = "supply: one currency (default: all)")
    private String currency;

    @Option(names = "--chart", description = "supply: also draw circulation and coverage into this PNG file")
    private Path chart;

    private final Supplier<DataSource> dataSource;

    @Autowired
    public ExportCommand(ObjectProvider<DataSource> dataSource) {
        // obtained when the command runs: --help starts no database
        this.dataSource = () -> dataSource.getObject();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (what == What.currency) {
            return currency(stdout, err);
        }
        if (code != null) {
            err.println("export: unexpected argument " + code + " (only 'export currency' takes a code)");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        if (from == null || to == null) {
            err.println("export " + what + ": --from and --to are required");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        if (to.isBefore(from)) {
            err.println("export: --to must not be before --from");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource.get());
        switch (what) {
            case fec -> {
                long entries;
                try (Writer writer = Files.newBufferedWriter(out, FecExport.CHARSET)) {
                    entries = new FecExport(jdbc).write(writer, from, to);
                }
                stdout.printf("FEC: %,d entries from %s to %s written to %s%n", entries, from, to, out);
            }
            case entries -> {
                long lines = entries(jdbc);
                stdout.printf("entries: %,d postings from %s to %s written to %s%n", lines, from, to, out);
            }
            case supply -> {
                List<String> known = jdbc.queryForList("SELECT code FROM currency_view ORDER BY code", String.class);
                if (currency != null && !known.contains(currency)) {
                    // an empty file would look like a currency that saw no activity
                    err.println("export: unknown currency " + currency + "; known: "
                            + (known.isEmpty() ? "none" : String.join(", ", known)));
                    return ReconcileCommand.EXIT_COULD_NOT_RUN;
                }
                List<String> currencies = currency != null ? List.of(currency) : known;
                Indicators indicators = new Indicators(jdbc);
                List<Indicators.Month> months = new ArrayList<>();
                for (String code : currencies) {
                    months.addAll(indicators.months(code, YearMonth.from(from), YearMonth.from(to)));
                }
                try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    writer.write(Csv.line(new ArrayList<>(Indicators.CSV_COLUMNS)));
                    for (Indicators.Month month : months) {
                        writer.write(Csv.line(month.csvValues()));
                    }
                }
                stdout.printf("supply: %,d months of %s written to %s%n", months.size(), currencies, out);
                if (chart != null) {
                    SupplyChart.write(months, chart);
                    stdout.printf("chart of circulation and coverage written to %s%n", chart);
                }
            }
        }
        stdout.flush();
        log.info("exported {} from {} to {}", what, from, to);
        return 0;
    }

    /** {@code export currency CODE}: the currency's move file ({@link CurrencyExport}). */
    private int currency(PrintWriter stdout, PrintWriter err) {
        if (code == null) {
            err.println("export currency: which currency? e.g. export currency BOUSOL --out bousol.ndjson.gz");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        if (from != null || to != null) {
            err.println("export currency: takes no --from or --to (a currency moves with all its history)");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        long started = System.nanoTime();
        CurrencyExport.Summary summary;
        try {
            summary = new CurrencyExport(dataSource.get(), Clock.systemUTC(), err).export(code, out);
        } catch (CurrencyExport.Refused refused) {
            err.println("export: " + refused.getMessage());
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        stdout.printf(Locale.ROOT, "currency %s: %,d events, %,d seals, %,d users, %,d idempotency keys, %,d transfers "
                        + "in transit written to %s (%,d bytes) in %.2f s (%,.0f events/s)%n", code, summary.events(),
                summary.seals(), summary.users(), summary.keys(), summary.sagas(), out, summary.bytes(), seconds,
                seconds > 0 ? summary.events() / seconds : 0.0);
        stdout.flush();
        log.info("exported currency {}: {} events to {}", code, summary.events(), out);
        return 0;
    }

    private long entries(JdbcTemplate jdbc) throws IOException {
        long[] lines = {0};
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(Csv.line(List.of("globalIndex", "line", "at", "event", "operation", "ledgerAccount", "book",
                    "currency", "kind", "accountRef", "amount")));
            jdbc.query("SELECT * FROM journal_entry WHERE booked_at >= ? AND booked_at < ? ORDER BY global_index, line",
                    rs -> {
                        try {
                            writer.write(Csv.line(List.of(rs.getLong("global_index"), rs.getInt("line"),
                                    rs.getTimestamp("booked_at").toInstant().toString(), rs.getString("event_type"),
                                    rs.getString("operation_id"), rs.getString("ledger_account"), rs.getString("book"),
                                    rs.getString("currency"), rs.getString("kind"),
                                    rs.getString("account_ref") == null ? "" : rs.getString("account_ref"),
                                    Amounts.format(rs.getLong("amount_minor")))));
                            lines[0]++;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, java.sql.Timestamp.from(from.atStartOfDay(CivilDay.ZONE).toInstant()),
                    java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(CivilDay.ZONE).toInstant()));
        }
        return lines[0];
    }

}
