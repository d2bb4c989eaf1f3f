package org.mlc.ledger.aid;

import java.time.LocalDate;
import org.mlc.ledger.common.GrantId;

/** One grant's answer: when refused, the stable code and why. */
public record GrantResult(GrantId grantId, GrantOutcome outcome, LocalDate expiresOn, String code, String detail) {
}

