package org.mlc.ledger.currency;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/** Who may get the bonus from now on: participant kinds by name, sorted (MEMBER, ASSOCIATION…). */
@Revision("1")
public record BonusEligibilitySet(CurrencyCode code, List<String> kinds, Instant at) {
}
