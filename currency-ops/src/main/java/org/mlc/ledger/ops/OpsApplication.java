package org.mlc.ledger.ops;

import org.mlc.ledger.api.infrastructure.DatabaseCreation;
import org.mlc.ledger.api.infrastructure.EmbeddedDatabaseConfiguration;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.mlc.ledger.ops.runtime.LedgerRuntime;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * {@code java -jar currency-ops.jar reconcile}: Spring Boot gives the database (the same
 * environment variables as currency-api), picocli the commands.
 * <p>
 * currency-api's classes and their dependencies (Axon, web, security) are on the classpath for
 * {@code replay} and {@code seed}, which start the application's Axon part in a child context
 * ({@link LedgerRuntime}). This context therefore configures only the database, explicitly: a
 * read-only {@code reconcile} or {@code export} must not start Axon's processors.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@ComponentScan(basePackageClasses = OpsApplication.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LedgerRuntime.class))
// currency-api's own embedded database, opened the way the application opens it
@Import(EmbeddedDatabaseConfiguration.class)
public class OpsApplication implements CommandLineRunner, ExitCodeGenerator {

    private final ApplicationContext context;
    private int exitCode;

    public OpsApplication(ApplicationContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OpsApplication.class);
        // The arguments are picocli's; Spring's settings come from the environment, as for currency-api.
        application.setAddCommandLineProperties(false);
        int exitCode;
        try {
            exitCode = SpringApplication.exit(application.run(args));
        } catch (RuntimeException e) {
            // Spring Boot has reported why it could not start.
            exitCode = ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        System.exit(exitCode);
    }

    /** Only {@code seed demo} and {@code bench store} may create the embedded database where there is none. */
    @Bean
    DatabaseCreation databaseCreation() {
        return new DatabaseCreation();
    }

    @Override
    public void run(String... args) {
        exitCode = OpsCommand.commandLine(new SpringFactory(context)).execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Commands that are Spring beans come from the context, anything else picocli makes itself. */
    private record SpringFactory(ApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return context.getBean(type);
            } catch (NoSuchBeanDefinitionException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
