package org.mlc.ledger.ops.reconcile;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.mlc.ledger.api.infrastructure.DatabaseUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Component
@Command(name = "reconcile",
        mixinStandardHelpOptions = true,
        version = "currency-ops reconcile",
        description = {
                "Folds every posting of the event store afresh, independently of the projections, and checks the "
                        + "ledger's invariants: conservation in each book, backing (coverage and cash coverage per "
                        + "currency; an under-backed currency is a warning naming its causes, units that nothing "
                        + "accounts for fail), no participant account below its floor, "
                        + "in transit drained, projections (ledger_balance, account_view) equal to the fold.",
                "Reads the database of currency-api: SPRING_DATASOURCE_URL (with _USERNAME, _PASSWORD), or else the "
                        + "embedded PostgreSQL in MLC_DATA_DIR (default ./data), which needs currency-api stopped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every invariant checked holds",
                "1:an invariant does not hold (the report names the accounts)",
                "2:reconcile could not run (usage, database, unreadable event)"})
public class ReconcileCommand implements Callable<Integer> {

    public static final int EXIT_ALL_HOLD = 0;
    public static final int EXIT_INVARIANT_BROKEN = 1;
    public static final int EXIT_COULD_NOT_RUN = 2;

    @Spec
    private CommandSpec spec;

    // Obtained when the command runs, so that a database that cannot start is reported as such.
    private final Supplier<DataSource> dataSource;

    @Autowired
    public ReconcileCommand(ObjectProvider<DataSource> dataSource) {
        this((Supplier<DataSource>) () -> dataSource.getObject());
    }

    public ReconcileCommand(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReconciliationReport report;
        try {
            report = new EventStoreReconciler(dataSource.get()).reconcile(new EventStoreReconciler.Progress() {
                private long startNanos;

                @Override
                public void started(String database) {
                    startNanos = System.nanoTime();
                    // a URL's parameters may hold a password
                    out.println("Reconciling the ledger in " + database.replaceFirst("\\?.*$", ""));
                    out.flush();
                }

                @Override
                public void eventsRead(long eventsRead, long globalIndex) {
                    err.printf(Locale.ROOT, "  %,d events read (global index %,d) in %.1f s%n", eventsRead,
                            globalIndex, (System.nanoTime() - startNanos) / 1e9);
                    err.flush();
                }
            });
        } catch (SQLException e) {
            err.println("reconcile: could not read the database: " + e.getMessage());
            return EXIT_COULD_NOT_RUN;
        } catch (ReconciliationException e) {
            err.println("reconcile: " + e.getMessage());
            return EXIT_COULD_NOT_RUN;
        } catch (RuntimeException e) {
            DatabaseUnavailableException unavailable = unavailable(e);
            if (unavailable == null) {
                throw e;
            }
            err.println("reconcile: " + unavailable.getMessage());
            return EXIT_COULD_NOT_RUN;
        }
        report.print(out);
        return report.allHold() ? EXIT_ALL_HOLD : EXIT_INVARIANT_BROKEN;
    }

    // Spring wraps what a bean factory method throws.
    private static DatabaseUnavailableException unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
