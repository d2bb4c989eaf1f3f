package org.mlc.ledger.counter;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * A membership fee paid in euros into the counter's drawer (EUR book: membership fees to the
 * counter's cash). The association's own money: it does not back units.
 */
@Revision("1")
public record MembershipFeeReceived(
        CounterId counterId,
        CurrencyCode currency,
        MembershipId membershipId,
        ParticipantId participantId,
        PaidBy paidBy,
        long eurosMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("MEMBERSHIP", membershipId().value(), participantId().value(), null);
    }
}
