package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/** A membership fee paid in units (MLC book: the account to the issuer's fee account). */
@Revision("1")
public record MembershipFeePaid(
        AccountId accountId,
        CurrencyCode currency,
        MembershipId membershipId,
        long unitsMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("MEMBERSHIP", membershipId().value(), null, "membership fee");
    }
}
