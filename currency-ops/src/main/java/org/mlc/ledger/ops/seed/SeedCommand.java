package org.mlc.ledger.ops.seed;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.mlc.ledger.api.infrastructure.DatabaseCreation;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.mlc.ledger.ops.runtime.LedgerRuntime;
import org.mlc.ledger.ops.runtime.Processors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Component
@Command(name = "seed",
        mixinStandardHelpOptions = true,
        description = {
                "seed demo: a Bou'Sol and Roue deployment for demos and benchmarks, through the domain commands: "
                        + "2 currencies, counters, merchants across the filieres, members, a collectivite and a CCAS "
                        + "per currency, and months of conversions, payments and B2B.",
                "Refused when the demo currencies already exist (nothing is doubled). Creates the embedded "
                        + "database if there is none yet; stop currency-api first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:seeded", "2:could not run, or already seeded"})
public class SeedCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(SeedCommand.class);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "demo", description = "what to seed: demo")
    private String what;

    @Option(names = "--members", defaultValue = "1000", description = "members (default ${DEFAULT-VALUE})")
    private int members;

    @Option(names = "--merchants", defaultValue = "40", description = "merchants (default ${DEFAULT-VALUE})")
    private int merchants;

    @Option(names = "--counters", defaultValue = "3", description = "exchange counters (default ${DEFAULT-VALUE})")
    private int counters;

    @Option(names = "--months", defaultValue = "3", description = "months of activity (default ${DEFAULT-VALUE})")
    private int months;

    @Option(names = "--payments-per-member", defaultValue = "4",
            description = "average payments per member and month (default ${DEFAULT-VALUE})")
    private int paymentsPerMember;

    @Option(names = "--first-month", description = "first month of activity, e.g. 2026-01 (default: so that the "
            + "last month seeded is the one before the current month)")
    private YearMonth firstMonth;

    @Option(names = "--random-seed", defaultValue = "2013", description = "seed of the random draws (default ${DEFAULT-VALUE})")
    private long randomSeed;

    private final ConfigurableApplicationContext context;
    private final DatabaseCreation databaseCreation;

    public SeedCommand(ConfigurableApplicationContext context, DatabaseCreation databaseCreation) {
        this.context = context;
        this.databaseCreation = databaseCreation;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"demo".equals(what)) {
            err.println("seed: unknown data set '" + what + "'; known: demo");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        DemoSeed.Size size;
        try {
            YearMonth first = firstMonth != null ? firstMonth : YearMonth.now(ZoneOffset.UTC).minusMonths(months);
            size = new DemoSeed.Size(members, merchants, counters, months, paymentsPerMember, first, randomSeed);
        } catch (IllegalArgumentException e) {
            err.println("seed: " + e.getMessage());
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        databaseCreation.allow();
        try (ConfigurableApplicationContext runtime = LedgerRuntime.start(context)) {
            JdbcTemplate jdbc = runtime.getBean(JdbcTemplate.class);
            if (DemoSeed.alreadySeeded(jdbc)) {
                err.println("seed: refused, the demo currencies " + DemoSeed.BOUSOL + " and " + DemoSeed.ROUE
                        + " already exist in this ledger; seeding again would double nothing but fail half-way");
                return ReconcileCommand.EXIT_COULD_NOT_RUN;
            }
            Processors processors = new Processors(runtime.getBean(EventProcessingConfiguration.class), jdbc);
            long started = System.nanoTime();
            DemoSeed.Summary summary = new DemoSeed(runtime.getBean(CommandGateway.class), jdbc, processors, err, size)
                    .run();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "Seeded %s to %s: %,d participants, %,d counters, %,d conversions, %,d payments "
                            + "(%,d B2B), refused %s, in %.1f s%n", size.firstMonth(),
                    size.firstMonth().plusMonths(size.months() - 1), summary.participants(), summary.counters(),
                    summary.conversions(), summary.payments(), summary.b2bPayments(), summary.refused(), seconds);
            out.flush();
            log.info("seeded the demo: {} conversions, {} payments", summary.conversions(), summary.payments());
            return 0;
        }
    }
}
