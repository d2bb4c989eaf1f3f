package org.mlc.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read side books value-moving events through {@link ValueMovement} only: an event that escapes it is not booked. */
class ValueMovementTest {

    @Test
    void everyEventWithPostingsIsAValueMovement() {
        List<String> unbooked = StoredEventJsonTest.eventTypes().stream()
                .filter(type -> Arrays.stream(type.getRecordComponents())
                        .anyMatch(component -> component.getType() == Postings.class))
                .filter(type -> !ValueMovement.class.isAssignableFrom(type))
                .map(Class::getName).toList();
        assertThat(unbooked).as("events with postings that do not implement ValueMovement").isEmpty();
    }

    @Test
    void everyValueMovementLabelsItsStatementLines() {
        List<Class<?>> movements = StoredEventJsonTest.eventTypes().stream()
                .filter(ValueMovement.class::isAssignableFrom).toList();
        assertThat(movements).hasSizeGreaterThanOrEqualTo(22);
        for (Class<?> type : movements) {
            ValueMovement sample = (ValueMovement) StoredEventJsonTest.sample(type, type.getSimpleName());
            assertThat(sample.entryLabel().kind()).as(type.getName()).isNotBlank();
            assertThat(sample.postings().lines()).as(type.getName()).isNotEmpty();
        }
    }
}
