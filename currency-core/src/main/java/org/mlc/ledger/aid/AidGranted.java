package org.mlc.ledger.aid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * Units of a programme granted to a beneficiary as an earmarked lot, spendable in
 * {@code filieres} until {@code expiresOn} inclusive (MLC: aid programme to the beneficiary's
 * account). The account records the lot in the same unit of work ({@code EarmarkedLotReceived}).
 */
@Revision("1")
public record AidGranted(
        GrantId grantId,
        AidProgramId programId,
        CurrencyCode currency,
        ParticipantId beneficiary,
        AccountId accountId,
        long unitsMinor,
        List<String> filieres,
        LocalDate expiresOn,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("AID_GRANT", grantId().value(), "aid programme " + programId().value(), "until " + expiresOn());
    }
}
