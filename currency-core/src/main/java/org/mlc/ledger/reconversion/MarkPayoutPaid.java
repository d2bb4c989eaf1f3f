package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;

/** A step of a reconversion's payout: requested, then paid (transfer ordered), then confirmed by the bank. */
public record MarkPayoutPaid(CurrencyCode currency, ReconversionId reconversionId, String bankOrder, Instant at) {

    /** The fund of the currency holds the payout. */
    @TargetAggregateIdentifier
    public String fundId() {
        return GuaranteeFund.idOf(currency);
    }
}
