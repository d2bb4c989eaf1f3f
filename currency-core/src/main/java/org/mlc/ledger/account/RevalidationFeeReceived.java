package org.mlc.ledger.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.RevalidationId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * The fee of paper notes revalidated at a counter, paid there in euros, received by the fonte's
 * beneficiary (MLC book: issuance to the account; the euros entered the counter's cash with the
 * counter's {@code NotesRevalidated}, so the new units are backed).
 */
@Revision("1")
public record RevalidationFeeReceived(
        AccountId accountId,
        CurrencyCode currency,
        RevalidationId revalidationId,
        CounterId counterId,
        LocalDate periodFrom,
        LocalDate dueOn,
        long feeMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("REVALIDATION_FEE", revalidationId().value(), counterId().value(),
                DemurrageReceived.period(periodFrom(), dueOn()));
    }
}
