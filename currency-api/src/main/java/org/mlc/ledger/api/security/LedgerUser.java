package org.mlc.ledger.api.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A user as Spring Security holds it, with what the user is bound to and the version of its
 * credentials it was loaded with (a back-office session keeps it: {@link SessionUserCheck}). Its
 * authority is {@code ROLE_<role>}, or {@code ROLE_<role>_OF_CURRENCY} for a user bound to a
 * currency: the metrics ({@code hasAnyRole(ADMIN, AUDITOR)}) stay the platform's.
 */
public class LedgerUser extends User {

    private static final long serialVersionUID = 1L;

    private final Caller caller;
    private final long credentialsVersion;

    public LedgerUser(String username, String passwordHash, boolean enabled, Role role, String participantId,
                      String counterId, String currency, long credentialsVersion) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(currency == null ? "ROLE_" + role.name()
                        : "ROLE_" + role.name() + "_OF_CURRENCY")));
        this.caller = new Caller(username, role, participantId, counterId, currency);
        this.credentialsVersion = credentialsVersion;
    }

    /** {@code app_user.credentials_version} when this user was loaded: the database bumps it on every change. */
    public long credentialsVersion() {
        return credentialsVersion;
    }

    public Caller caller() {
        return caller;
    }
}
