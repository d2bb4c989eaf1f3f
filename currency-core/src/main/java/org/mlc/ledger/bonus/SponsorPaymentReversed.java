package org.mlc.ledger.bonus;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * A sponsor payment recorded by mistake (a wrong bank statement match) is reversed by
 * {@code reversedBy} for {@code reason}: the euros are committed and not yet paid in again (EUR
 * book: guarantee fund to sponsor committed, the reverse of {@link SponsorPaymentReceived}).
 */
@Revision("1")
public record SponsorPaymentReversed(
        BudgetId budgetId,
        CurrencyCode currency,
        long eurosMinor,
        String reason,
        String reversedBy,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("SPONSOR_PAYMENT_REVERSED", budgetId().value(), null, reason());
    }
}
