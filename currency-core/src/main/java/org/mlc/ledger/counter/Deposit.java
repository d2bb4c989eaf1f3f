package org.mlc.ledger.counter;

/** What a deposit answers: the units credited and, for unstamped notes, the fee deducted (else 0). */
public record Deposit(String depositId, long unitsMinor, long feeMinor) {

    public Deposit(String depositId, long unitsMinor) {
        this(depositId, unitsMinor, 0);
    }
}

