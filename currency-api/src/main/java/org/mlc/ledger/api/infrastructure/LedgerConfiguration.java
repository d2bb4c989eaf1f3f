package org.mlc.ledger.api.infrastructure;

import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.MlcLedgerApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The ledger without its web side: Axon's configuration (aggregates, command handlers, saga, event
 * store), the metadata its events carry, and every projection (each {@code @ProcessingGroup}
 * component, found by that annotation so a new one needs no line here) with the few beans they use.
 * The application scans it with everything else; the operator tool (currency-ops' LedgerRuntime)
 * starts only this, for {@code replay} and {@code seed}, on its own database.
 */
@Configuration(proxyBeanMethods = false)
@Import({AxonConfiguration.class, CorrelationConfiguration.class, CommandInterceptors.class,
        ClockConfiguration.class, GlobalIndex.class})
@ComponentScan(basePackageClasses = MlcLedgerApplication.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ProcessingGroup.class))
public class LedgerConfiguration {
}
