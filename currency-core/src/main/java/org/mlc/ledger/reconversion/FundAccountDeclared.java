package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;

/** The guarantee fund of {@code currency} holds euros in this bank account ({@code fundAccount}: "1", "2"…). */
@Revision("1")
public record FundAccountDeclared(
        CurrencyCode currency,
        String fundAccount,
        String bank,
        String iban,
        Instant at) {
}
