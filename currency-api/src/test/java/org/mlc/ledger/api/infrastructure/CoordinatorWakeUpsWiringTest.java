package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.status.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The running application's processors are the ones whose pauses a batch brings forward, and whose
 * coordinators deserialize what they read.
 */
class CoordinatorWakeUpsWiringTest extends IntegrationTest {

    @Autowired
    CoordinatorWakeUps wakeUps;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyProjectionsCoordinatorRunsOnAWakeableExecutor() {
        assertThat(Projections.groups()).isNotEmpty().allSatisfy(group ->
                assertThat(wakeUps.manages(group)).as(group).isTrue());
        assertThat(wakeUps.manages(AxonConfiguration.TRANSFER_SAGA_GROUP)).isTrue();
    }

    @Test
    void everyStreamingProcessorReadsThroughItsCoordinatorsDeserialization() {
        Map<String, ?> streaming = Map.copyOf(processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(streaming.keySet()).containsExactlyInAnyOrderElementsOf(AxonConfiguration.STREAMING_PROCESSORS);
        // Axon does not show a processor's source: its field is read here
        streaming.forEach((name, processor) -> assertThat(ReflectionTestUtils.getField(processor, "messageSource"))
                .as(name).isInstanceOf(CoordinatorDeserialization.class));
    }
}
