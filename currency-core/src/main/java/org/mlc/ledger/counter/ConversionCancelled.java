package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * A conversion of the open day cancelled by compensation, with who asked and why. Its postings
 * reverse those of {@link EurosConverted} (EUR book: the counter's cash back to the outside world)
 * and, for a payout in notes, those of {@link NotesSold} (MLC book: the notes, back in the stock,
 * leave circulation). An account payout is taken back by the account's own event
 * (IssuedUnitsTakenBack), the bonus by its budget's (BonusReturned), the donation share by the
 * association's and the issuer's, all in the same unit of work. {@code notes} is null, and
 * {@code budgetId} and {@code donatedTo} are null when there were none.
 */
@Revision("1")
public record ConversionCancelled(
        ConversionId conversionId,
        CounterId counterId,
        CurrencyCode currency,
        AccountId accountId,
        long eurosMinor,
        long unitsMinor,
        long bonusMinor,
        BudgetId budgetId,
        PaidBy paidBy,
        Payout payout,
        Map<Integer, Integer> notes,
        AccountId donatedTo,
        long donationMinor,
        String reason,
        String cancelledBy,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("CONVERSION_CANCELLED", conversionId().value(), counterId().value(), reason());
    }
}
