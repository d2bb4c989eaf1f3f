package org.mlc.ledger.ops.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The side-by-side table: the ledger through its API and the SQL peer, per mode and client count. */
public final class BenchTable {

    public record Row(LoadRun.Result ledger, LoadRun.Result peer, double eventsPerSecond, double ratio) {
    }

    private BenchTable() {
    }

    public static void print(PrintWriter out, List<Row> rows) {
        out.println();
        out.printf(Locale.ROOT, "%-8s %4s | %-8s %9s %8s %8s %8s %8s %7s | %9s | %6s%n", "mode", "K", "system",
                "paym./s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "events/s", "ratio");
        out.println("-".repeat(109));
        for (Row row : rows) {
            line(out, row.ledger(), String.format(Locale.ROOT, "%9.0f", row.eventsPerSecond()),
                    String.format(Locale.ROOT, "%6.2f", row.ratio()));
            line(out, row.peer(), "", "");
        }
        out.println("ratio = ledger payments/s ÷ SQL peer payments/s, same clients, accounts and PostgreSQL server");
        out.flush();
    }

    private static void line(PrintWriter out, LoadRun.Result r, String events, String ratio) {
        out.printf(Locale.ROOT, "%-8s %4d | %-8s %9.1f %8.1f %8.1f %8.1f %8.1f %7d | %9s | %6s%n", r.mode(),
                r.clients(), r.system(), r.perSecond(), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis(),
                r.errors(), events, ratio);
    }
}
