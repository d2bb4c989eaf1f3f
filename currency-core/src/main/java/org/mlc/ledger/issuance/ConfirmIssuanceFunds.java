package org.mlc.ledger.issuance;

import java.time.Instant;
import org.mlc.ledger.common.IssuanceId;

/** The issuance's euros are in the guarantee fund (a bank statement line, or an admin who saw them). */
public record ConfirmIssuanceFunds(IssuanceId issuanceId, String bankReference, String by, Instant at) {
}
