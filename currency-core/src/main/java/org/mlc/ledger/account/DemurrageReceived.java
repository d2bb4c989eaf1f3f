package org.mlc.ledger.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DemurrageRunId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** The beneficiary's side of a {@link DemurrageCharged}: in transit to its account. */
@Revision("1")
public record DemurrageReceived(
        AccountId accountId,
        CurrencyCode currency,
        DemurrageRunId runId,
        LocalDate periodFrom,
        LocalDate dueOn,
        AccountId from,
        long amountMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("DEMURRAGE_RECEIVED", runId().value(), from().value(), period(periodFrom(), dueOn()));
    }

    /**
     * The statement's reference of a fonte: the period it melts, its last day the eve of the due
     * date, in the French words statements are read in (the line's kind says "Fonte").
     */
    static String period(LocalDate periodFrom, LocalDate dueOn) {
        return "période du " + DAY.format(periodFrom) + " au " + DAY.format(dueOn.minusDays(1));
    }
}
