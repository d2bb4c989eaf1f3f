package org.mlc.ledger.api.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the first answer to an Idempotency-Key in the same transaction as the command's
 * events: either both are stored, or neither. The key is its user's ({@link #OWNER}): a concurrent
 * second request of the same user with the same key blocks on the key's primary key (user, scope,
 * key) until the first commits, then fails and replays its answer.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The user whose key it is ("" for none), set by IdempotentCommands; not copied onto events. */
    public static final String OWNER = "idempotencyUser";
    public static final String SCOPE = "idempotencyScope";
    public static final String KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "requestHash";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public IdempotencyInterceptor(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(KEY);
        // Only a command sent by IdempotentCommands has the hash; the key alone is also found on
        // commands a saga sends (it is copied from event to command as the request's trace).
        if (key == null || command.getMetaData().get(REQUEST_HASH) == null) {
            return chain.proceed();
        }
        Object result = chain.proceed();
        Object owner = command.getMetaData().get(OWNER);
        jdbc.update("INSERT INTO idempotency_key (username, scope, idem_key, request_hash, result_type, result_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                owner == null ? "" : owner, command.getMetaData().get(SCOPE), key, command.getMetaData().get(REQUEST_HASH),
                result == null ? "null" : result.getClass().getName(), objectMapper.writeValueAsString(result));
        return result;
    }
}
