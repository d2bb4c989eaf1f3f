package org.mlc.ledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks, on every request of a back-office session, that its user is still the one who signed
 * in: present, enabled, with the same {@code credentials_version} (which the database bumps when
 * the password, the enabled flag, the role or the binding changes). {@link UserSessions} deletes a
 * user's sessions when it changes; this check refuses a session that escaped the deletion (a
 * request that raced with it, a row changed by hand). The session is then ended and the request
 * goes on as no one: the sign-in page, never the page asked for. One read of {@code app_user} by
 * its primary key per page request, next to the session's own reads; the API (HTTP Basic) loads
 * its user on every request anyway.
 */
class SessionUserCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionUserCheck.class);

    private final JdbcTemplate jdbc;

    SessionUserCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerUser user && !current(user)) {
            log.info("Session of user '{}' refused and ended: the user was disabled, removed, or its password or "
                    + "role changed since it signed in", user.getUsername());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean current(LedgerUser user) {
        List<Long> versions = jdbc.queryForList("SELECT credentials_version FROM app_user "
                + "WHERE username = ? AND enabled", Long.class, user.getUsername());
        return !versions.isEmpty() && versions.get(0) == user.credentialsVersion();
    }
}
