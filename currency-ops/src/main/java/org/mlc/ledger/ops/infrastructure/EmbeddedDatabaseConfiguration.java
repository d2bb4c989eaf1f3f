package org.mlc.ledger.ops.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url}, the operator tools open the embedded PostgreSQL of
 * currency-api in {@code MLC_DATA_DIR} the way the application does. PostgreSQL allows one server
 * per data directory, so this works only while the application is stopped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    // zonky's own shutdown hook races Spring's: Spring closes it, after everything that uses it.
    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(@Value("${mlc.data-dir}") String dataDir,
                                             @Value("${mlc.embedded.synchronous-commit}") String synchronousCommit,
                                             DatabaseCreation creation) {
        Path directory = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        // A read-only tool pointed at the wrong directory must not quietly create an empty database there.
        if (!creation.allowed() && !Files.isRegularFile(directory.resolve("PG_VERSION"))) {
            throw new DatabaseUnavailableException("There is no database in " + directory + ". Set MLC_DATA_DIR to "
                    + "the data directory of currency-api (default ./data, relative to where it runs), or "
                    + "SPRING_DATASOURCE_URL to its database server.");
        }
        log.info("Starting embedded PostgreSQL with data in {}", directory);
        try {
            Files.createDirectories(directory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", synchronousCommit)
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw startFailed(directory, e);
        }
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres) {
        // DataSourceProperties would want a driver class or URL among the settings, and there is none.
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("")
                .build();
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
