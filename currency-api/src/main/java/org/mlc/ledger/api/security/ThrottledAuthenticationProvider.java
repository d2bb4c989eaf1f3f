package org.mlc.ledger.api.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks passwords through the delegate, but refuses at once (before the costly bcrypt) a name
 * that is still waiting after repeated failures. Failures are logged with the user name only
 * when such a user exists: an unknown "name" may be a password typed in the wrong field.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final JdbcTemplate jdbc;

    public ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.jdbc = jdbc;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Duration wait = throttle.waitFor(name);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(name);
            return result;
        } catch (BadCredentialsException e) {
            int inARow = throttle.failed(name);
            boolean known = name != null && !jdbc.queryForList("SELECT 1 FROM app_user WHERE username = ?",
                    Integer.class, name).isEmpty();
            if (known) {
                log.warn("Failed login for user '{}' ({} in a row)", name, inARow);
            } else {
                log.warn("Failed login for an unknown user name ({} in a row)", inARow);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
