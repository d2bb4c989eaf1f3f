package org.mlc.ledger.currency;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The yearly membership fee and whether an expired membership blocks conversions (it never blocks
 * the balance: a member whose membership ended still pays and is paid); {@code feesByKind}, the
 * fee of a participant kind by its name ({@code COLLECTIVITE}) where it differs (null: unchanged,
 * empty: the one fee for everyone).
 */
public record SetMembershipPolicy(
        @TargetAggregateIdentifier CurrencyCode code,
        long feeMinor,
        boolean requiredForConversion,
        Instant at,
        Map<String, Long> feesByKind) {

    public SetMembershipPolicy(CurrencyCode code, long feeMinor, boolean requiredForConversion, Instant at) {
        this(code, feeMinor, requiredForConversion, at, null);
    }
}
