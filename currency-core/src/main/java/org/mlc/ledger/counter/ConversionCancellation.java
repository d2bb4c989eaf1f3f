package org.mlc.ledger.counter;

import java.util.Map;
import org.mlc.ledger.common.ConversionId;

/**
 * What a cancellation gave back: the euros out of the drawer, the units taken back (from the
 * account, or the notes returned to the stock: {@code notes}, null for an account payout), the
 * bonus returned to its budget and the donation share taken back from the association.
 */
public record ConversionCancellation(ConversionId conversionId, long eurosMinor, long unitsMinor, long bonusMinor,
                                     long donationMinor, PaidBy paidBy, Payout payout, Map<Integer, Integer> notes) {
}
