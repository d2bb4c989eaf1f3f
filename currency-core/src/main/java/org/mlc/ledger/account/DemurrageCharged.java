package org.mlc.ledger.account;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DemurrageRunId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * The fonte of one period taken from an account (MLC book: the account to in transit; the
 * beneficiary's {@link DemurrageReceived} in the same unit of work takes it out of transit). The
 * period runs from {@code periodFrom} to the day before {@code dueOn}.
 */
@Revision("1")
public record DemurrageCharged(
        AccountId accountId,
        CurrencyCode currency,
        DemurrageRunId runId,
        LocalDate periodFrom,
        LocalDate dueOn,
        AccountId beneficiary,
        long amountMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("DEMURRAGE", runId().value(), beneficiary().value(),
                DemurrageReceived.period(periodFrom(), dueOn()));
    }
}
