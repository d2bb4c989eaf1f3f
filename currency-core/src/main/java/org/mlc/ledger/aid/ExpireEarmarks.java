package org.mlc.ledger.aid;

import java.time.Instant;
import java.time.LocalDate;
import org.mlc.ledger.common.AccountId;

/** Returns to their programmes the lots of an account whose expiry date is before {@code today}. */
public record ExpireEarmarks(AccountId accountId, LocalDate today, Instant at) {
}
