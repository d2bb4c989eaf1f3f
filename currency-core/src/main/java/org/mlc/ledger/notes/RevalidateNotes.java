package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.common.RevalidationId;
import org.mlc.ledger.counter.PaidBy;

/**
 * Revalidates paper notes at a counter for the current fonte period (their "stamps"): the holder
 * pays the fee in euros ({@code paidWith}); {@code seriesId} (may be null) names the series printed
 * on the notes; {@code by}: the person recording it.
 */
public record RevalidateNotes(CounterId counterId, RevalidationId revalidationId, NoteSeriesId seriesId,
                              Map<Integer, Integer> notes, PaidBy paidWith, String by, Instant at) {
}
