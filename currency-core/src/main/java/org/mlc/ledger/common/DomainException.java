package org.mlc.ledger.common;

import java.util.Optional;

/**
 * A command refused for a business reason. The code is stable: the API turns it into the last
 * segment of the problem+json type URI, and clients may rely on it.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final Kind kind;
    /** The input the refusal is about, named as the command's field (null: the command as a whole). */
    private final String field;

    /** What kind of refusal this is, which the API maps to an HTTP status. */
    public enum Kind {
        /** The input is malformed or out of range (400). */
        INVALID,
        /** Something named does not exist (404). */
        NOT_FOUND,
        /** It exists already or conflicts with the current state of things (409). */
        CONFLICT,
        /** Well-formed, but the rules refuse it (422). */
        REFUSED
    }

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    private DomainException(Kind kind, String code, String message, String field) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    /** The same refusal, about one field of the command (the API names it in the problem). */
    public DomainException naming(String field) {
        return new DomainException(kind, code, getMessage(), field);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public static DomainException refused(String code, String message) {
        return new DomainException(Kind.REFUSED, code, message);
    }

    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, "validation", message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, "not-found", message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    /** Throws the refusal a policy answered, if it answered one. */
    public static void throwIfAny(Optional<DomainException> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}
