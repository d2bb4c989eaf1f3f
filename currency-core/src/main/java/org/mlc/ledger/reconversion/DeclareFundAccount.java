package org.mlc.ledger.reconversion;

import java.time.Instant;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Declares a bank account of the guarantee fund of {@code currency}. The first declared names the
 * account the fund had implicitly (its figures and statements stay with it: id "1"); the next
 * ones are "2", "3"… An IBAN is declared once per currency ({@code iban-already-declared}).
 */
public record DeclareFundAccount(CurrencyCode currency, String bank, String iban, Instant at) {

    /** A bank's name longer than this is not a name. */
    public static final int MAX_BANK_LENGTH = 100;
}
