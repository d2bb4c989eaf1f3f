package org.mlc.ledger.api.infrastructure;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the pooled streaming processors as soon as new events are available.
 * <p>
 * A pooled processor's coordinator asks its stream for an availability callback; when the stream
 * has none it looks for new events only every 500 ms (Axon's {@code Coordinator}: {@code if
 * (!availabilityCallbackSupported) scheduleCoordinationTask(500)}). The {@code EmbeddedEventStore}'s
 * streams have none, so every processor hop cost up to half a second. This source wraps the event
 * store: its streams accept the callback, and one watcher thread tailing the store (woken by the
 * store's producer, itself woken by the in-process commit) runs the callbacks once a new event is
 * readable from the store's cache, i.e. once the coordinator's own stream can see it. If a
 * wake-up is ever missed the coordinator still looks again on its own (every few seconds).
 * <p>
 * A stream behind the head can also say it has nothing ready: a replay's did, mid-way, and the
 * coordinator then waited out its 5 s idle wait, since a replay appends nothing that would wake
 * it (the `ledger` replay stood still for 5 s in two of six runs; seen in JFR, cause inside Axon's
 * embedded event store not pinned down). So a stream asked while it is behind the last event this
 * node has seen, and found with nothing ready, runs its callback again after
 * {@link #BEHIND_RECHECK_MILLIS}: the coordinator looks again instead of waiting.
 */
public final class EventAvailabilityNotifier extends ForwardingEventSource implements Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventAvailabilityNotifier.class);

    /** How soon a stream behind the head that had nothing ready is looked at again. */
    static final long BEHIND_RECHECK_MILLIS = 20;

    private final Consumer<TrackedEventMessage<?>> onEvent;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private Thread watcher;
    /** The position of the last event this node has seen in the store, -1 before the watcher looked. */
    private volatile long headPosition = -1;
    private final ScheduledExecutorService rechecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-availability-recheck");
        thread.setDaemon(true);
        return thread;
    });

    public EventAvailabilityNotifier(StreamableMessageSource<TrackedEventMessage<?>> source) {
        this(source, event -> {
        });
    }

    /**
     * @param onEvent told of every event the store receives, from this node or another (it runs on
     *                the watcher thread: keep it short)
     */
    public EventAvailabilityNotifier(StreamableMessageSource<TrackedEventMessage<?>> source,
                                     Consumer<TrackedEventMessage<?>> onEvent) {
        super(source);
        this.onEvent = onEvent;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(source.openStream(trackingToken), position(trackingToken));
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::shutDown);
    }

    public void shutDown() {
        running = false;
        rechecks.shutdownNow();
        Thread thread;
        synchronized (this) {
            thread = watcher;
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private synchronized void ensureWatching() {
        if (watcher == null && running) {
            watcher = new Thread(this::watch, "event-availability-notifier");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void watch() {
        BlockingStream<TrackedEventMessage<?>> stream = null;
        while (running) {
            try {
                if (stream == null) {
                    TrackingToken head = source.createHeadToken();
                    advanceHead(head);
                    stream = source.openStream(head);
                }
                if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (stream.hasNextAvailable()) {
                        TrackedEventMessage<?> event = stream.nextAvailable();
                        advanceHead(event.trackingToken());
                        try {
                            onEvent.accept(event);
                        } catch (RuntimeException e) {
                            log.warn("event listener failed on {}", event.getIdentifier(), e);
                        }
                    }
                    callbacks.forEach(Runnable::run);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("watching the event store for new events failed; retrying in 1 s", e);
                closeQuietly(stream);
                stream = null;
                callbacks.forEach(Runnable::run);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closeQuietly(stream);
    }

    /** The position of the last event this node has seen in the store. */
    long headPosition() {
        return headPosition;
    }

    private void advanceHead(TrackingToken token) {
        long position = position(token);
        if (position > headPosition) {
            headPosition = position;
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static void closeQuietly(BlockingStream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // closing a broken stream
            }
        }
    }

    private final class NotifyingStream extends Stream {

        private volatile Runnable callback;
        /**
         * The position of the last event this stream gave, or where it was opened: a stream opened
         * at the head is not behind it, and must not be called back until an event is appended.
         */
        private volatile long position;
        private final AtomicBoolean recheckPending = new AtomicBoolean();

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate, long openedAt) {
            super(delegate);
            this.position = openedAt;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            ensureWatching();
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            return recheckIfBehind(delegate.hasNextAvailable());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return recheckIfBehind(delegate.hasNextAvailable(timeout, unit));
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = delegate.nextAvailable();
            long eventPosition = position(event.trackingToken());
            if (eventPosition > position) {
                position = eventPosition;
            }
            return event;
        }

        /** Nothing ready although the head is further: runs the callback again shortly, once at a time. */
        private boolean recheckIfBehind(boolean available) {
            Runnable registered = callback;
            if (!available && registered != null && position < headPosition && running
                    && recheckPending.compareAndSet(false, true)) {
                try {
                    rechecks.schedule(() -> {
                        recheckPending.set(false);
                        registered.run();
                    }, BEHIND_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException shuttingDown) {
                    recheckPending.set(false);
                }
            }
            return available;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
