package org.mlc.ledger.api.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registers the command-side interceptors on Axon's command bus. */
@Configuration(proxyBeanMethods = false)
public class CommandInterceptors {

    @Autowired
    void register(CommandBus commandBus, JdbcTemplate jdbc, ObjectMapper objectMapper) {
        commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(jdbc, objectMapper));
    }
}
