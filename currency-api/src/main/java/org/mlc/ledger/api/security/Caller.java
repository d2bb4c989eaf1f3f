package org.mlc.ledger.api.security;

import org.mlc.ledger.api.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the authenticated user, its role and what it is bound to (a counter for an
 * agent, a participant for a member, merchant, CCAS or collectivité) and the currency it belongs
 * to ({@code null} for the platform's ADMIN and an AUDITOR of the whole platform). Serializable: a
 * back-office session stores it, in PostgreSQL (a session stored before the currency was known
 * reads it as null and is ended by its credentials version anyway when the user changes).
 */
public record Caller(String username, Role role, String participantId, String counterId, String currency)
        implements java.io.Serializable {

    public Caller(String username, Role role, String participantId, String counterId) {
        this(username, role, participantId, counterId, null);
    }

    /** The caller of the current request; a 401 if there is none (cannot happen behind the filter chain). */
    public static Caller current() {
        Caller caller = currentOrNull();
        if (caller == null) {
            throw ApiException.of(HttpStatus.UNAUTHORIZED, "unauthorized", null, "web.unauthorized",
                    "authentication is required");
        }
        return caller;
    }

    public static Caller currentOrNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerUser user) {
            return user.caller();
        }
        return null;
    }

    /**
     * ADMIN, CURRENCY_ADMIN and AUDITOR see every resource (of their currency when bound to one:
     * the access layer answers 404 for the others); the other roles only their own.
     */
    public boolean seesEverything() {
        return role == Role.ADMIN || role == Role.CURRENCY_ADMIN || role == Role.AUDITOR;
    }

    /**
     * True if the caller has that role. A CURRENCY_ADMIN is an ADMIN within its currency: it passes
     * where ADMIN does (but on the platform's endpoints), the access layer keeping it to its currency.
     */
    public boolean is(Role other) {
        return role == other || other == Role.ADMIN && role == Role.CURRENCY_ADMIN;
    }

    /** True for an administrator: the platform's ADMIN, or a currency's (within it). */
    public boolean administers() {
        return role == Role.ADMIN || role == Role.CURRENCY_ADMIN;
    }

    /** True for the platform's operator (ADMIN itself, not a currency's admin). */
    public boolean isPlatformAdmin() {
        return role == Role.ADMIN;
    }

    /** True if the caller belongs to one currency and sees nothing of the others. */
    public boolean boundToCurrency() {
        return currency != null;
    }

    /** True if the caller may see what belongs to that currency. */
    public boolean sees(String otherCurrency) {
        return currency == null || currency.equals(otherCurrency);
    }

    /**
     * The currency a list is to be read in: the caller's own when it is bound to one (asking for
     * another is a 404, given by the access layer before), else {@code asked} (null: all).
     */
    public String currencyOr(String asked) {
        return currency != null ? currency : asked;
    }

    /** True if this caller is bound to that participant. */
    public boolean owns(String participant) {
        return participantId != null && participantId.equals(participant);
    }

    /** A 403 in translatable words ({@code problem.<key>}; {0}, {1}… the arguments). */
    public static ApiException forbidden(String key, String english, Object... args) {
        return ApiException.of(HttpStatus.FORBIDDEN, "forbidden", null, key, english, args);
    }
}
