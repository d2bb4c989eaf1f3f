package org.mlc.ledger.ops.reconcile;

/** An event the fold cannot read: nothing can be concluded about the ledger until it is understood. */
public class ReconciliationException extends RuntimeException {

    public ReconciliationException(String message, Throwable cause) {
        super(message, cause);
    }
}
