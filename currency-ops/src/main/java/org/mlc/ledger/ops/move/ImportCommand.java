package org.mlc.ledger.ops.move;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.mlc.ledger.api.infrastructure.DatabaseCreation;
import org.mlc.ledger.api.seal.SealSigner;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Component
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {
                "Appends a currency written by 'export currency' to this ledger (empty, or hosting other currencies), "
                        + "in one transaction: its events with new global indexes, its seals rewritten to them, its "
                        + "users, idempotency keys and transfers in transit. Refused, with nothing written, when the "
                        + "currency, one of its users or events is already here (docs/hosting.md).",
                "Stop currency-api first (its projections catch up with the imported events at its next start). "
                        + "Reads SPRING_DATASOURCE_URL (with _USERNAME, _PASSWORD), or else the embedded PostgreSQL "
                        + "in MLC_DATA_DIR (default ./data), created if there is none."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported", "2:refused or could not run (nothing written)"})
public class ImportCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file written by export currency (.ndjson.gz)")
    private Path file;

    private final Supplier<DataSource> dataSource;
    private final DatabaseCreation databaseCreation;

    @Autowired
    public ImportCommand(ObjectProvider<DataSource> dataSource, DatabaseCreation databaseCreation) {
        // obtained when the command runs: --help starts no database
        this.dataSource = () -> dataSource.getObject();
        this.databaseCreation = databaseCreation;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("import: cannot read " + file + ": no such file");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        // a new deployment may start with an import, as with a seed
        databaseCreation.allow();
        DataSource database = dataSource.get();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Flyway flyway = Flyway.configure().dataSource(database).locations("classpath:db/migration").load();
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('domain_event_entry') IS NOT NULL",
                Boolean.class))) {
            // an empty database: the application's schema first, by its own migrations
            flyway.migrate();
        } else if (flyway.info().pending().length > 0) {
            // the rows are written as this version's schema has them; upgrading is currency-api's to do
            err.println("import: this ledger's schema is older than this tool's (" + flyway.info().pending().length
                    + " migration(s) pending): start this version of currency-api once, stop it, import again");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        String key = System.getenv("MLC_SEAL_KEY");
        SealSigner signer = key == null || key.isBlank() ? null : SealSigner.of(key, System.getenv("MLC_SEAL_PUBLIC_KEY"));
        long started = System.nanoTime();
        CurrencyImport.Summary summary;
        try {
            summary = new CurrencyImport(database, signer, err).importFrom(file);
        } catch (CurrencyImport.Refused refused) {
            err.println("import: " + refused.getMessage());
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "imported %s: %,d events (global indexes #%,d to #%,d) in %.2f s (%,.0f events/s)%n",
                summary.currency(), summary.events(), summary.firstIndex(), summary.lastIndex(), seconds,
                seconds > 0 ? summary.events() / seconds : 0.0);
        out.printf(Locale.ROOT, "  %,d seals, %,d users, %,d idempotency keys (%,d already here, kept), %,d transfers "
                        + "in transit%n", summary.seals(), summary.users(), summary.keys(), summary.keysKept(),
                summary.sagas());
        out.printf(Locale.ROOT, "  this ledger's own events sealed first: %,d%n", summary.hostSealed());
        out.println("Start currency-api: its projections catch up with the imported events; then reconcile and verify.");
        out.flush();
        log.info("imported {} from {}: {} events, {} seals, {} users", summary.currency(), file, summary.events(),
                summary.seals(), summary.users());
        return 0;
    }
}
