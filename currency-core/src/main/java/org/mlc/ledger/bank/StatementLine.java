package org.mlc.ledger.bank;

import java.time.LocalDate;

/**
 * One line of the guarantee fund's bank statement: a credit (positive) or a debit (negative) of
 * {@code amountMinor} euro cents, never zero.
 */
public record StatementLine(int lineNumber, LocalDate date, long amountMinor, String label, String reference) {

    /** What identifies a line across imports: the same line imported twice is recognised. */
    public String fingerprint() {
        return date + "|" + amountMinor + "|" + reference + "|" + label;
    }
}
