package org.mlc.ledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlc.ledger.api.infrastructure.DataDirectoryLock;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.mlc.ledger.ops.support.TestLedger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;

/** The packaged command line: Spring Boot finds the database, picocli runs the command. */
@ExtendWith(OutputCaptureExtension.class)
class OpsApplicationTest {

    /** Stands for MLC_DATA_DIR: the embedded PostgreSQL of currency-api lives in its postgres/ directory. */
    @TempDir
    static Path dataDir;

    @BeforeAll
    static void ledgerLeftByTheApplication() throws IOException {
        try (EmbeddedPostgres postgres = applicationDatabase()) {
            TestLedger ledger = new TestLedger(postgres.getPostgresDatabase());
            ledger.createTables();
            ledger.balancedLedger();
        }
    }

    private static EmbeddedPostgres applicationDatabase() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .start();
    }

    /** Runs the application as {@code main} does, with these settings in place of environment variables. */
    private static int run(Map<String, Object> settings, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return SpringApplication.exit(new SpringApplicationBuilder(OpsApplication.class)
                .environment(environment)
                .run(args));
    }

    @Test
    void startsTheEmbeddedDatabaseOfTheDataDirectoryAndReconcilesIt(CapturedOutput output) {
        int exitCode = run(Map.of("mlc.data-dir", dataDir.toString()), "reconcile");

        assertThat(exitCode).as(output.getAll()).isZero();
        assertThat(output.getOut())
                .contains("Starting embedded PostgreSQL with data in " + dataDir.resolve("postgres"))
                // the balanced ledger's ten events and the BonusDrawn of its conversion with a bonus
                .contains("events read     11")
                .contains("RESULT: OK");
    }

    @Test
    void readsTheDatabaseNamedBySpringDatasourceUrl(CapturedOutput output) throws IOException {
        try (EmbeddedPostgres server = applicationDatabase()) {
            int exitCode = run(Map.of(
                    "spring.datasource.url", server.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", ""), "reconcile");

            assertThat(exitCode).as(output.getAll()).isZero();
            assertThat(output.getOut())
                    .contains("Reconciling the ledger in jdbc:postgresql://localhost:" + server.getPort() + "/postgres")
                    .doesNotContain("Starting embedded PostgreSQL")
                    .contains("RESULT: OK");
        }
    }

    @Test
    void embeddedDatabaseInUseByTheApplicationIsAClearErrorAndExitsTwo(CapturedOutput output) throws IOException {
        try (EmbeddedPostgres applicationRunning = applicationDatabase()) {
            int exitCode = run(Map.of("mlc.data-dir", dataDir.toString()), "reconcile");

            assertThat(exitCode).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);
            assertThat(output.getErr())
                    .contains("reconcile: The embedded PostgreSQL in " + dataDir.resolve("postgres")
                            + " is in use by another process, most likely currency-api")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void dataDirectoryHeldByTheApplicationIsOneLineForEveryCommandThatOpensTheDatabase(CapturedOutput output,
                                                                                     @TempDir Path outDir)
            throws IOException {
        // what currency-api holds while it runs (this process stands for it)
        try (DataDirectoryLock applicationRunning = DataDirectoryLock.acquire(dataDir)) {
            Map<String, Object> settings = Map.of("mlc.data-dir", dataDir.toString());
            int reconcile = run(settings, "reconcile");
            int export = run(settings, "export", "fec", "--from", "2026-01-01", "--to", "2026-01-31",
                    "--out", outDir.resolve("FEC.txt").toString());
            int replay = run(settings, "replay", "--all");
            int seed = run(settings, "seed", "demo");

            assertThat(List.of(reconcile, export, replay, seed)).containsOnly(ReconcileCommand.EXIT_COULD_NOT_RUN);
            String held = ": Another MLC Ledger process (pid " + ProcessHandle.current().pid()
                    + ") uses the data directory " + dataDir.toRealPath() + ": ";
            assertThat(output.getErr().lines().filter(line -> !line.isBlank()))
                    .as(output.getAll())
                    .containsExactly("reconcile" + held + HELD_ADVICE, "export" + held + HELD_ADVICE,
                            "replay" + held + HELD_ADVICE, "seed" + held + HELD_ADVICE);
            assertThat(output.getAll()).doesNotContain("Exception").doesNotContain("Starting embedded PostgreSQL");
        }
    }

    private static final String HELD_ADVICE = "currency-api, or currency-ops, which needs the application stopped "
            + "(one process at a time on an embedded database). Stop it first, or run against a database server with "
            + "SPRING_DATASOURCE_URL.";

    @Test
    void dataDirectoryWithoutDatabaseIsRefusedAndLeftUntouched(CapturedOutput output, @TempDir Path emptyDir) {
        int exitCode = run(Map.of("mlc.data-dir", emptyDir.toString()), "reconcile");

        assertThat(exitCode).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);
        assertThat(output.getErr()).contains("There is no database in " + emptyDir.resolve("postgres"));
        assertThat(Files.exists(emptyDir.resolve("postgres"))).isFalse();
    }

    @Test
    void helpStartsNoDatabase(CapturedOutput output, @TempDir Path emptyDir) {
        int exitCode = run(Map.of("mlc.data-dir", emptyDir.toString()), "reconcile", "--help");

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("Usage: currency-ops reconcile").contains("Exit codes:");
        assertThat(output.getAll()).doesNotContain("Starting embedded PostgreSQL");
    }

    /** As {@code main} runs: picocli first, the Spring context ({@link #run}) only for a command to run. */
    private static int runAsMain(Map<String, Object> settings, String... args) {
        return OpsApplication.execute(args, arguments -> run(settings, arguments));
    }

    /** Stands for the Spring context where none may start: starting it fails the test. */
    private static final ToIntFunction<String[]> NO_CONTEXT = args -> {
        throw new AssertionError("a Spring context was started for " + List.of(args));
    };

    @Test
    void helpOfTheToolAndOfEachCommandStartsNoApplicationContext(CapturedOutput output) {
        for (String[] help : List.of(new String[] {"--help"}, new String[] {"help"}, new String[] {"help", "export"},
                new String[] {"export", "--help"}, new String[] {"replay", "-h"}, new String[] {"seed", "--help"},
                new String[] {"reconcile", "--help"}, new String[] {"bench", "store", "--help"},
                new String[] {"--version"})) {
            assertThat(OpsApplication.execute(help, NO_CONTEXT)).as(List.of(help).toString()).isZero();
        }
        assertThat(output.getOut())
                .contains("Usage: currency-ops [-hV] [--verbose] [COMMAND]")
                .contains("Usage: currency-ops export")
                .contains("Usage: currency-ops replay")
                .contains("Usage: currency-ops seed")
                .contains("Usage: currency-ops bench store");
    }

    @Test
    void optionsThatAreMapsAreReadBeforeTheContextStarts() {
        // picocli asks the factory for the Map of a NAME=value option: an interface, which has no constructor
        String[] settings = {"bench", "--app-env", "MLC_DB_POOL_SIZE=30", "--postgres-setting", "commit_delay=200"};
        assertThat(OpsApplication.execute(settings, arguments -> 42)).isEqualTo(42);
    }

    @Test
    void mistypedArgumentsAreTwoLinesWithoutUsageNorContext(CapturedOutput output) {
        for (String[] wrong : List.of(new String[] {"bogus"}, new String[] {"reconcile", "--bogus"},
                new String[] {"export", "foo", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "x"},
                new String[] {"export", "fec", "--from", "2026-13-01", "--to", "2026-01-31", "--out", "x"},
                new String[] {"export", "fec"}, new String[] {"seed", "demo", "--members", "many"})) {
            int before = output.getErr().length();

            int exitCode = OpsApplication.execute(wrong, NO_CONTEXT);

            String err = output.getErr().substring(before);
            assertThat(exitCode).as(List.of(wrong).toString()).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.lines()).as(err).hasSize(2);
            assertThat(err).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Usage:");
        }
        assertThat(output.getErr())
                .contains("currency-ops: Unmatched argument at index 0: 'bogus'")
                .contains("export: Invalid value for option '--from': '2026-13-01' is not a day such as 2026-01-31")
                .contains("See 'currency-ops export --help'.");
    }

    @Test
    void outputIntoADirectoryThatDoesNotExistIsOneLineAndExitsTwo(CapturedOutput output, @TempDir Path outDir) {
        Path missing = outDir.resolve("nonexistent").resolve("FEC.txt");

        int exitCode = runAsMain(Map.of("mlc.data-dir", dataDir.toString()), "export", "fec", "--from",
                "2026-01-01", "--to", "2026-01-31", "--out", missing.toString());

        assertThat(exitCode).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);
        assertThat(output.getErr().lines().filter(line -> !line.isBlank()))
                .containsExactly("export: cannot write " + missing + ": no such directory");
        assertThat(output.getAll()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void verboseAddsTheStackTraceOfAFailure(CapturedOutput output, @TempDir Path outDir) {
        Path missing = outDir.resolve("nonexistent").resolve("entries.csv");

        int exitCode = runAsMain(Map.of("mlc.data-dir", dataDir.toString()), "export", "entries", "--from",
                "2026-01-01", "--to", "2026-01-31", "--out", missing.toString(), "--verbose");

        assertThat(exitCode).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);
        assertThat(output.getErr())
                .startsWith("export: cannot write " + missing + ": no such directory")
                .contains("java.nio.file.NoSuchFileException: " + missing)
                .contains("at org.mlc.ledger.ops.export.ExportCommand");
    }

    @Test
    void unknownCurrencyIsAnErrorNamingItAndWritesNoFile(CapturedOutput output, @TempDir Path outDir) {
        Path out = outDir.resolve("supply.csv");

        int exitCode = runAsMain(Map.of("mlc.data-dir", dataDir.toString()), "export", "supply", "--currency", "FOO",
                "--from", "2026-01-01", "--to", "2026-01-31", "--out", out.toString());

        assertThat(exitCode).isEqualTo(ReconcileCommand.EXIT_COULD_NOT_RUN);
        assertThat(output.getErr().lines().filter(line -> !line.isBlank()).toList())
                .singleElement().asString().startsWith("export: unknown currency FOO; known: ");
        assertThat(out).doesNotExist();
    }

    @Test
    void withoutCommandPrintsUsageAndExitsTwo(CapturedOutput output) {
        int exitCode = run(Map.of("mlc.data-dir", dataDir.toString()));

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("Usage: currency-ops").contains("reconcile");
    }
}
