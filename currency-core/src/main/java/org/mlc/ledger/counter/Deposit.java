package org.mlc.ledger.counter;

/** What a deposit answers. */
public record Deposit(String depositId, long unitsMinor) {
}

