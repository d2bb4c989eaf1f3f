package org.mlc.ledger.api.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlc.ledger.common.DomainException.Wording;
import org.mlc.ledger.money.InvalidAmountException;
import org.springframework.http.HttpStatus;

/**
 * An error the API answers with a problem+json document carrying a stable code. Its words are
 * translatable like a {@code DomainException}'s ({@link Wording}: {@code problem.<key>} in
 * problems-web.properties, the English template as fallback); {@link #getMessage()} is the English.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final transient Wording wording;

    public ApiException(HttpStatus status, String code, String detail, String field) {
        this(status, code, new Wording(null, detail, List.of()), field);
    }

    public ApiException(HttpStatus status, String code, Wording wording, String field) {
        super(wording.english(), null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.wording = wording;
    }

    /** A translatable error: {@code english} is the template ({0}, {1}…) of {@code problem.<key>}. */
    public static ApiException of(HttpStatus status, String code, String field, String key, String english,
                                  Object... args) {
        return new ApiException(status, code, new Wording(key, english, Arrays.asList(args)), field);
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", field + " " + detail, field);
    }

    /**
     * A field's value refused, translatable: in {@code english}, {0} is the field (shown by its label,
     * {@code field.<name>}) and {1}, {2}… the arguments.
     */
    public static ApiException invalid(String field, String key, String english, Object... args) {
        List<Object> all = new ArrayList<>(args.length + 1);
        all.add(new Wordings.Field(field));
        all.addAll(Arrays.asList(args));
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", new Wording(key, english, all), field);
    }

    /** An amount typed wrong, in words of its own (Amounts speaks English only). */
    public static ApiException amount(String field, InvalidAmountException e) {
        String message = String.valueOf(e.getMessage());
        if (message.equals("is required")) {
            return invalid(field, "web.required", "{0} is required");
        }
        if (message.equals("must be greater than zero")) {
            return invalid(field, "web.amount-positive", "{0} must be greater than zero");
        }
        if (message.equals("is too large")) {
            return invalid(field, "web.amount-too-large", "{0} is too large");
        }
        if (message.startsWith("must be a plain decimal")) {
            return invalid(field, "web.amount-format",
                    "{0} must be a plain decimal with at most 2 decimals, like \"12.50\"");
        }
        if (message.startsWith("must not exceed ")) {
            return invalid(field, "web.amount-max", "{0} must not exceed {1}",
                    message.substring("must not exceed ".length()));
        }
        return invalid(field, message);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", detail, null);
    }

    /** Something named that does not exist, translatable. */
    public static ApiException notFound(String key, String english, Object... args) {
        return of(HttpStatus.NOT_FOUND, "not-found", null, key, english, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** The words to translate; {@code key()} is null for words written before they were translatable. */
    public Wording wording() {
        return wording;
    }
}
