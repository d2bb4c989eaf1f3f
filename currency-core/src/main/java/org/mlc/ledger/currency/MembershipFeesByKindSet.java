package org.mlc.ledger.currency;

import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.common.CurrencyCode;
import org.axonframework.serialization.Revision;

/**
 * The yearly membership fee of each participant kind named (by name, {@code COLLECTIVITE}) from
 * now on; the kinds not named pay the currency's one fee ({@link MembershipPolicySet}).
 */
@Revision("1")
public record MembershipFeesByKindSet(CurrencyCode code, Map<String, Long> feesByKind, Instant at) {
}
