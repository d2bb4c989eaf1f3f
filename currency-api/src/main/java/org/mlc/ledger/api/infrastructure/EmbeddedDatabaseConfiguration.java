package org.mlc.ledger.api.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url}, the application runs its own PostgreSQL whose data
 * lives in {@code MLC_DATA_DIR}, so that one command runs the whole system and a restart keeps
 * the ledger.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    // zonky's own shutdown hook races Spring's and kills the database under running processors:
    // Spring closes it, after everything that uses it.
    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(@Value("${mlc.data-dir}") String dataDir,
                                             @Value("${mlc.embedded.synchronous-commit}") String synchronousCommit,
                                             @Value("${mlc.embedded.port:0}") int port) throws IOException {
        Path directory = Path.of(dataDir, "postgres").toAbsolutePath();
        Files.createDirectories(directory);
        log.info("Starting embedded PostgreSQL with data in {}", directory);
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
}
