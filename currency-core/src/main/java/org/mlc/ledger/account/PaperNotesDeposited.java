package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** Paper notes brought back at a counter, credited to the account (MLC book: paper to account). */
@Revision("1")
public record PaperNotesDeposited(
        AccountId accountId,
        CurrencyCode currency,
        DepositId depositId,
        CounterId counterId,
        long unitsMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("NOTES_DEPOSIT", depositId().value(), "counter " + counterId().value(), null);
    }
}
