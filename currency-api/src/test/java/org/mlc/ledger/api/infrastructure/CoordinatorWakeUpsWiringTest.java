package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.status.Projections;
import org.springframework.beans.factory.annotation.Autowired;

/** The running application's processors are the ones whose pauses a batch brings forward. */
class CoordinatorWakeUpsWiringTest extends IntegrationTest {

    @Autowired
    CoordinatorWakeUps wakeUps;

    @Test
    void everyProjectionsCoordinatorRunsOnAWakeableExecutor() {
        assertThat(Projections.groups()).isNotEmpty().allSatisfy(group ->
                assertThat(wakeUps.manages(group)).as(group).isTrue());
        assertThat(wakeUps.manages(AxonConfiguration.TRANSFER_SAGA_GROUP)).isTrue();
    }
}
