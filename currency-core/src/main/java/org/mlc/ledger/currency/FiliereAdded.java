package org.mlc.ledger.currency;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

@Revision("1")
public record FiliereAdded(CurrencyCode code, String filiere, Instant at) {
}
