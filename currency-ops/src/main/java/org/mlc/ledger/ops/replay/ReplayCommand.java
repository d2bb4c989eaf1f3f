package org.mlc.ledger.ops.replay;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.config.EventProcessingConfiguration;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.mlc.ledger.ops.runtime.LedgerRuntime;
import org.mlc.ledger.ops.runtime.Processors;
import org.mlc.ledger.ops.runtime.TableChecksums;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Component
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
                "Resets projections and rebuilds them from the event store, with a progress bar. A checksum of "
                        + "their tables is printed before and after: equal checksums mean the tables were already "
                        + "exactly what the events say.",
                "Stop currency-api first: its processors would hold the projections' tokens."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the projections were rebuilt", "2:replay could not run (usage, database)"})
public class ReplayCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ReplayCommand.class);

    /** How long a rebuild may take before the command gives up. */
    public static final Duration MAX_REPLAY_DURATION = Duration.ofHours(6);

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Which which;

    static class Which {
        @Parameters(paramLabel = "<projection>", description = "one of: ${COMPLETION-CANDIDATES}",
                completionCandidates = ProjectionNames.class)
        String projection;

        @Option(names = "--all", description = "every projection")
        boolean all;
    }

    static class ProjectionNames extends ArrayList<String> {
        ProjectionNames() {
            super(Projections.groups());
        }
    }

    private final ConfigurableApplicationContext context;

    public ReplayCommand(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> groups = which.all ? Projections.groups() : List.of(which.projection);
        if (!Projections.TABLES.containsKey(groups.get(0))) {
            err.println("replay: unknown projection " + groups.get(0) + "; known: " + String.join(", ",
                    Projections.groups()));
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        try (ConfigurableApplicationContext runtime = LedgerRuntime.start(context)) {
            JdbcTemplate jdbc = runtime.getBean(JdbcTemplate.class);
            Processors processors = new Processors(runtime.getBean(EventProcessingConfiguration.class), jdbc);
            TableChecksums checksums = new TableChecksums(jdbc);
            // the tables as they stand once the projections have seen every event
            processors.awaitCaughtUp(groups, "catching up", err, MAX_REPLAY_DURATION);
            Map<String, Map<String, TableChecksums.Checksum>> before = new LinkedHashMap<>();
            for (String group : groups) {
                before.put(group, checksums.of(Projections.TABLES.get(group)));
            }
            // All at once: each projection has its own tables, processor and connection, and one
            // alone leaves the database waiting on its commits; the slowest sets the time.
            groups.forEach(processors::reset);
            processors.awaitCaughtUp(groups, groups.size() == 1 ? "replay " + groups.get(0) : "replay all", err,
                    MAX_REPLAY_DURATION);
            boolean allEqual = true;
            for (String group : groups) {
                List<String> tables = Projections.TABLES.get(group);
                Map<String, TableChecksums.Checksum> after = checksums.of(tables);
                out.println("projection " + group);
                for (String table : tables) {
                    TableChecksums.Checksum was = before.get(group).get(table);
                    boolean equal = was.equals(after.get(table));
                    allEqual &= equal;
                    out.printf("  %-18s before %s%n  %-18s after  %s  %s%n", table, was, "",
                            after.get(table), equal ? "equal" : "DIFFERENT");
                }
            }
            out.flush();
            log.info("replayed projections {}", groups);
            out.println(allEqual
                    ? "RESULT: replayed; every table is identical to what it was (equal checksums)"
                    : "RESULT: replayed; some tables differed from the events before the replay and are now rebuilt "
                            + "from them (run reconcile to confirm)");
            out.flush();
            return 0;
        }
    }
}
