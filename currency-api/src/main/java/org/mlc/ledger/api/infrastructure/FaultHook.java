package org.mlc.ledger.api.infrastructure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.payment.TransferDebited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEST ONLY: kills the JVM at a named point, for the fault tests (a crash between the two steps
 * of a transfer). Off unless both {@code mlc.test-faults.enabled=true} and
 * {@code mlc.test-faults.halt-at} are set; the application logs an ERROR line at start-up when
 * it is on. {@link Runtime#halt} stops the process at once, like a power cut: no shutdown hook,
 * no commit of what is in progress.
 */
public final class FaultHook implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The points where the hook can halt the JVM. */
    public enum Point {
        /**
         * The payer's debit is committed (TransferDebited stored); the saga has not handled it yet.
         * Since a payment through the API credits its payee in the same unit of work, the credit is
         * committed too at this point: only a transfer an older version debited on its own (stored
         * before one-commit payments) still waits for the saga here.
         */
        AFTER_DEBIT_BEFORE_CREDIT,
        /**
         * Inside a payment's unit of work: the payer's debit and the payee's credit are recorded
         * but not committed. A crash here must leave neither.
         */
        BETWEEN_DEBIT_AND_CREDIT_BEFORE_COMMIT
    }

    /** Exit status of a halted JVM, for the test that expects it. */
    public static final int HALT_STATUS = 137;

    private static final Logger log = LoggerFactory.getLogger(FaultHook.class);

    private final Point point;

    public FaultHook(Point point) {
        this.point = point;
        log.error("TEST FAULT HOOK ON: this process halts at {}. Never run a ledger like this.", point);
    }

    public Point point() {
        return point;
    }

    /** The command side of the hook: halts a payment's unit of work just before it commits. */
    public MessageHandlerInterceptor<CommandMessage<?>> onCommands() {
        return (unitOfWork, chain) -> {
            if (point == Point.BETWEEN_DEBIT_AND_CREDIT_BEFORE_COMMIT
                    && unitOfWork.getMessage().getPayload() instanceof MakePayment payment) {
                unitOfWork.onPrepareCommit(u -> {
                    log.error("TEST FAULT HOOK: halting inside payment {}, debited and credited, before the commit",
                            payment.transferId());
                    Runtime.getRuntime().halt(HALT_STATUS);
                });
            }
            return chain.proceed();
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (point == Point.AFTER_DEBIT_BEFORE_CREDIT
                && unitOfWork.getMessage().getPayload() instanceof TransferDebited debited) {
            log.error("TEST FAULT HOOK: halting after the debit of transfer {}, before its credit",
                    debited.transferId());
            Runtime.getRuntime().halt(HALT_STATUS);
        }
        return chain.proceed();
    }
}
