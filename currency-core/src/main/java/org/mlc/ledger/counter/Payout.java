package org.mlc.ledger.counter;

/** How the units are handed over: credited to an account, or as paper notes from the stock. */
public enum Payout {
    ACCOUNT,
    NOTES
}
