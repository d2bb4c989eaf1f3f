package org.mlc.ledger.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * The revalidation fee deducted from notes deposited at a counter without their stamp for the
 * period closed by {@code dueOn}, received by the fonte's beneficiary (MLC book: paper in
 * circulation to the account; the depositor's {@code PaperNotesDeposited} credits the rest).
 */
@Revision("1")
public record UnstampedNotesFeeReceived(
        AccountId accountId,
        CurrencyCode currency,
        DepositId depositId,
        CounterId counterId,
        LocalDate periodFrom,
        LocalDate dueOn,
        long feeMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("UNSTAMPED_NOTES_FEE", depositId().value(), counterId().value(),
                DemurrageReceived.period(periodFrom(), dueOn()));
    }
}
