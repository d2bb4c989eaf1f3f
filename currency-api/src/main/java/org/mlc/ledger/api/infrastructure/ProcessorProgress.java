package org.mlc.ledger.api.infrastructure;

import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Rung each time a streaming processor of this node commits a batch, so that requests waiting for
 * the views to show a change wake when a processor moves instead of polling. Polling every half
 * millisecond from each waiting request thread cost more CPU than the payments themselves under
 * load (docs/performance.md); a waiter still looks again after {@link #MAX_WAIT_NANOS} at most,
 * for what no signal announces (a processor that skips events it has no handler for, segments
 * held by another node).
 */
public final class ProcessorProgress {

    /** The longest a waiter sleeps without a signal before it looks again. */
    public static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final String REGISTERED = ProcessorProgress.class.getName();

    private final Object monitor = new Object();
    private long version;

    /** How many batches have been committed so far: pass it to {@link #awaitAfter}. */
    public long version() {
        synchronized (monitor) {
            return version;
        }
    }

    /**
     * Sleeps until a batch is committed after {@code seenVersion} was read, or at most
     * {@code maxWaitNanos} (bounded by {@link #MAX_WAIT_NANOS}). A signal between reading the
     * version and calling this is not lost: the version has moved and this returns at once.
     */
    public void awaitAfter(long seenVersion, long maxWaitNanos) {
        long waitNanos = Math.min(maxWaitNanos, MAX_WAIT_NANOS);
        if (waitNanos <= 0) {
            return;
        }
        long deadline = System.nanoTime() + waitNanos;
        synchronized (monitor) {
            long left = waitNanos;
            while (version == seenVersion && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                left = deadline - System.nanoTime();
            }
        }
    }

    void advanced() {
        synchronized (monitor) {
            version++;
            monitor.notifyAll();
        }
    }

    /**
     * The interceptor every processor gets: once per batch (the root unit of work), it rings after
     * the commit. The processor updates its own status in an after-commit step registered before
     * its handlers run, so a woken waiter sees the new position.
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                UnitOfWork<?> batch = unitOfWork.root();
                batch.getOrComputeResource(REGISTERED, key -> {
                    batch.afterCommit(committed -> advanced());
                    return Boolean.TRUE;
                });
                return chain.proceed();
            }
        };
    }
}
