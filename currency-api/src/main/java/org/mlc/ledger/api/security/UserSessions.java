package org.mlc.ledger.api.security;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The back-office sessions of a user, in PostgreSQL (Spring Session JDBC, shared by every node):
 * ended when the user is disabled or its password or role changes, so that the next request of
 * any of them, on any node, is sent to the sign-in page. {@link SessionUserCheck} refuses one that
 * a concurrent request kept alive.
 */
@Component
public class UserSessions {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    public UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of this user; answers how many there were. */
    public int endAll(String username) {
        Set<String> ids = sessions.findByPrincipalName(username).keySet();
        ids.forEach(sessions::deleteById);
        if (!ids.isEmpty()) {
            log.info("Ended {} session(s) of user '{}'", ids.size(), username);
        }
        return ids.size();
    }
}
