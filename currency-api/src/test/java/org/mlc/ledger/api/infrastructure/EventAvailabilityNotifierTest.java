package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A coordinator whose stream is behind the head but has nothing ready is called back soon; one at
 * the head waits for the next append. The source is a stand-in whose streams hold what the test
 * puts in them; the store's head is at position {@link #HEAD}.
 */
class EventAvailabilityNotifierTest {

    private static final long HEAD = 10;

    private final Source source = new Source();
    private final EventAvailabilityNotifier notifier = new EventAvailabilityNotifier(source);

    @AfterEach
    void shutDown() {
        notifier.shutDown();
    }

    @Test
    void aStreamBehindTheHeadWithNothingReadyIsCalledBackSoon() throws Exception {
        BlockingStream<TrackedEventMessage<?>> opened = notifier.openStream(token(2));
        Semaphore calledBack = new Semaphore(0);
        opened.setOnAvailableCallback(calledBack::release);
        awaitWatcher();

        assertThat(opened.hasNextAvailable()).isFalse();

        assertThat(calledBack.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStreamAtTheHeadIsCalledBackOnlyWhenAnEventIsAppended() throws Exception {
        source.next.add(event(HEAD));
        BlockingStream<TrackedEventMessage<?>> opened = notifier.openStream(token(HEAD - 1));
        Semaphore calledBack = new Semaphore(0);
        opened.setOnAvailableCallback(calledBack::release);
        awaitWatcher();
        assertThat(opened.nextAvailable().trackingToken().position()).hasValue(HEAD);

        assertThat(opened.hasNextAvailable()).isFalse();

        // the wait for an append is the coordinator's own; nothing calls it back meanwhile
        assertThat(calledBack.tryAcquire(10 * EventAvailabilityNotifier.BEHIND_RECHECK_MILLIS,
                TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aStreamOpenedAtTheHeadIsNotCalledBackBeforeAnAppend() throws Exception {
        // an idle application's coordinators: polling them every 20 ms would be work for nothing
        BlockingStream<TrackedEventMessage<?>> opened = notifier.openStream(token(HEAD));
        Semaphore calledBack = new Semaphore(0);
        opened.setOnAvailableCallback(calledBack::release);
        awaitWatcher();

        assertThat(opened.hasNextAvailable()).isFalse();

        assertThat(calledBack.tryAcquire(10 * EventAvailabilityNotifier.BEHIND_RECHECK_MILLIS,
                TimeUnit.MILLISECONDS)).isFalse();
    }

    private void awaitWatcher() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (notifier.headPosition() < HEAD && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(notifier.headPosition()).isEqualTo(HEAD);
    }

    private static TrackingToken token(long position) {
        return GapAwareTrackingToken.newInstance(position, Collections.emptySet());
    }

    private static TrackedEventMessage<?> event(long position) {
        return new GenericTrackedEventMessage<>(token(position), GenericEventMessage.asEventMessage("event " + position));
    }

    /** The store: its head at {@link #HEAD}; the coordinators' streams give what is put in {@code next}. */
    private static final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {

        final BlockingQueue<TrackedEventMessage<?>> next = new LinkedBlockingQueue<>();

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new Stream(trackingToken.position().orElse(-1) >= HEAD ? new LinkedBlockingQueue<>() : next);
        }

        @Override
        public TrackingToken createHeadToken() {
            return token(HEAD);
        }

        @Override
        public TrackingToken createTailToken() {
            return null;
        }
    }

    private static final class Stream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingQueue<TrackedEventMessage<?>> events;

        Stream(BlockingQueue<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!events.isEmpty()) {
                return true;
            }
            // the watcher's long wait: kept short so that it notices its shutdown soon
            Thread.sleep(Math.min(unit.toMillis(timeout), 50));
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.take();
        }

        @Override
        public void close() {
        }
    }
}
