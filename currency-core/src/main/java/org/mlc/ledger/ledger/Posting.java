package org.mlc.ledger.ledger;

import java.util.Objects;

/** One line of a balanced entry: a signed amount, in minor units, on one ledger account. */
public record Posting(LedgerAccount account, long amountMinor) {
    public Posting {
        Objects.requireNonNull(account, "account");
        if (amountMinor == 0) {
            throw new IllegalArgumentException("a posting of zero says nothing");
        }
    }
}
