package org.mlc.ledger.counter;

/** How the euros were paid at the counter; the cash drawer is tracked per means. */
public enum PaidBy {
    CASH,
    CARD,
    CHEQUE
}
