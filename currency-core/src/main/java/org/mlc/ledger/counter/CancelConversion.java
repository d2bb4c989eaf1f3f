package org.mlc.ledger.counter;

import org.mlc.ledger.common.Reasons;
import java.time.Instant;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;

/**
 * Cancels a conversion of the counter's open day by compensation: the units, the euros, the bonus
 * and the donation share go back where they came from. {@code cancelledBy} is the user who asked,
 * {@code reason} why; both are kept in the event.
 */
public record CancelConversion(
        CounterId counterId,
        ConversionId conversionId,
        String reason,
        String cancelledBy,
        Instant at) {

    public static final int MAX_REASON_LENGTH = Reasons.MAX_LENGTH;
}
