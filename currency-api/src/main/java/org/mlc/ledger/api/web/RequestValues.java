package org.mlc.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mlc.ledger.counter.Notes;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.InvalidAmountException;

/**
 * Reads request fields strictly, naming the field in every error. Amounts are decimal strings
 * in major units; a JSON number is accepted only when it is exact at two decimals.
 */
public final class RequestValues {

    /** Longest free text accepted in a request field (names, references, reasons). */
    public static final int MAX_TEXT_LENGTH = 200;

    /**
     * Most digits a JSON number may carry, and most decimal places (an exact "1.000" is 1). A number
     * beyond either is refused before any arithmetic: {@code 1E+999999999} written out in full
     * would take a billion characters.
     */
    static final int MAX_NUMBER_DIGITS = 30;

    /** The first and last days any date of a request may name: a sane range the database can store. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    private RequestValues() {
    }

    public static long positiveAmount(JsonNode node, String field) {
        return amount(node, field, true);
    }

    public static long nonNegativeAmount(JsonNode node, String field) {
        return amount(node, field, false);
    }

    private static long amount(JsonNode node, String field, boolean positive) {
        String text = amountText(node, field);
        try {
            return positive ? Amounts.parsePositive(text) : Amounts.parseNonNegative(text);
        } catch (InvalidAmountException e) {
            throw ApiException.amount(field, e);
        }
    }

    private static String amountText(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ApiException.invalid(field, "web.required", "{0} is required");
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() || node.isBigDecimal()) {
            BigDecimal value = boundedDecimal(node, field);
            if (value.signum() < 0) {
                throw ApiException.invalid(field, "web.amount-positive", "{0} must be greater than zero");
            }
            if (value.stripTrailingZeros().scale() > 2) {
                throw ApiException.invalid(field, "web.amount-decimals", "{0} must have at most 2 decimals");
            }
            return value.stripTrailingZeros().toPlainString();
        }
        throw ApiException.invalid(field, "web.amount-string", "{0} must be a decimal string like \"12.50\"");
    }

    /**
     * A JSON number, refused when it has too many digits or too large an exponent for any field, before
     * anything else is done with it (BigDecimal arithmetic and printing cost what the exponent says).
     */
    private static BigDecimal boundedDecimal(JsonNode node, String field) {
        BigDecimal value = node.decimalValue();
        long wholeDigits = (long) value.precision() - value.scale();
        if (value.precision() > MAX_NUMBER_DIGITS || wholeDigits > MAX_NUMBER_DIGITS
                || value.scale() > MAX_NUMBER_DIGITS) {
            throw ApiException.invalid(field, "web.number-range",
                    "{0} must be a decimal string like \"12.50\" (this number is out of range)");
        }
        return value;
    }

    /** A whole number between {@code min} and {@code max}, or {@code absent} when the field is not given. */
    public static int optionalWholeNumber(JsonNode node, String field, int min, int max, int absent) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return absent;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ApiException.invalid(field, "web.whole-number", "{0} must be a whole number from {1} to {2}", min, max);
        }
        return node.intValue();
    }

    /** A fraction such as a fee rate "0.05", as basis points (500), between 0 and 1. */
    public static long basisPoints(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return 0;
        }
        String text = node.isTextual() ? node.textValue() : node.isNumber() ? boundedDecimal(node, field).toPlainString() : "";
        if (!text.matches("(0|1)(\\.[0-9]{1,4})?")) {
            throw ApiException.invalid(field, "web.fraction",
                    "{0} must be a fraction between 0 and 1 with at most 4 decimals, like \"0.05\"");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw ApiException.invalid(field, "web.fraction-max", "{0} must not exceed 1");
        }
        return value.movePointRight(4).longValueExact();
    }

    /**
     * Free text a person will read (a name, a label, a reference, a reason, an address): see
     * {@link #optionalText}; blank once trimmed is missing.
     */
    public static String requiredText(String value, String field) {
        String text = optionalText(value, field);
        if (text == null || text.isEmpty()) {
            throw ApiException.invalid(field, "web.required", "{0} is required");
        }
        return text;
    }

    /**
     * Free text a person will read, the one check of every such field (JSON, forms and bulk CSV
     * lines alike): at most {@link #MAX_TEXT_LENGTH} characters, in Unicode's composed form (NFC, so
     * that the same name is the same characters), without the spaces around it (Unicode's too: a
     * no-break space alone is blank). Refused: control characters, characters that reorder or hide
     * what is shown (bidirectional overrides and isolates, zero-width characters) and a half of a
     * surrogate pair (which PostgreSQL would store as '?').
     */
    public static String optionalText(String value, String field) {
        return freeText(value, field, MAX_TEXT_LENGTH, false);
    }

    /**
     * Longer free text a person will read (a description, opening hours): checked as
     * {@link #optionalText}, on several lines if need be and up to {@code maxLength} characters.
     */
    public static String optionalLongText(String value, String field, int maxLength) {
        return freeText(value, field, maxLength, true);
    }

    /**
     * Why a correction is made (a cancellation, a recount, an undone match), kept in its event: free
     * text checked as {@link #optionalText}, but on several lines if need be and up to
     * {@code maxLength} characters; required.
     */
    public static String requiredReason(String value, int maxLength) {
        String text = freeText(value, "reason", maxLength, true);
        if (text == null || text.isEmpty()) {
            throw ApiException.invalid("reason", "web.required", "{0} is required");
        }
        return text;
    }

    private static String freeText(String value, String field, int maxLength, boolean lineBreaks) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.invalid(field, "web.text-length", "{0} must be at most {1} characters", maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.invalid(field, "web.text-surrogate",
                        "{0} must not contain an unpaired surrogate (invalid UTF-16)");
            }
        }
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFC);
        if (normalized.length() > maxLength) {
            throw ApiException.invalid(field, "web.text-length", "{0} must be at most {1} characters", maxLength);
        }
        // checked before trimming: a line break or a tab at an end is a control character, not a space
        normalized.codePoints().forEach(c -> {
            if (Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r'))) {
                throw ApiException.invalid(field, "web.text-control", "{0} must not contain control characters");
            }
            if (isInvisibleFormatting(c)) {
                throw ApiException.invalid(field, "web.text-invisible",
                        "{0} must not contain invisible or text-direction characters (U+{1})", String.format("%04X", c));
            }
        });
        return strip(normalized);
    }

    /**
     * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), direction marks
     * (U+200E, U+200F, U+061C) and zero-width characters (U+200B–U+200D, U+2060, U+FEFF): they make
     * a name read as another ("Bob\u202Egnp.exe") or two names that look the same differ.
     */
    private static boolean isInvisibleFormatting(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || (c >= 0x200B && c <= 0x200F)
                || c == 0x2060 || c == 0xFEFF || c == 0x061C;
    }

    /** Without Unicode's spaces at either end (String.strip leaves the no-break spaces). */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    public static <E extends Enum<E>> E requiredEnum(String value, Class<E> type, String field) {
        if (value == null) {
            throw ApiException.invalid(field, "web.required", "{0} is required");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "web.one-of", "{0} must be one of {1}",
                    java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An identifier from a path or body: short, and letters, digits and dashes only. */
    public static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "web.required", "{0} is required");
        }
        if (!value.matches("[A-Za-z0-9-]{1,64}")) {
            throw ApiException.invalid(field, "web.identifier", "{0} is not a valid identifier");
        }
        return value;
    }

    /**
     * A day (yyyy-mm-dd) from {@link #FIRST_DAY} to {@link #LAST_DAY}: every date a request names
     * is read here, so no year the database cannot store (PostgreSQL ends at 294276) or no one means
     * (+999999999) goes further. Null when the field is absent or blank.
     */
    public static LocalDate optionalDate(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day = null;
        if (DATE.matcher(value).matches()) {
            try {
                day = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                day = null;
            }
        }
        if (day == null || day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw ApiException.invalid(field, "web.date", "{0} must be a date from {1} to {2}, like 2026-01-31",
                    FIRST_DAY.toString(), LAST_DAY.toString());
        }
        return day;
    }

    public static LocalDate requiredDate(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "web.date-required", "{0} is required, as a date like 2026-01-31");
        }
        return optionalDate(value, field);
    }

    /** A month (yyyy-mm) within the years of {@link #FIRST_DAY} and {@link #LAST_DAY}. */
    public static YearMonth requiredMonth(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "web.month-required", "{0} is required, as a month like 2026-01");
        }
        YearMonth month = null;
        if (MONTH.matcher(value).matches()) {
            try {
                month = YearMonth.parse(value);
            } catch (DateTimeParseException e) {
                month = null;
            }
        }
        if (month == null || month.isBefore(YearMonth.from(FIRST_DAY)) || month.isAfter(YearMonth.from(LAST_DAY))) {
            throw ApiException.invalid(field, "web.month", "{0} must be a month from {1} to {2}, like 2026-01",
                    YearMonth.from(FIRST_DAY).toString(), YearMonth.from(LAST_DAY).toString());
        }
        return month;
    }

    /**
     * Notes by denomination, as {"10": 5, "50": 1}: denominations that exist, whole counts from 0
     * to {@code max}, at least one note. A zero count is kept when it means something (a counter's
     * stock set to none of a denomination), dropped otherwise.
     */
    public static SortedMap<Integer, Integer> noteCounts(JsonNode node, String field, int max, boolean keepZeros) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw ApiException.invalid(field, "notes.count-required", "{0} is required, like {\"10\": 5, \"20\": 2}");
        }
        SortedMap<Integer, Integer> notes = new TreeMap<>();
        var entries = node.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            int denomination;
            try {
                denomination = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                denomination = -1;
            }
            if (!Notes.DENOMINATIONS.contains(denomination)) {
                throw ApiException.invalid(field, "notes.no-denomination",
                        "{0} there is no note of {1}; denominations are {2}", entry.getKey(),
                        new TreeSet<>(Notes.DENOMINATIONS));
            }
            JsonNode count = entry.getValue();
            if (!count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0
                    || count.intValue() > max) {
                throw ApiException.invalid(field, "notes.count-range",
                        "{0} the count of {1} must be a whole number from 0 to {2}", entry.getKey(), max);
            }
            if (keepZeros || count.intValue() > 0) {
                notes.put(denomination, count.intValue());
            }
        }
        if (notes.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw ApiException.invalid(field, "notes.at-least-one", "{0} must count at least one note");
        }
        return notes;
    }
}
