package org.mlc.ledger.notes;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * A member brings notes of a named series back to a counter to have them credited to an account;
 * {@code unstamped} (may be null) as in {@link org.mlc.ledger.counter.DepositNotes}.
 */
public record DepositSeriesNotes(CounterId counterId, DepositId depositId, AccountId accountId, NoteSeriesId seriesId,
                                 Map<Integer, Integer> notes, Map<Integer, Integer> unstamped, Instant at) {

    public DepositSeriesNotes(CounterId counterId, DepositId depositId, AccountId accountId, NoteSeriesId seriesId,
                              Map<Integer, Integer> notes, Instant at) {
        this(counterId, depositId, accountId, seriesId, notes, null, at);
    }
}
