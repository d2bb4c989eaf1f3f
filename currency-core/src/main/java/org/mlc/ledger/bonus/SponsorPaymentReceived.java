package org.mlc.ledger.bonus;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** Sponsor money paid into the guarantee fund (EUR book: sponsor committed to guarantee fund). */
@Revision("1")
public record SponsorPaymentReceived(
        BudgetId budgetId,
        CurrencyCode currency,
        long eurosMinor,
        String reference,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("SPONSOR_PAYMENT", budgetId().value(), null, reference());
    }
}
