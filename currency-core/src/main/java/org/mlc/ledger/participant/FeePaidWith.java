package org.mlc.ledger.participant;

import org.mlc.ledger.counter.PaidBy;

/** How a membership fee is paid at a counter: in euros by one of the drawer's means, or in units. */
public enum FeePaidWith {
    CASH, CARD, CHEQUE, UNITS;

    /** The drawer's means for a fee paid in euros; null for units. */
    public PaidBy euroMeans() {
        return this == UNITS ? null : PaidBy.valueOf(name());
    }
}
