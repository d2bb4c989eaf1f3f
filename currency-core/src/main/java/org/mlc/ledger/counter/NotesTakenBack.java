package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DepositId;

/** Notes a member brought back to be credited to an account; they return to the stock. The account records the units (PaperNotesDeposited). */
@Revision("1")
public record NotesTakenBack(
        CounterId counterId,
        DepositId depositId,
        AccountId accountId,
        Map<Integer, Integer> notes,
        long unitsMinor,
        Instant at) {
}
