package org.mlc.ledger.ledger;

/** Each currency keeps two books: its euros, and its own units. Each balances to zero on its own. */
public enum Book {
    EUR,
    MLC
}
