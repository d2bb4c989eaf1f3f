package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * The index of an event just read is found without a query, as long as fewer than the limit were
 * read since; an older one is asked of the store. Each test has its own small {@link GlobalIndex}
 * on the application's database, so the processors' own reads do not mix with its rows.
 */
class GlobalIndexTest extends IntegrationTest {

    private static final int REMEMBERED = 1_000;

    @Test
    void everyOneOfTheLastRowsReadIsFoundWithoutAskingTheStore() {
        GlobalIndex index = new GlobalIndex(jdbc, REMEMBERED);
        String[] ids = new String[5 * REMEMBERED];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
            index.remember(ids[i], 10_000_000L + i);
        }
        // none of these is in the store: a query for any of them would fail
        for (int i = ids.length - REMEMBERED; i < ids.length; i++) {
            assertThat(index.of(event(ids[i]))).isEqualTo(10_000_000L + i);
        }
    }

    @Test
    void aRowReadLongerAgoIsAskedOfTheStore() {
        GlobalIndex index = new GlobalIndex(jdbc, REMEMBERED);
        String forgotten = UUID.randomUUID().toString();
        index.remember(forgotten, 42);
        for (int i = 0; i < REMEMBERED; i++) {
            index.remember(UUID.randomUUID().toString(), i);
        }
        assertThatThrownBy(() -> index.of(event(forgotten))).isInstanceOf(EmptyResultDataAccessException.class);

        ledger.currency("20", "21"); // at least one event in the store
        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT event_identifier, global_index FROM domain_event_entry ORDER BY global_index DESC LIMIT 1");
        assertThat(index.of(event((String) stored.get("event_identifier"))))
                .isEqualTo(((Number) stored.get("global_index")).longValue());
    }

    @Test
    void anEventReadAgainByAnotherStreamStaysWhenItsFirstReadingIsDropped() {
        GlobalIndex index = new GlobalIndex(jdbc, 3);
        String again = UUID.randomUUID().toString();
        index.remember(again, 7);
        index.remember(UUID.randomUUID().toString(), 8);
        index.remember(again, 7);
        index.remember(UUID.randomUUID().toString(), 9); // drops the first reading of "again"

        assertThat(index.of(event(again))).isEqualTo(7);
    }

    private static EventMessage<?> event(String identifier) {
        return new GenericEventMessage<>(identifier, "payload", Map.of(), Instant.EPOCH);
    }
}
