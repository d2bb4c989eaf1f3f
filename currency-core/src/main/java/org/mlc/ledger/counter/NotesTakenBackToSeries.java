package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * The series of notes a member deposited, recorded right after their {@link NotesTakenBack} (the
 * account records the units): they join the counter's stock of that series.
 */
@Revision("1")
public record NotesTakenBackToSeries(
        CounterId counterId,
        DepositId depositId,
        NoteSeriesId seriesId,
        Map<Integer, Integer> notes,
        Instant at) {
}
