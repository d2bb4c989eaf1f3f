package org.mlc.ledger.api.infrastructure;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each event's metadata carries. Kept apart from {@link CommandInterceptors}: Axon builds
 * its configuration (hence the command bus) from these beans.
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationConfiguration {

    /**
     * Who did it (user, role, counter), under which Idempotency-Key and correlation id: copied
     * from each command to the events it causes, and on through sagas to their commands and events.
     */
    @Bean
    public CorrelationDataProvider whoDidItProvider() {
        return new SimpleCorrelationDataProvider(IdempotentCommands.METADATA_KEYS);
    }

    /**
     * Axon's own origin tracking, which declaring a provider turns off otherwise. Its keys are
     * renamed: "correlationId" is the request's correlation id here, not the parent message id.
     */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }
}
