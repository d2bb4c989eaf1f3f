package org.mlc.ledger.money;

/** An amount that a person typed wrong; the message completes "the amount ...". */
public class InvalidAmountException extends IllegalArgumentException {
    public InvalidAmountException(String message) {
        super(message);
    }
}
