package org.mlc.ledger.counter;

import java.util.SortedMap;
import org.mlc.ledger.common.ConversionId;

/**
 * What a conversion answers: {@code bonusReason} says why the bonus is below the ratio's
 * (null when it is not); {@code notes} are the notes handed over (null for an account payout).
 */
public record Conversion(ConversionId conversionId, long eurosMinor, long unitsMinor, long bonusMinor,
                         String bonusReason, Payout payout, SortedMap<Integer, Integer> notes,
                         long donationMinor, String donationReason) {
}

