package org.mlc.ledger.api.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins in a row for this user name: try again after the wait. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    public LoginThrottledException(Duration wait) {
        super("too many failed logins; try again later");
        this.wait = wait;
    }

    public Duration retryAfter() {
        return wait;
    }
}
