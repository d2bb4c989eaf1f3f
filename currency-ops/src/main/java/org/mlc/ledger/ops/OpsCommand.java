package org.mlc.ledger.ops;

import java.util.concurrent.Callable;
import org.mlc.ledger.api.infrastructure.DatabaseUnavailableException;
import org.mlc.ledger.ops.bench.BenchCommand;
import org.mlc.ledger.ops.export.ExportCommand;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.mlc.ledger.ops.replay.ReplayCommand;
import org.mlc.ledger.ops.seed.SeedCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "currency-ops",
        mixinStandardHelpOptions = true,
        version = "currency-ops",
        description = "Operator command line of the MLC ledger.",
        subcommands = {ReconcileCommand.class, ReplayCommand.class, ExportCommand.class, SeedCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public class OpsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** The command line with its subcommands created by {@code factory} (Spring's, or a test's). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(OpsCommand.class, factory)
                // 1 means "an invariant does not hold": a crash must not look like a finding.
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    // the database in use by currency-api, or not there: one line the operator acts on
                    for (Throwable t = exception; t != null; t = t.getCause()) {
                        if (t instanceof DatabaseUnavailableException unavailable) {
                            commandLine.getErr().println(commandLine.getCommandName() + ": " + unavailable.getMessage());
                            return ReconcileCommand.EXIT_COULD_NOT_RUN;
                        }
                    }
                    commandLine.getErr().println(commandLine.getCommandName() + " failed:");
                    exception.printStackTrace(commandLine.getErr());
                    return ReconcileCommand.EXIT_COULD_NOT_RUN;
                });
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
