package org.mlc.ledger.api.ui;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, and the home page: each role lands on its own pages. */
@PageController
public class HomePages {

    /** Open to everyone (the security chain lets it through). */
    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT, Role.MERCHANT, Role.MEMBER, Role.CCAS,
            Role.COLLECTIVITE, Role.EMPLOYER})
    @GetMapping("/")
    public String home() {
        return "redirect:" + homeOf(Caller.current());
    }

    public static String homeOf(Caller caller) {
        return switch (caller.role()) {
            case ADMIN, AUDITOR -> "/association";
            case COUNTER_AGENT -> "/counter";
            case CCAS, EMPLOYER -> "/ccas";
            default -> "/account";
        };
    }
}
