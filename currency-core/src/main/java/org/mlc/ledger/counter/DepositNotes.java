package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DepositId;

/** A member brings paper notes back to a counter to have them credited to an account. */
public record DepositNotes(
        CounterId counterId,
        DepositId depositId,
        AccountId accountId,
        Map<Integer, Integer> notes,
        Instant at) {
}
