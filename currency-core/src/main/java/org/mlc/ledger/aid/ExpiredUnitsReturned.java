package org.mlc.ledger.aid;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * What was left of a grant at its expiry came back to the programme (MLC: beneficiary's account
 * to aid programme). The account drops the lot in the same unit of work ({@code EarmarkExpired}).
 */
@Revision("1")
public record ExpiredUnitsReturned(
        GrantId grantId,
        AidProgramId programId,
        CurrencyCode currency,
        AccountId accountId,
        long unitsMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("AID_EXPIRY", grantId().value(), "aid programme " + programId().value(), null);
    }
}
