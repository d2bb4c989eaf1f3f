package org.mlc.ledger.api.infrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled processor's source whose streams deserialize each event the processor handles (its
 * payload and metadata) as the coordinator reads it, on the coordinator's thread.
 * <p>
 * Axon deserializes lazily, on first use: in the work package, the one thread that books the
 * processor's batches and waits for PostgreSQL in between. A third of that thread's CPU in a
 * `ledger` replay was deserializing (JFR), while the coordinator, which reads ahead of it, was
 * parked most of the time. Done here, it overlaps with the previous batch's statements. Events no
 * handler of the processor takes are left serialized, as before.
 * <p>
 * A payload that cannot be deserialized is left for the work package to fail on, as it did before:
 * its error handling (retry, never skip) is the processor's.
 */
public final class CoordinatorDeserialization extends ForwardingEventSource {

    private static final Logger log = LoggerFactory.getLogger(CoordinatorDeserialization.class);

    private final Supplier<Predicate<Class<?>>> handledTypes;

    /**
     * @param handledTypes asked when a stream opens (the processor is configured by then): which
     *                     payload types the processor's handlers take
     */
    public CoordinatorDeserialization(StreamableMessageSource<TrackedEventMessage<?>> source,
                                      Supplier<Predicate<Class<?>>> handledTypes) {
        super(source);
        this.handledTypes = handledTypes;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new DeserializingStream(source.openStream(trackingToken), handledTypes.get());
    }

    /** Used by one coordinator thread at a time, as Axon's streams are. */
    private static final class DeserializingStream extends Stream {

        private final Predicate<Class<?>> handles;
        private final Map<Class<?>, Boolean> handled = new HashMap<>();

        DeserializingStream(BlockingStream<TrackedEventMessage<?>> delegate, Predicate<Class<?>> handles) {
            super(delegate);
            this.handles = handles;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = delegate.nextAvailable();
            if (handled.computeIfAbsent(event.getPayloadType(), handles::test)) {
                try {
                    event.getPayload();
                    event.getMetaData();
                } catch (RuntimeException e) {
                    log.debug("event {} not deserialized ahead; its handler will meet the same failure",
                            event.getIdentifier(), e);
                }
            }
            return event;
        }
    }
}
