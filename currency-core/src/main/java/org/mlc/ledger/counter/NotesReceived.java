package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;

/** Paper notes received from the association into the counter's stock (not money until sold). */
@Revision("1")
public record NotesReceived(
        CounterId counterId,
        Map<Integer, Integer> notes,
        Instant at) {
}
