package org.mlc.ledger.api.infrastructure;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Wakes a pooled processor's coordinator as soon as its worker takes a batch, instead of letting
 * it sleep out its pause.
 * <p>
 * The coordinator reads the store into its work package's buffer, which holds
 * {@link #AXON_BUFFER_SIZE} events; once the buffer is full it pauses for a fixed 100 ms (Axon
 * 4.13's {@code Coordinator}: {@code scheduleCoordinationTask(100)}), and nothing wakes it early:
 * the availability callback is refused while that pause is scheduled. A processor that is behind
 * by more than a buffer (a replay, a catch-up after downtime) then books a buffer's worth and waits
 * for the pause to end, reading and booking in turns: measured on a replay of 300,000 events, with
 * batches of 1,024 events, 9,150 events/s, i.e. one buffer per 100 ms pause plus the booking.
 * <p>
 * Each processor's coordinator runs here on an executor that remembers its short pauses
 * ({@link #MAX_WAKEABLE_DELAY_MILLIS} or less), and a processor's handler interceptor brings them
 * forward when a batch starts (the buffer was just drained: the coordinator refills it while the
 * batch is booked) and when it commits (a wake-up that came just before the pause was scheduled
 * is then not lost for long). Longer delays (the back-off after a failure, the periodic claim of
 * segments) are left as they are: a failing processor must not retry faster because another
 * batch moved.
 */
public final class CoordinatorWakeUps {

    /** Axon's {@code WorkPackage.BUFFER_SIZE}: events a work package's buffer holds before its coordinator pauses. */
    public static final int AXON_BUFFER_SIZE = 1_024;

    /** The coordinator's pause on a full buffer; longer delays are never brought forward. */
    static final long MAX_WAKEABLE_DELAY_MILLIS = 100;

    private static final String BATCH_SEEN = CoordinatorWakeUps.class.getName();

    private final Map<String, WakeableExecutor> executors = new ConcurrentHashMap<>();

    /** The coordinator executor of {@code processorName}: one thread, shut down with the configuration, as Axon's. */
    public ScheduledExecutorService coordinatorExecutor(Configuration configuration, String processorName) {
        WakeableExecutor executor = new WakeableExecutor("Coordinator[" + processorName + "]",
                MAX_WAKEABLE_DELAY_MILLIS);
        configuration.onShutdown(executor::shutdown);
        executors.put(processorName, executor);
        return executor;
    }

    /** The interceptor of {@code processorName}'s handlers: wakes its coordinator at a batch's start and commit. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String processorName) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                UnitOfWork<?> batch = unitOfWork.root();
                batch.getOrComputeResource(BATCH_SEEN, key -> {
                    wake(processorName);
                    batch.afterCommit(committed -> wake(processorName));
                    return Boolean.TRUE;
                });
                return chain.proceed();
            }
        };
    }

    /** Whether {@code processorName}'s coordinator runs on an executor of this class. */
    public boolean manages(String processorName) {
        return executors.containsKey(processorName);
    }

    /** Runs now what {@code processorName}'s coordinator scheduled to run after a short pause. */
    void wake(String processorName) {
        WakeableExecutor executor = executors.get(processorName);
        if (executor != null) {
            executor.wake();
        }
    }

    /** A one-thread scheduled executor whose short delays can be cut short, each task still run once. */
    static final class WakeableExecutor extends ScheduledThreadPoolExecutor {

        private final Set<ShortPause> pauses = ConcurrentHashMap.newKeySet();
        private final long maxWakeableDelayMillis;

        WakeableExecutor(String threadName, long maxWakeableDelayMillis) {
            super(1, new AxonThreadFactory(threadName));
            this.maxWakeableDelayMillis = maxWakeableDelayMillis;
            // a task brought forward leaves its cancelled twin behind: drop it from the queue at once
            setRemoveOnCancelPolicy(true);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay <= 0 || unit.toMillis(delay) > maxWakeableDelayMillis) {
                return super.schedule(command, delay, unit);
            }
            ShortPause task = new ShortPause(command);
            pauses.add(task);
            task.future = super.schedule(task, delay, unit);
            return task.future;
        }

        /**
         * Runs each pending short delay's task now; one that has started already is left alone, and
         * nothing is run once the processor is shutting down (a batch may still commit then).
         */
        void wake() {
            for (ShortPause task : pauses) {
                ScheduledFuture<?> future = task.future;
                if (isShutdown()) {
                    return;
                }
                if (future != null && pauses.remove(task) && future.cancel(false)) {
                    try {
                        execute(task.command);
                    } catch (RejectedExecutionException shutDownMeanwhile) {
                        // the processor stopped between the check and now: its coordinator has no more to do
                    }
                }
            }
        }

        int pending() {
            return pauses.size();
        }

        private final class ShortPause implements Runnable {

            private final Runnable command;
            private volatile ScheduledFuture<?> future;

            private ShortPause(Runnable command) {
                this.command = command;
            }

            @Override
            public void run() {
                pauses.remove(this);
                command.run();
            }
        }
    }
}
