package org.mlc.ledger.money;

import java.util.regex.Pattern;

/**
 * Strict parsing and formatting of decimal amounts in major units ("20.00", "21", "12.5").
 * Anything that is not plainly a positive amount with at most two decimals is refused:
 * no sign, exponent, grouping, spaces, NaN, zero, or more than {@link #MAX_AMOUNT_MINOR}.
 */
public final class Amounts {

    /** 100 million in major units: far above any real operation, far below overflow. */
    public static final long MAX_AMOUNT_MINOR = 100_000_000L * Money.MINOR_PER_MAJOR;

    /** Longest amount text read: the most a valid one takes ("100000000.00"), with room to spare. */
    public static final int MAX_TEXT_LENGTH = 20;

    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.[0-9]{1,2})?");

    private Amounts() {
    }

    /** Parses a strictly positive amount, in minor units. */
    public static long parsePositive(String text) {
        long minor = parseNonNegative(text);
        if (minor == 0) {
            throw new InvalidAmountException("amount.not-positive", "must be greater than zero");
        }
        return minor;
    }

    /**
     * Parses a non-zero amount that may be negative (a debit on a bank statement), in minor units:
     * a leading minus sign, then a positive amount.
     */
    public static long parseNonZeroSigned(String text) {
        if (text != null && text.startsWith("-")) {
            return -parsePositive(text.substring(1));
        }
        return parsePositive(text);
    }

    /** Parses an amount that may be zero (a counted cash drawer, a fee), in minor units. */
    public static long parseNonNegative(String text) {
        if (text == null) {
            throw new InvalidAmountException("amount.required", "is required");
        }
        // bounded before anything reads it: no pattern or number is made of a hostile length
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidAmountException("amount.malformed",
                    "must be a plain decimal with at most 2 decimals, like \"12.50\"");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidAmountException("amount.malformed",
                    "must be a plain decimal with at most 2 decimals, like \"12.50\"");
        }
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (fraction.length() == 1) {
            fraction = fraction + "0";
        }
        long minor;
        try {
            minor = Math.addExact(Math.multiplyExact(Long.parseLong(whole), Money.MINOR_PER_MAJOR),
                    fraction.isEmpty() ? 0 : Long.parseLong(fraction));
        } catch (ArithmeticException e) {
            throw new InvalidAmountException("amount.too-large", "is too large");
        }
        if (minor > MAX_AMOUNT_MINOR) {
            throw new InvalidAmountException("amount.above-maximum", "must not exceed {0}",
                    java.math.BigDecimal.valueOf(MAX_AMOUNT_MINOR, Money.DECIMALS));
        }
        return minor;
    }

    public static String format(long amountMinor) {
        String sign = amountMinor < 0 ? "-" : "";
        // Long.MIN_VALUE cannot be negated; it never is a valid amount, but formatting must not lie.
        String digits = amountMinor == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(amountMinor));
        while (digits.length() < 3) {
            digits = "0" + digits;
        }
        return sign + digits.substring(0, digits.length() - 2) + "." + digits.substring(digits.length() - 2);
    }
}
