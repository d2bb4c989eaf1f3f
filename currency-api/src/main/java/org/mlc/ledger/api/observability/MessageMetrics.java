package org.mlc.ledger.api.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Command latency ({@code mlc.commands{command,outcome}}, a timer), events appended
 * ({@code mlc.events.appended}, counted once committed), and the request's correlation id in
 * the log context of whatever thread handles its commands.
 */
@Configuration(proxyBeanMethods = false)
public class MessageMetrics {

    static final String MDC_KEY = "correlationId";

    @Autowired
    void register(CommandBus commandBus, EventBus eventBus, MeterRegistry meters) {
        commandBus.registerHandlerInterceptor(new CommandTiming(meters));
        Counter appended = Counter.builder("mlc.events.appended")
                .description("events committed to the event store by this node")
                .register(meters);
        eventBus.registerDispatchInterceptor(new CountCommitted(appended));
    }

    /** Times each command's handling, tagged with its name and whether it succeeded. */
    static final class CommandTiming implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final MeterRegistry meters;

        CommandTiming(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            CommandMessage<?> command = unitOfWork.getMessage();
            String name = command.getPayloadType().getSimpleName();
            Object correlationId = command.getMetaData().get(IdempotentCommands.CORRELATION_ID);
            String previous = MDC.get(MDC_KEY);
            if (correlationId != null) {
                MDC.put(MDC_KEY, correlationId.toString());
            }
            long started = System.nanoTime();
            String outcome = "error";
            try {
                Object result = chain.proceed();
                outcome = "ok";
                return result;
            } finally {
                Timer.builder("mlc.commands")
                        .description("command handling time, from the handler's start to its result")
                        .tag("command", name)
                        .tag("outcome", outcome)
                        .register(meters)
                        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                if (previous == null) {
                    MDC.remove(MDC_KEY);
                } else {
                    MDC.put(MDC_KEY, previous);
                }
            }
        }
    }

    /** Counts events once their unit of work has committed (a rolled-back append is not counted). */
    static final class CountCommitted implements MessageDispatchInterceptor<EventMessage<?>> {

        private final Counter appended;

        CountCommitted(Counter appended) {
            this.appended = appended;
        }

        @Override
        public java.util.function.BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                List<? extends EventMessage<?>> messages) {
            int count = messages.size();
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(u -> appended.increment(count));
            } else {
                appended.increment(count);
            }
            return (index, message) -> message;
        }
    }
}
