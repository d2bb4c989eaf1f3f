package org.mlc.ledger.bonus;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** A sponsor's euros committed to the bonus (EUR book: outside to sponsor committed). */
@Revision("1")
public record BonusBudgetCommitted(
        BudgetId budgetId,
        CurrencyCode currency,
        ParticipantId sponsor,
        long eurosMinor,
        LocalDate from,
        LocalDate to,
        long monthlyCapPerMemberMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("SPONSOR_COMMITMENT", budgetId().value(), sponsor().value(), null);
    }
}
