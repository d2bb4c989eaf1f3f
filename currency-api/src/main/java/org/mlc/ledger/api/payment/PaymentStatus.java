package org.mlc.ledger.api.payment;

/** Where a payment stands, as the API shows it. */
public enum PaymentStatus {
    /** Left the payer, not yet with the payee. */
    IN_TRANSIT,
    /** With the payee. */
    COMPLETED,
    /** Refused by the payee, on its way back to the payer. */
    RETURNING,
    /** Back with the payer. */
    RETURNED
}
