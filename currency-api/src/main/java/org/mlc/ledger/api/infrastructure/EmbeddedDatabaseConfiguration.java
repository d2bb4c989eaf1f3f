package org.mlc.ledger.api.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url}, the application runs its own PostgreSQL whose data
 * lives in {@code MLC_DATA_DIR}, so that one command runs the whole system and a restart keeps
 * the ledger. The operator tool (currency-ops) imports this same configuration to open that
 * database while the application is stopped (PostgreSQL allows one server per data directory);
 * with its {@link DatabaseCreation} it refuses to create one where there is none.
 * <p>
 * One process at a time uses the directory: the {@link DataDirectoryLock}, held for the life of
 * the process, refuses a second one. A server left running by a process killed outright (zonky
 * starts it through {@code pg_ctl}, so it is no child of the JVM) is stopped at the next start
 * ({@link OrphanedPostgres}); every committed transaction is kept (its own shutdown writes them
 * out, or, had it to be killed, its crash recovery replays them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * Held from before the server starts until after it has stopped (Spring destroys the server
     * first, as it depends on this). A read-only tool pointed at the wrong directory must not
     * quietly create an empty database there, nor a directory for this lock.
     */
    @Bean(destroyMethod = "close")
    public DataDirectoryLock dataDirectoryLock(@Value("${mlc.data-dir}") String dataDir,
                                               ObjectProvider<DatabaseCreation> creation) {
        Path directory = postgresDirectory(dataDir);
        DatabaseCreation mayCreate = creation.getIfAvailable();
        if (mayCreate != null && !mayCreate.allowed() && !Files.isRegularFile(directory.resolve("PG_VERSION"))) {
            throw new DatabaseUnavailableException("There is no database in " + directory + ". Set MLC_DATA_DIR to "
                    + "the data directory of currency-api (default ./data, relative to where it runs), or "
                    + "SPRING_DATASOURCE_URL to its database server.");
        }
        return DataDirectoryLock.acquire(directory.getParent());
    }

    // zonky's own shutdown hook races Spring's and kills the database under running processors:
    // Spring closes it, after everything that uses it.
    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(DataDirectoryLock lock,
                                             @Value("${mlc.embedded.synchronous-commit}") String synchronousCommit,
                                             @Value("${mlc.embedded.port:0}") int port) {
        Path directory = lock.directory().resolve("postgres");
        // with the lock held, a server still running here was left by a process that died
        OrphanedPostgres.stopIfAny(directory);
        log.info("Starting embedded PostgreSQL with data in {}", directory);
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", synchronousCommit)
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw startFailed(directory, e);
        }
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("mlc-embedded");
        return dataSource;
    }

    private static Path postgresDirectory(String dataDir) {
        return Path.of(dataDir, "postgres").toAbsolutePath().normalize();
    }

    private static DatabaseUnavailableException startFailed(Path directory, Exception failure) {
        if (lockedByAnotherServer(failure)) {
            return new DatabaseUnavailableException("The embedded PostgreSQL in " + directory + " is in use by another "
                    + "process, most likely currency-api (PostgreSQL allows one server per data directory). Stop the "
                    + "application first, or run against its database server with SPRING_DATASOURCE_URL.", failure);
        }
        String hint = Files.exists(directory.resolve("postmaster.pid"))
                ? " A PostgreSQL server may still be running on it (postmaster.pid exists): stop it first."
                : "";
        return new DatabaseUnavailableException("Could not start the embedded PostgreSQL in " + directory + ": "
                + failure.getMessage() + "." + hint, failure);
    }

    // zonky locks epg-lock in the data directory: another process gets "could not lock", this JVM an overlap.
    private static boolean lockedByAnotherServer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OverlappingFileLockException
                    || (t.getMessage() != null && t.getMessage().contains("could not lock"))) {
                return true;
            }
        }
        return false;
    }
}
