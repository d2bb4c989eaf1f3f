package org.mlc.ledger.ops.verify;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.seal.SealJob;
import org.mlc.ledger.api.seal.SealSigner;
import org.mlc.ledger.api.seal.SealWriter;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Component
@Command(name = "seal",
        mixinStandardHelpOptions = true,
        version = "currency-ops seal",
        description = {
                "Seals the event store up to its safe point now, as currency-api's job does every minute (the same "
                        + "code, under the same cluster lock; signed with MLC_SEAL_KEY if set): after an import, or "
                        + "to measure. Says how many events it sealed and how fast.",
                "Reads the database of currency-api: SPRING_DATASOURCE_URL (with _USERNAME, _PASSWORD), or else the "
                        + "embedded PostgreSQL in MLC_DATA_DIR (default ./data), which needs currency-api stopped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:sealed (or nothing new to seal)", "2:could not run, or a writer held the safe point back"})
public class SealCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final Supplier<DataSource> dataSource;

    @Autowired
    public SealCommand(ObjectProvider<DataSource> dataSource) {
        this((Supplier<DataSource>) () -> dataSource.getObject());
    }

    public SealCommand(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataSource database = dataSource.get();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        ClusterJobLock lock = new ClusterJobLock(jdbc, new TransactionTemplate(new DataSourceTransactionManager(database)));
        String key = System.getenv("MLC_SEAL_KEY");
        SealSigner signer = key == null || key.isBlank() ? null : SealSigner.of(key, System.getenv("MLC_SEAL_PUBLIC_KEY"));
        SealWriter writer = new SealWriter(jdbc, Clock.systemUTC(), signer, Duration.ofSeconds(5),
                SealJob.MAX_EVENTS_PER_ROUND);
        long started = System.nanoTime();
        long events = 0;
        long seals = 0;
        while (true) {
            ClusterJobLock.Run<SealWriter.Round> run = lock.runExclusively(SealJob.LOCK, writer::sealOnce);
            if (run == null || !run.ran()) {
                err.println("seal: another process is sealing now (currency-api's job): nothing done");
                return ReconcileCommand.EXIT_COULD_NOT_RUN;
            }
            SealWriter.Round round = run.result();
            if (round.heldBack()) {
                err.println("seal: a transaction writing events did not end within 5 s: sealed up to before it");
                return ReconcileCommand.EXIT_COULD_NOT_RUN;
            }
            events += round.events();
            seals += round.seals().size();
            if (round.events() > 0) {
                err.printf(Locale.ROOT, "  %,d events sealed (through global index %,d)%n", events,
                        writer.sealedThrough());
                err.flush();
            }
            if (round.events() < SealJob.MAX_EVENTS_PER_ROUND) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "sealed %,d events in %,d seals through global index %,d in %.2f s (%,.0f events/s)%n",
                events, seals, writer.sealedThrough(), seconds, seconds > 0 ? events / seconds : 0.0);
        out.flush();
        return ReconcileCommand.EXIT_ALL_HOLD;
    }
}
