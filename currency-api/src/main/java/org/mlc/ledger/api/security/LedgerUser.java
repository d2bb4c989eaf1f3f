package org.mlc.ledger.api.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user as Spring Security holds it, with what the user is bound to. */
public class LedgerUser extends User {

    private final Caller caller;

    public LedgerUser(String username, String passwordHash, boolean enabled, Role role, String participantId,
                      String counterId) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.caller = new Caller(username, role, participantId, counterId);
    }

    public Caller caller() {
        return caller;
    }
}
