package org.mlc.ledger.api.infrastructure;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (the aid expiry, the bulk jobs' safety net). Each guards itself with
 * {@link ClusterJobLock}, so several nodes may schedule the same job.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SchedulingConfiguration {
}
