package org.mlc.ledger.api.security;

import org.mlc.ledger.api.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the authenticated user, its role and what it is bound to (a counter for an
 * agent, a participant for a member, merchant, CCAS or collectivité). Serializable: a back-office
 * session stores it, in PostgreSQL.
 */
public record Caller(String username, Role role, String participantId, String counterId)
        implements java.io.Serializable {

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

    /** ADMIN and AUDITOR see every resource; the other roles only their own. */
    public boolean seesEverything() {
        return role == Role.ADMIN || role == Role.AUDITOR;
    }

    public boolean is(Role other) {
        return role == other;
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
