package org.mlc.ledger.api.observability;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.slf4j.MDC;

/**
 * Puts the correlation id of the request that caused an event in the log context while a
 * processor (projection or saga) handles it, so a saga's log lines carry the request's id.
 */
public class EventCorrelationMdc implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(IdempotentCommands.CORRELATION_ID);
        if (correlationId == null) {
            return chain.proceed();
        }
        MDC.put(MessageMetrics.MDC_KEY, correlationId.toString());
        try {
            return chain.proceed();
        } finally {
            MDC.remove(MessageMetrics.MDC_KEY);
        }
    }
}
