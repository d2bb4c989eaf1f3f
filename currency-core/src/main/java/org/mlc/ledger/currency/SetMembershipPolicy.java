package org.mlc.ledger.currency;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CurrencyCode;

/**
 * The yearly membership fee and whether an expired membership blocks conversions (it never blocks
 * the balance: a member whose membership ended still pays and is paid).
 */
public record SetMembershipPolicy(
        @TargetAggregateIdentifier CurrencyCode code,
        long feeMinor,
        boolean requiredForConversion,
        Instant at) {
}
