package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DepositId;

/**
 * A member brings paper notes back to a counter to have them credited to an account;
 * {@code unstamped} (may be null), among those notes, the ones not revalidated by the fonte's last
 * due date: credited less the revalidation fee, which goes to the fonte's beneficiary.
 */
public record DepositNotes(
        CounterId counterId,
        DepositId depositId,
        AccountId accountId,
        Map<Integer, Integer> notes,
        Map<Integer, Integer> unstamped,
        Instant at) {

    public DepositNotes(CounterId counterId, DepositId depositId, AccountId accountId, Map<Integer, Integer> notes,
                        Instant at) {
        this(counterId, depositId, accountId, notes, null, at);
    }
}
