package org.mlc.ledger.ops.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DefineCounter;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.DefineCurrency;
import org.mlc.ledger.api.infrastructure.DatabaseCreation;
import org.mlc.ledger.ops.reconcile.EventStoreReconciler;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.mlc.ledger.ops.reconcile.ReconciliationReport;
import org.mlc.ledger.ops.runtime.LedgerRuntime;
import org.mlc.ledger.ops.runtime.Processors;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.RegisterParticipant;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Component
@Command(name = "store",
        mixinStandardHelpOptions = true,
        description = {
                "Replay and reconcile on a large event store: creates accounts through the domain, then writes "
                        + "payments straight into the event store in its own format (EventGenerator: the two events "
                        + "of each payment, the application's serializer, sequence numbers continued, no balance "
                        + "below zero) up to --events, then times the replay of each projection and a reconcile "
                        + "(which must agree with the generated events).",
                "Runs on the operator tool's database: an empty MLC_DATA_DIR (created) or SPRING_DATASOURCE_URL "
                        + "(an empty ledger); refused on a ledger that has events already."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured; reconcile holds", "1:reconcile found a broken invariant", "2:could not run"})
public class StoreBenchCommand implements Callable<Integer> {

    private static final CurrencyCode CURRENCY = CurrencyCode.of("BSTORE");
    private static final long FUNDING_MINOR = 10_000_000;
    private static final Duration MAX_REPLAY = Duration.ofHours(2);

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", description = "events in the store at the end "
            + "(default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--payers", defaultValue = "1000", description = "paying accounts (default ${DEFAULT-VALUE})")
    int payers;

    @Option(names = "--payees", defaultValue = "100", description = "paid accounts (default ${DEFAULT-VALUE})")
    int payees;

    @Option(names = "--skip-replay", description = "only generate and reconcile")
    boolean skipReplay;

    @Option(names = "--one-by-one", description = "only the replays one after the other, each timed (by default "
            + "all the projections replay at once first, as replay --all does, then one by one)")
    boolean oneByOne;

    private final ConfigurableApplicationContext context;
    private final DatabaseCreation databaseCreation;

    public StoreBenchCommand(ConfigurableApplicationContext context, DatabaseCreation databaseCreation) {
        this.context = context;
        this.databaseCreation = databaseCreation;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        databaseCreation.allow();
        Map<String, Object> figures = new LinkedHashMap<>();
        DataSource dataSource;
        long head;
        try (ConfigurableApplicationContext runtime = LedgerRuntime.start(context)) {
            JdbcTemplate jdbc = runtime.getBean(JdbcTemplate.class);
            if (BenchCommand.head(jdbc) > 0) {
                err.println("bench store: refused, this ledger has events already; use an empty MLC_DATA_DIR");
                return ReconcileCommand.EXIT_COULD_NOT_RUN;
            }
            dataSource = jdbc.getDataSource();
            Processors processors = new Processors(runtime.getBean(EventProcessingConfiguration.class), jdbc);
            CommandGateway commands = runtime.getBean(CommandGateway.class);
            Instant start = Instant.parse("2026-01-05T08:00:00Z");
            long started = System.nanoTime();
            commands.sendAndWait(new DefineCurrency(CURRENCY, "Bench store", new ConversionPolicy(100, 100), 500, 300,
                    start));
            CounterId counter = CounterId.of("bench-store-counter");
            commands.sendAndWait(new DefineCounter(counter, "Comptoir bench", CURRENCY, null, start));
            List<AccountId> payerAccounts = new ArrayList<>();
            List<AccountId> payeeAccounts = new ArrayList<>();
            Map<AccountId, Long> balances = new LinkedHashMap<>();
            for (int i = 0; i < payers + payees; i++) {
                boolean payee = i >= payers;
                ParticipantId participant = ParticipantId.of("bench-store-participant-" + i);
                AccountId account = AccountId.of("bench-store-account-" + i);
                commands.sendAndWait(new RegisterParticipant(participant,
                        payee ? ParticipantKind.MERCHANT : ParticipantKind.MEMBER, "Bench " + i, CURRENCY, account,
                        payee ? "ALIMENTATION" : null, start));
                if (payee) {
                    payeeAccounts.add(account);
                } else {
                    commands.sendAndWait(new ConvertEuros(counter, ConversionId.of("bench-store-conversion-" + i),
                            account, FUNDING_MINOR, PaidBy.CASH, Payout.ACCOUNT, start));
                    payerAccounts.add(account);
                    balances.put(account, FUNDING_MINOR);
                }
                if (i % 100 == 99) {
                    err.printf(Locale.ROOT, "\r  accounts through the domain %,d / %,d", i + 1, payers + payees);
                    err.flush();
                }
            }
            err.println();
            processors.awaitCaughtUp(processors.names(), "settling", err, MAX_REPLAY);
            long base = BenchCommand.head(jdbc);
            out.printf(Locale.ROOT, "Base through the domain: %,d events in %.1f s%n", base,
                    (System.nanoTime() - started) / 1e9);
            out.flush();
            figures.put("baseEvents", base);
            // The processors stop while the store grows: the replays below are what is measured.
            EventProcessingConfiguration processing = runtime.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
            Serializer serializer = runtime.getBean("eventSerializer", Serializer.class);
            long generateStarted = System.nanoTime();
            long written = new EventGenerator(dataSource, serializer).generate(CURRENCY, payerAccounts, balances,
                    payeeAccounts, Math.max(0, (events - base) / 2), start.plusSeconds(3600), 2013, n -> {
                        err.printf(Locale.ROOT, "\r  generated %,d events", n);
                        err.flush();
                    });
            err.println();
            double generateSeconds = (System.nanoTime() - generateStarted) / 1e9;
            head = BenchCommand.head(jdbc);
            out.printf(Locale.ROOT, "Generated %,d events in %.1f s (%,.0f events/s); the store holds %,d%n", written,
                    generateSeconds, written / generateSeconds, head);
            out.flush();
            figures.put("generatedEvents", written);
            figures.put("generateSeconds", generateSeconds);
            figures.put("events", head);
            // The saga has nothing to do for these payments (their debits say the credit follows): it
            // resumes at the head. Sagas cannot be reset through Axon, so its token is moved in SQL.
            String saga = org.mlc.ledger.api.infrastructure.AxonConfiguration.TRANSFER_SAGA_GROUP;
            for (Map<String, Object> row : jdbc.queryForList("SELECT segment, convert_from(token, 'UTF8') AS token "
                    + "FROM token_entry WHERE processor_name = ? AND token IS NOT NULL", saga)) {
                String token = ((String) row.get("token")).replaceFirst("\"index\"\\s*:\\s*\\d+",
                        "\"index\":" + head).replaceFirst("\"gaps\"\\s*:\\s*\\[[^\\]]*\\]", "\"gaps\":[]");
                jdbc.update("UPDATE token_entry SET token = convert_to(?, 'UTF8') WHERE processor_name = ? AND segment = ?",
                        token, saga, row.get("segment"));
            }
            processors.processor(saga).start();
            if (skipReplay) {
                Projections.groups().forEach(group -> processors.processor(group).start());
            } else {
                Map<String, Object> replays = new LinkedHashMap<>();
                if (!oneByOne) {
                    List<String> groups = Projections.groups();
                    long replayStarted = System.nanoTime();
                    groups.forEach(processors::reset);
                    processors.awaitCaughtUp(groups, "replay all", err, MAX_REPLAY);
                    double seconds = (System.nanoTime() - replayStarted) / 1e9;
                    out.printf(Locale.ROOT, "Replay of all (at once) %,d events in %6.1f s: %,8.0f events/s each%n",
                            head, seconds, head / seconds);
                    out.flush();
                    replays.put("all", Map.of("seconds", seconds, "eventsPerSecond", head / seconds));
                }
                for (String group : Projections.groups()) {
                    long replayStarted = System.nanoTime();
                    processors.reset(group);
                    processors.awaitCaughtUp(List.of(group), "replay " + group, err, MAX_REPLAY);
                    double seconds = (System.nanoTime() - replayStarted) / 1e9;
                    out.printf(Locale.ROOT, "Replay of %-10s %,d events in %6.1f s: %,8.0f events/s%n", group, head,
                            seconds, head / seconds);
                    out.flush();
                    replays.put(group, Map.of("seconds", seconds, "eventsPerSecond", head / seconds));
                }
                figures.put("replay", replays);
            }
            processors.awaitCaughtUp(processors.names(), "catching up", err, MAX_REPLAY);
        }
        long reconcileStarted = System.nanoTime();
        ReconciliationReport report = new EventStoreReconciler(dataSource).reconcile(
                new EventStoreReconciler.Progress() {
                    @Override
                    public void started(String database) {
                    }

                    @Override
                    public void eventsRead(long eventsRead, long globalIndex) {
                        err.printf(Locale.ROOT, "\r  reconcile: %,d events read", eventsRead);
                        err.flush();
                    }
                });
        err.println();
        double reconcileSeconds = (System.nanoTime() - reconcileStarted) / 1e9;
        report.print(out);
        out.printf(Locale.ROOT, "Reconcile of %,d events in %.1f s (%,.0f events/s): %s%n", head, reconcileSeconds,
                head / reconcileSeconds, report.allHold() ? "every invariant holds" : "AN INVARIANT DOES NOT HOLD");
        figures.put("reconcileSeconds", reconcileSeconds);
        figures.put("reconcileAllHold", report.allHold());
        out.println("Figures: " + figures);
        out.flush();
        return report.allHold() ? 0 : ReconcileCommand.EXIT_INVARIANT_BROKEN;
    }
}
