package org.mlc.ledger.api.infrastructure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (the aid expiry, the hold expiry, the bulk jobs' safety net). Each guards itself
 * with {@link ClusterJobLock}, so several nodes may schedule the same job. Off in the operator
 * tool, which reuses the application's components ({@code mlc.scheduling.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "mlc.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class SchedulingConfiguration {
}
