package org.mlc.ledger.ops;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.mlc.ledger.ops.bench.BenchCommand;
import org.mlc.ledger.ops.export.ExportCommand;
import org.mlc.ledger.ops.move.ImportCommand;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.mlc.ledger.ops.replay.ReplayCommand;
import org.mlc.ledger.ops.seed.SeedCommand;
import org.mlc.ledger.ops.verify.SealCommand;
import org.mlc.ledger.ops.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "currency-ops",
        mixinStandardHelpOptions = true,
        version = "currency-ops",
        description = "Operator command line of the MLC ledger.",
        subcommands = {ReconcileCommand.class, VerifyCommand.class, SealCommand.class, ReplayCommand.class, ExportCommand.class, ImportCommand.class, SeedCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public class OpsCommand implements Callable<Integer> {

    public static final String VERBOSE = "--verbose";

    @Spec
    private CommandSpec spec;

    // read from the parse result by the failure handler; declared here so that every command accepts it
    @Option(names = VERBOSE, scope = ScopeType.INHERIT, description = "on a failure, also print the stack trace")
    private boolean verbose;

    /** The command line with its subcommands created by {@code factory} (Spring's, or a test's). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(OpsCommand.class, factory)
                .registerConverter(LocalDate.class, value -> parsed(value, LocalDate::parse, "a day such as 2026-01-31"))
                .registerConverter(YearMonth.class, value -> parsed(value, YearMonth::parse, "a month such as 2026-01"))
                // a mistyped argument: what is wrong and where the help is, not the whole usage
                .setParameterExceptionHandler((exception, args) -> {
                    CommandLine commandLine = exception.getCommandLine();
                    commandLine.getErr().println(commandLine.getCommandName() + ": " + exception.getMessage());
                    commandLine.getErr().println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
                    commandLine.getErr().flush();
                    return CommandLine.ExitCode.USAGE;
                })
                // 1 means "an invariant does not hold": a crash must not look like a finding.
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println(commandLine.getCommandName() + ": " + Failures.describe(exception));
                    if (verbose(parseResult)) {
                        exception.printStackTrace(commandLine.getErr());
                    }
                    commandLine.getErr().flush();
                    return ReconcileCommand.EXIT_COULD_NOT_RUN;
                });
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static <T> T parsed(String value, java.util.function.Function<String, T> parse, String expected) {
        try {
            return parse.apply(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not " + expected);
        }
    }

    /** Whether these arguments ask only for help, a version or the usage: answered without the ledger. */
    static boolean onlyHelp(ParseResult parseResult) {
        ParseResult last = parseResult;
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested() || level.isVersionHelpRequested()
                    || level.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return true;
            }
            last = level;
        }
        // the bare command prints its usage
        return last.commandSpec().userObject() instanceof OpsCommand;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
