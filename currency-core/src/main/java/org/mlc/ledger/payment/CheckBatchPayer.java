package org.mlc.ledger.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;

/**
 * Asks whether an account may pay in bulk, before a bulk upload starts: answers the account's id,
 * or refuses as each line would ({@code bulk-payments-not-allowed}). Records nothing.
 */
public record CheckBatchPayer(@TargetAggregateIdentifier AccountId accountId) {
}
