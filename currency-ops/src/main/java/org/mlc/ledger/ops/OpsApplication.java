package org.mlc.ledger.ops;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToIntFunction;
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
        System.exit(execute(args, OpsApplication::inSpring));
    }

    /**
     * Help, a version, the usage and mistyped arguments are answered by picocli alone (starting
     * Spring took seconds): the Spring context ({@code inSpring}) is started only for a command to run.
     */
    static int execute(String[] args, ToIntFunction<String[]> inSpring) {
        CommandLine offline = OpsCommand.commandLine(new Unwired());
        CommandLine.ParseResult parsed;
        try {
            parsed = offline.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            // picocli parses again and answers through the command line's handler
            return offline.execute(args);
        } catch (RuntimeException e) {
            offline.getErr().println("currency-ops: " + Failures.describe(e));
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        if (OpsCommand.onlyHelp(parsed)) {
            return offline.execute(args);
        }
        return inSpring.applyAsInt(args);
    }

    private static int inSpring(String[] args) {
        SpringApplication application = new SpringApplication(OpsApplication.class);
        // The arguments are picocli's; Spring's settings come from the environment, as for currency-api.
        application.setAddCommandLineProperties(false);
        try {
            return SpringApplication.exit(application.run(args));
        } catch (RuntimeException e) {
            // Spring Boot has reported why it could not start.
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
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

    /**
     * For help only: each command made with nothing where its Spring dependencies go. A command
     * touches them only when it runs, and these instances never run.
     */
    private static final class Unwired implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            // picocli also asks for the collections of its options (a Map for NAME=value): interfaces,
            // without constructors, that its own factory knows how to make
            Constructor<?> fewest = Arrays.stream(type.getDeclaredConstructors())
                    .min(Comparator.comparingInt(Constructor::getParameterCount))
                    .orElse(null);
            if (fewest == null || fewest.getParameterCount() == 0) {
                return CommandLine.defaultFactory().create(type);
            }
            fewest.setAccessible(true);
            return type.cast(fewest.newInstance(new Object[fewest.getParameterCount()]));
        }
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
