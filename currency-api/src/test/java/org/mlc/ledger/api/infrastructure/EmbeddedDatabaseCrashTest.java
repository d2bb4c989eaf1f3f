package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 of the application (the OOM killer) leaves its embedded PostgreSQL running, as zonky
 * starts it through pg_ctl. The next start on the same data directory must recover, and a second
 * process on a directory in use must be refused without touching the first.
 */
class EmbeddedDatabaseCrashTest {

    @TempDir
    Path dataDir;

    private final List<Long> servers = new ArrayList<>();

    @Test
    void aStartAfterKillMinusNineStopsTheServerLeftRunningAndFindsEveryCommittedRow() throws Exception {
        EmbeddedDatabaseProcess first = EmbeddedDatabaseProcess.start(dataDir);
        long orphan = postmasterPid();
        first.process.destroyForcibly().waitFor();
        assertThat(alive(orphan)).as("what kill -9 leaves behind").isTrue();

        try (AnnotationConfigApplicationContext second = EmbeddedDatabaseProcess.database(dataDir)) {
            JdbcTemplate jdbc = new JdbcTemplate(second.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM crash_probe", Long.class))
                    .isEqualTo(EmbeddedDatabaseProcess.ROWS);
            assertThat(alive(orphan)).isFalse();
            assertThat(postmasterPid()).isNotEqualTo(orphan);
            jdbc.update("INSERT INTO crash_probe VALUES (?)", EmbeddedDatabaseProcess.ROWS + 1);
        }
    }

    @Test
    void aSecondProcessOnADataDirectoryInUseIsRefusedAndTheFirstGoesOn() throws Exception {
        try (EmbeddedDatabaseProcess first = EmbeddedDatabaseProcess.start(dataDir)) {
            long server = postmasterPid();

            assertThatThrownBy(() -> EmbeddedDatabaseProcess.database(dataDir))
                    .rootCause()
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageStartingWith("Another MLC Ledger process (pid " + first.process.pid()
                            + ") uses the data directory " + dataDir.toRealPath());

            assertThat(first.process.isAlive()).isTrue();
            assertThat(postmasterPid()).isEqualTo(server);
            try (Connection connection = DriverManager.getConnection(first.jdbcUrl);
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO crash_probe VALUES (" + (EmbeddedDatabaseProcess.ROWS + 1) + ")");
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM crash_probe")) {
                    count.next();
                    assertThat(count.getLong(1)).isEqualTo(EmbeddedDatabaseProcess.ROWS + 1);
                }
            }
        }
    }

    @Test
    void aSecondContextOfTheSameProcessIsRefusedToo() {
        try (AnnotationConfigApplicationContext first = EmbeddedDatabaseProcess.database(dataDir)) {
            first.getBean(DataSource.class);

            assertThatThrownBy(() -> EmbeddedDatabaseProcess.database(dataDir))
                    .rootCause()
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageStartingWith("Another MLC Ledger process (pid " + ProcessHandle.current().pid() + ")");
            assertThat(new JdbcTemplate(first.getBean(DataSource.class)).queryForObject("SELECT 1", Integer.class))
                    .isEqualTo(1);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anApplicationRefusedTheDirectorySaysWhyWithoutAStackTrace(CapturedOutput output) throws Exception {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dataDir)) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(EmbeddedDatabaseConfiguration.class)
                    .web(WebApplicationType.NONE)
                    .run("--mlc.data-dir=" + dataDir, "--mlc.embedded.synchronous-commit=on"))
                    .rootCause()
                    .isInstanceOf(DatabaseUnavailableException.class);
        }
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Another MLC Ledger process (pid " + ProcessHandle.current().pid()
                        + ") uses the data directory " + dataDir.toRealPath())
                .doesNotContain("\tat ");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aStalePostmasterPidNamingAnUnrelatedLiveProcessIsRemovedBeforeTheStart(CapturedOutput output) throws Exception {
        EmbeddedDatabaseProcess.database(dataDir).close();
        // as after a crash and a reboot, when the number went to another process (this JVM, not a PostgreSQL)
        Files.writeString(dataDir.resolve("postgres/postmaster.pid"), ProcessHandle.current().pid() + "\n"
                + dataDir.resolve("postgres") + "\n", StandardCharsets.US_ASCII);

        try (AnnotationConfigApplicationContext again = EmbeddedDatabaseProcess.database(dataDir)) {
            assertThat(new JdbcTemplate(again.getBean(DataSource.class)).queryForObject("SELECT 1", Integer.class))
                    .isEqualTo(1);
        }
        // PostgreSQL run as another user than the process it names would start anyway; as the same user it would not
        assertThat(output.getAll()).contains("postmaster.pid in " + dataDir.toRealPath().resolve("postgres")
                + " names process " + ProcessHandle.current().pid() + ", which is not a PostgreSQL server of this "
                + "directory: removing the stale file");
    }

    private long postmasterPid() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        servers.add(pid);
        return pid;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    // a failing run must not leave its servers behind
    @AfterEach
    void stopServersLeftRunning() {
        for (long pid : servers) {
            Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            server.ifPresent(ProcessHandle::destroy);
        }
    }
}
