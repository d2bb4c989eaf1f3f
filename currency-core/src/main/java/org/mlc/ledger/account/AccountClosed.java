package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;

@Revision("1")
public record AccountClosed(AccountId accountId, String reason, Instant at) {
}
