package org.mlc.ledger.participant;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.ParticipantId;

/**
 * A participant is a member from {@code validFrom} to {@code validUntil} (inclusive dates, Paris
 * time). The fee itself moves in the counter's or the account's own event, same membership id.
 */
@Revision("1")
public record MembershipRenewed(
        ParticipantId participantId,
        CurrencyCode currency,
        MembershipId membershipId,
        LocalDate validFrom,
        LocalDate validUntil,
        long feeMinor,
        FeePaidWith paidWith,
        CounterId counterId,
        Instant at) {
}
