package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's stream hands over the events its processor handles already deserialized, and
 * leaves the others, and the ones that cannot be read, as they were.
 */
class CoordinatorDeserializationTest {

    record Handled(String value) {
    }

    record Ignored(String value) {
    }

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void anEventTheProcessorHandlesIsDeserializedAsItIsRead() throws Exception {
        SerializedMessage<?> read = stored(serializer.serialize(new Handled("a"), byte[].class));

        TrackedEventMessage<?> handedOver = readThrough(read);

        assertThat(read.isPayloadDeserialized()).isTrue();
        assertThat(read.isMetaDataDeserialized()).isTrue();
        assertThat(handedOver.getPayload()).isEqualTo(new Handled("a"));
        assertThat(handedOver.getMetaData()).containsEntry("user", "agent");
    }

    @Test
    void anEventNoHandlerTakesIsLeftSerialized() throws Exception {
        SerializedMessage<?> read = stored(serializer.serialize(new Ignored("b"), byte[].class));

        readThrough(read);

        assertThat(read.isPayloadDeserialized()).isFalse();
    }

    @Test
    void aPayloadThatCannotBeReadIsLeftForTheHandlerToFailOn() throws Exception {
        SerializedObject<byte[]> broken = new SimpleSerializedObject<>("{not json".getBytes(StandardCharsets.UTF_8),
                byte[].class, Handled.class.getName(), null);
        SerializedMessage<?> read = stored(broken);

        TrackedEventMessage<?> handedOver = readThrough(read);

        assertThat(handedOver.getIdentifier()).isEqualTo(read.getIdentifier());
        assertThat(read.isPayloadDeserialized()).isFalse();
    }

    private SerializedMessage<?> stored(SerializedObject<byte[]> payload) {
        return new SerializedMessage<>("event-1", payload,
                serializer.serialize(MetaData.with("user", "agent"), byte[].class), serializer);
    }

    /** What a coordinator gets from a processor handling {@link Handled} when the store holds {@code read}. */
    private static TrackedEventMessage<?> readThrough(SerializedMessage<?> read) throws InterruptedException {
        TrackedEventMessage<?> stored = new GenericTrackedEventMessage<>(
                GapAwareTrackingToken.newInstance(1, Collections.emptySet()), new GenericEventMessage<>(read,
                        () -> java.time.Instant.EPOCH));
        CoordinatorDeserialization source = new CoordinatorDeserialization(new OneEvent(stored),
                () -> Handled.class::isAssignableFrom);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            return stream.nextAvailable();
        }
    }

    private record OneEvent(TrackedEventMessage<?> event) implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.of(event);
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return true;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    return event;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return null;
        }
    }
}
