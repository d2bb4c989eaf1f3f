package org.mlc.ledger.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/**
 * A participant's member number in its currency ({@code BOUSOL-000123}), handed out by the
 * currency's {@link MemberNumbers}: {@code sequence} is its place in that register (1, 2, …) and
 * {@code number} what people read and type. Never handed out twice, never taken back.
 */
@Revision("1")
public record MemberNumberAssigned(
        ParticipantId participantId,
        CurrencyCode currency,
        String number,
        long sequence,
        Instant at) {
}
