package org.mlc.ledger.aid;

/** What an expiry run returned from one account. */
public record Expiry(int lots, long unitsMinor) {
}

