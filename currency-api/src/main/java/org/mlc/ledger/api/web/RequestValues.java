package org.mlc.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.InvalidAmountException;

/**
 * Reads request fields strictly, naming the field in every error. Amounts are decimal strings
 * in major units; a JSON number is accepted only when it is exact at two decimals.
 */
public final class RequestValues {

    /** Longest free text accepted in a request field (names, references, reasons). */
    public static final int MAX_TEXT_LENGTH = 200;

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
            throw ApiException.invalid(field, e.getMessage());
        }
    }

    private static String amountText(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ApiException.invalid(field, "is required");
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() || node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            if (value.signum() < 0) {
                throw ApiException.invalid(field, "must be greater than zero");
            }
            if (value.stripTrailingZeros().scale() > 2) {
                throw ApiException.invalid(field, "must have at most 2 decimals");
            }
            return value.stripTrailingZeros().toPlainString();
        }
        throw ApiException.invalid(field, "must be a decimal string like \"12.50\"");
    }

    /** A whole number between {@code min} and {@code max}, or {@code absent} when the field is not given. */
    public static int optionalWholeNumber(JsonNode node, String field, int min, int max, int absent) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return absent;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ApiException.invalid(field, "must be a whole number from " + min + " to " + max);
        }
        return node.intValue();
    }

    /** A fraction such as a fee rate "0.05", as basis points (500), between 0 and 1. */
    public static long basisPoints(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return 0;
        }
        String text = node.isTextual() ? node.textValue() : node.isNumber() ? node.decimalValue().toPlainString() : "";
        if (!text.matches("(0|1)(\\.[0-9]{1,4})?")) {
            throw ApiException.invalid(field, "must be a fraction between 0 and 1 with at most 4 decimals, like \"0.05\"");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw ApiException.invalid(field, "must not exceed 1");
        }
        return value.movePointRight(4).longValueExact();
    }

    public static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        return optionalText(value, field);
    }

    public static String optionalText(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw ApiException.invalid(field, "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw ApiException.invalid(field, "must not contain control characters");
        }
        return value.strip();
    }

    public static <E extends Enum<E>> E requiredEnum(String value, Class<E> type, String field) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An identifier from a path or body: short, and letters, digits and dashes only. */
    public static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        if (!value.matches("[A-Za-z0-9-]{1,64}")) {
            throw ApiException.invalid(field, "is not a valid identifier");
        }
        return value;
    }
}
