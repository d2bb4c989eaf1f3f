package org.mlc.ledger.bank;

/**
 * A line and what became of it: MATCHED_REMITTANCE, MATCHED_SPONSOR, MATCHED_AID_FUNDING,
 * MATCHED_PAYOUT, UNMATCHED or MISMATCHED.
 */
public record LineResult(int line, String reference, long amountMinor, String outcome, String reason) {
}

