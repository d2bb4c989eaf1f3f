package org.mlc.ledger.api.payment;

/** Where a two-phase payment stands: held, then captured, voided by the payee, or expired. */
public enum HoldStatus {
    AUTHORIZED, CAPTURED, VOIDED, EXPIRED
}
