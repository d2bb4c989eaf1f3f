package org.mlc.ledger.ops.verify;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.mlc.ledger.api.infrastructure.DatabaseUnavailableException;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Component
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        version = "currency-ops verify",
        description = {
                "Recomputes every seal of the event store from its rows (docs/hosting.md): each sealed event's "
                        + "digest, each seal's root and its link to the seal before, and with --public-key each "
                        + "signature. Names the first event altered, deleted or inserted by its global index.",
                "Reads the database of currency-api: SPRING_DATASOURCE_URL (with _USERNAME, _PASSWORD), or else the "
                        + "embedded PostgreSQL in MLC_DATA_DIR (default ./data), which needs currency-api stopped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every seal matches the events it covers",
                "1:an event or a seal differs (the first is named by its global index)",
                "2:verify could not run (usage, database)"})
public class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--currency", paramLabel = "CODE", description = "verify this currency's chain only")
    private String currency;

    @Option(names = "--public-key", paramLabel = "BASE64",
            description = "the association's Ed25519 public key (X.509 DER in base64; default MLC_SEAL_PUBLIC_KEY): "
                    + "every seal must carry a signature that verifies with it")
    private String publicKey = blankToNull(System.getenv("MLC_SEAL_PUBLIC_KEY"));

    private final Supplier<DataSource> dataSource;

    @Autowired
    public VerifyCommand(ObjectProvider<DataSource> dataSource) {
        this((Supplier<DataSource>) () -> dataSource.getObject());
    }

    public VerifyCommand(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        SealVerifier.Report report;
        try {
            report = new SealVerifier(dataSource.get()).verify(currency, publicKey);
        } catch (SQLException e) {
            err.println("verify: could not read the database: " + e.getMessage());
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DatabaseUnavailableException unavailable) {
                    err.println("verify: " + unavailable.getMessage());
                    return ReconcileCommand.EXIT_COULD_NOT_RUN;
                }
            }
            throw e;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "events read     %,d in %,d seals of %d chain(s)%s, in %.2f s%n", report.events(),
                report.seals(), report.currencies(), currency == null ? "" : " (" + currency + ")", seconds);
        out.printf(Locale.ROOT, "not sealed yet  %,d events after the last seal%n", report.unsealed());
        report.latestRoots().forEach((chain, root) -> out.printf("latest root     %-8s %s%n", chain, root));
        if (report.seals() == 0) {
            out.println("no seal" + (currency == null ? "" : " of " + currency) + ": nothing to verify");
        }
        if (report.holds()) {
            out.println("RESULT: OK, every seal matches its events"
                    + (publicKey == null ? "" : " and carries a valid signature"));
            out.flush();
            return ReconcileCommand.EXIT_ALL_HOLD;
        }
        out.println("RESULT: FAILED, " + report.findings().get(0).what());
        report.findings().stream().skip(1).limit(50).forEach(finding -> out.println("  also: " + finding.what()));
        if (report.findings().size() > 51) {
            out.println("  … and " + (report.findings().size() - 51) + " more");
        }
        out.flush();
        return ReconcileCommand.EXIT_INVARIANT_BROKEN;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
