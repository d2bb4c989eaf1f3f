package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.NoteSeriesId;

/** Destroys withdrawn notes of a series, with the reason and the named witness (not the person acting). */
public record DestroyNotes(@TargetAggregateIdentifier NoteSeriesId seriesId, Map<Integer, Integer> notes,
                           String reason, String witness, String by, Instant at) {
}
