package org.mlc.ledger.bank;

import java.time.LocalDate;

/** One line of the guarantee fund's bank statement: a credit of {@code amountMinor} euro cents. */
public record StatementLine(int lineNumber, LocalDate date, long amountMinor, String label, String reference) {

    /** What identifies a line across imports: the same line imported twice is recognised. */
    public String fingerprint() {
        return date + "|" + amountMinor + "|" + reference + "|" + label;
    }
}
