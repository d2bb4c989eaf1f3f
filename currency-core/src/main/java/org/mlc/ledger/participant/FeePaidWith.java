package org.mlc.ledger.participant;

/**
 * How a membership fee is paid at a counter: in euros by one of the drawer's means (CASH, CARD,
 * CHEQUE, named like the counter's {@code PaidBy}), or in units.
 */
public enum FeePaidWith {
    CASH, CARD, CHEQUE, UNITS;
}
