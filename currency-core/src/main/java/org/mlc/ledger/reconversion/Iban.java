package org.mlc.ledger.reconversion;

import java.util.Locale;
import org.mlc.ledger.common.DomainException;

/** An IBAN as ISO 13616 checks it: country, two check digits, the account; mod 97 of the whole is 1. */
public final class Iban {

    private Iban() {
    }

    /**
     * The IBAN without spaces, in capitals; {@code invalid} naming {@code iban} when its form or its
     * check digits are wrong (a digit mistyped or two swapped is caught).
     */
    public static String normalized(String iban) {
        String compact = iban == null ? "" : iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            throw DomainException.invalid("fund.iban-malformed",
                    "an IBAN is 2 letters, 2 check digits and 11 to 30 letters or digits")
                    .naming("iban");
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }
        if (remainder != 1) {
            throw DomainException.invalid("fund.iban-check-digits", "the check digits of IBAN {0} are wrong", compact)
                    .naming("iban");
        }
        return compact;
    }

    /** Only the last 4 characters shown, for those who need to tell accounts apart, not to pay into them. */
    public static String masked(String iban) {
        if (iban == null || iban.length() <= 4) {
            return iban;
        }
        return "*".repeat(iban.length() - 4) + iban.substring(iban.length() - 4);
    }
}
