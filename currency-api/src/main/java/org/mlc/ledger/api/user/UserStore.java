package org.mlc.ledger.api.user;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The users in {@code app_user} as the user administration reads and changes them (not ledger
 * events: plain rows, passwords as bcrypt hashes). Sign-in reads the table on its own (security).
 * A change of password, enabled flag, role or binding bumps {@code credentials_version} (a trigger,
 * V26): the user's open back-office sessions are refused from then on (security/SessionUserCheck);
 * whoever makes such a change also ends them ({@code UserSessions.endAll}) once it is committed.
 */
@Component
public class UserStore {

    /** A user; {@code participantId} and {@code counterId} are set as the role binds it. */
    public record User(String username, String role, String participantId, String counterId, boolean enabled,
                       String email) {
    }

    private static final String COLUMNS = "username, role, participant_id, counter_id, enabled, email";
    private static final RowMapper<User> ROW = (rs, i) -> new User(rs.getString("username"), rs.getString("role"),
            rs.getString("participant_id"), rs.getString("counter_id"), rs.getBoolean("enabled"),
            rs.getString("email"));

    private final JdbcTemplate jdbc;

    public UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE username = ?", ROW, username).stream()
                .findFirst();
    }

    /** Users by name, at most {@code limit}. */
    public List<User> list(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username LIMIT ?", ROW, limit);
    }

    public void insert(String username, String passwordHash, String role, String participantId, String counterId,
                       String email) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role, participant_id, counter_id, email) "
                + "VALUES (?, ?, ?, ?, ?, ?)", username, passwordHash, role, participantId, counterId, email);
    }

    /** The users with this e-mail address (any case), for a forgotten password. */
    public List<User> withEmail(String email) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE lower(email) = lower(?) ORDER BY username LIMIT 10",
                ROW, email);
    }

    /** The users bound to this participant. */
    public List<User> ofParticipant(String participantId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE participant_id = ? ORDER BY username", ROW,
                participantId);
    }

    /**
     * Locks the table against concurrent changes until the transaction ends: two administrators
     * disabled at once must not both see the other still enabled.
     */
    public void lockAgainstConcurrentChanges() {
        jdbc.execute("LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE");
    }

    public long enabledAdministrators() {
        return jdbc.queryForObject("SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled", Long.class);
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.update("UPDATE app_user SET enabled = ?, changed_at = now() WHERE username = ?", enabled, username);
    }

    public void setPasswordHash(String username, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = ?, changed_at = now() WHERE username = ?", passwordHash,
                username);
    }
}
