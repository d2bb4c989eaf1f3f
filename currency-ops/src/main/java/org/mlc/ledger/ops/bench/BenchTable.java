package org.mlc.ledger.ops.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The side-by-side table: the ledger through its API and the SQL peer, per mode and client count. */
public final class BenchTable {

    /**
     * One mode and client count. {@code viewsLagSeconds}: how long after the ledger's last answer its
     * views (projections) showed every payment; NaN if they did not within the settle limit.
     */
    public record Row(LoadRun.Result ledger, LoadRun.Result peer, double eventsPerSecond, double viewsLagSeconds,
                      double ratio) {
    }

    private BenchTable() {
    }

    public static void print(PrintWriter out, List<Row> rows) {
        out.println();
        out.printf(Locale.ROOT, "%-8s %4s | %-8s %9s %8s %8s %8s %8s %7s | %9s | %9s | %7s | %6s%n", "mode", "K",
                "system", "paym./s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "RaW p99", "events/s",
                "views s", "ratio");
        out.println("-".repeat(131));
        for (Row row : rows) {
            line(out, row.ledger(), String.format(Locale.ROOT, "%9.0f", row.eventsPerSecond()),
                    String.format(Locale.ROOT, "%7.1f", row.viewsLagSeconds()),
                    String.format(Locale.ROOT, "%6.2f", row.ratio()));
            line(out, row.peer(), "", "", "");
        }
        out.println("ratio = ledger payments/s ÷ SQL peer payments/s, same clients, accounts and PostgreSQL server");
        out.println("RaW p99 = p99 of a read of the payer's account (GET /api/v1/accounts/{id}, which waits for "
                + "the views) made right after a sampled payment, under the same load (peer: SELECT of its balance)");
        out.println("views s = seconds after the ledger's last answer until its projections showed every payment "
                + "(a payment answers from its command; reads wait for the views)");
        out.flush();
    }

    private static void line(PrintWriter out, LoadRun.Result r, String events, String viewsLag, String ratio) {
        String readAfterWrite = r.readsAfterWrite() == 0 ? "" : String.format(Locale.ROOT, "%9.1f",
                r.readAfterWriteP99Millis());
        out.printf(Locale.ROOT, "%-8s %4d | %-8s %9.1f %8.1f %8.1f %8.1f %8.1f %7d | %9s | %9s | %7s | %6s%n", r.mode(),
                r.clients(), r.system(), r.perSecond(), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis(),
                r.errors(), readAfterWrite, events, viewsLag, ratio);
    }
}
