package org.mlc.ledger.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlc.ledger.ops.OpsApplication;
import org.mlc.ledger.ops.support.TestLedger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded set-up's backup of docs/operations.md, done as written: the data directory copied
 * while the database is stopped, wiped, copied back; reconcile and verify then pass on it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackupRestoreTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path backups;

    private static int run(Map<String, Object> settings, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return SpringApplication.exit(new SpringApplicationBuilder(OpsApplication.class).environment(environment)
                .run(args));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                // as cp -a: PostgreSQL refuses a data directory others may read (it must be 0700)
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void wipe(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    @Test
    void aDataDirectoryCopiedWhileStoppedRestoresALedgerThatReconcilesAndVerifies(CapturedOutput output)
            throws IOException {
        Path postgres = dataDir.resolve("postgres");
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setDataDirectory(postgres)
                .setCleanDataDirectory(false).start()) {
            TestLedger ledger = new TestLedger(database.getPostgresDatabase());
            ledger.createTables();
            ledger.balancedLedger();
        }
        Map<String, Object> settings = Map.of("mlc.data-dir", dataDir.toString());
        assertThat(run(settings, "seal")).as(output.getAll()).isZero();
        assertThat(output.getOut()).contains("sealed 11 events in 1 seals through global index 11");

        // the backup: the application and the tool stopped, the directory copied
        Path backup = backups.resolve("mlc-backup");
        copy(postgres, backup);
        wipe(postgres);
        assertThat(run(settings, "verify")).as("nothing left to verify after the wipe").isEqualTo(2);

        copy(backup, postgres);

        assertThat(run(settings, "reconcile")).as(output.getAll()).isZero();
        assertThat(run(settings, "verify")).as(output.getAll()).isZero();
        assertThat(output.getOut()).contains("events read     11 in 1 seals of 1 chain(s)")
                .contains("RESULT: OK, every seal matches its events");
    }
}
