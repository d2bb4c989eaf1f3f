package org.mlc.ledger.ops.runtime;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.mlc.ledger.api.infrastructure.CoordinatorWakeUps;
import org.mlc.ledger.api.infrastructure.LedgerConfiguration;
import org.mlc.ledger.api.status.Projections;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * currency-api's ledger without its web side ({@link LedgerConfiguration}: the same Axon
 * configuration, aggregates, saga and projections), on the operator tool's database.
 * {@code replay} resets its processors and {@code seed} sends it commands. It runs as a child of
 * the operator context, whose DataSource (and embedded PostgreSQL) it shares: one server per data
 * directory.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@Import(LedgerConfiguration.class)
public class LedgerRuntime {

    /**
     * Events per batch of a projection's processor here (currency-api's: 100): a replay commits
     * once per batch, and its statements write a whole batch at once. A whole buffer of Axon's work
     * package: with 1,000, each buffer was booked as 1,000 events and then a batch of 24.
     */
    public static final int PROJECTION_BATCH_SIZE = CoordinatorWakeUps.AXON_BUFFER_SIZE;

    /** Events per query of a processor's stream (Axon's default: 100). */
    public static final int READ_BATCH_SIZE = 1_000;

    /** Starts the runtime; close it to stop its processors before the database goes. */
    public static ConfigurableApplicationContext start(ConfigurableApplicationContext parent) {
        // The operator context's database first, on its own: a database that cannot start (in use by
        // currency-api) is then one exception to report, not a failed child start logged bean by bean.
        parent.getBean(DataSource.class);
        ConfigurableEnvironment environment = new StandardEnvironment();
        // The operator context is lazy (--help starts nothing); Axon's processors must start here.
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.main.lazy-initialization", "false",
                "spring.main.web-application-type", "none",
                "spring.flyway.enabled", "true",
                // the application's scheduled jobs (expiries, bulk jobs) are not the operator's to run
                "mlc.scheduling.enabled", "false",
                "mlc.event-store.read-batch-size", READ_BATCH_SIZE));
        // not the saga's: its batch of 1 is about locks held by live payments, not throughput
        for (String group : Projections.groups()) {
            properties.put("axon.eventhandling.processors." + group + ".batch-size", PROJECTION_BATCH_SIZE);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("ops-runtime", properties));
        for (PropertySource<?> source : parent.getEnvironment().getPropertySources()) {
            if (!environment.getPropertySources().contains(source.getName())) {
                environment.getPropertySources().addLast(source);
            }
        }
        return new SpringApplicationBuilder(LedgerRuntime.class)
                .parent(parent)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run();
    }
}
