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

    /**
     * A user; {@code participantId} and {@code counterId} are set as the role binds it, {@code currency}
     * is the one it belongs to (its own, its counter's or its participant's; null: the whole platform).
     */
    public record User(String username, String role, String participantId, String counterId, boolean enabled,
                       String currency, String email) {
    }

    private static final String CURRENCY = "COALESCE(u.currency, "
            + "(SELECT c.currency FROM counter_view c WHERE c.counter_id = u.counter_id), "
            + "(SELECT p.currency FROM participant_view p WHERE p.participant_id = u.participant_id))";
    private static final String COLUMNS = "u.username, u.role, u.participant_id, u.counter_id, u.enabled, u.email, " + CURRENCY
            + " AS currency";
    private static final RowMapper<User> ROW = (rs, i) -> new User(rs.getString("username"), rs.getString("role"),
            rs.getString("participant_id"), rs.getString("counter_id"), rs.getBoolean("enabled"),
            rs.getString("currency"), rs.getString("email"));

    private final JdbcTemplate jdbc;

    public UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user u WHERE u.username = ?", ROW, username).stream()
                .findFirst();
    }

    /**
     * The currency a user belongs to: its own (a CURRENCY_ADMIN, a bound AUDITOR), its counter's or its
     * participant's; empty for an unknown user and for one of the whole platform.
     */
    public Optional<String> currencyOf(String username) {
        return jdbc.query("SELECT " + CURRENCY + " AS currency FROM app_user u WHERE u.username = ?", (rs, i) -> rs.getString("currency"), username).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** Users by name, at most {@code limit}; those of one currency if {@code currency} is not null. */
    public List<User> list(int limit, String currency) {
        if (currency != null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM app_user u WHERE " + CURRENCY + " = ? ORDER BY u.username "
                    + "LIMIT ?", ROW, currency, limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user u ORDER BY u.username LIMIT ?", ROW, limit);
    }

    /** {@code currency}: a CURRENCY_ADMIN's or a bound AUDITOR's (the others have theirs through their binding). */
    public void insert(String username, String passwordHash, String role, String participantId, String counterId,
                       String currency, String email) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role, participant_id, counter_id, currency, email) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", username, passwordHash, role, participantId, counterId, currency,
                email);
    }

    /** The users with this e-mail address (any case), for a forgotten password. */
    public List<User> withEmail(String email) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user u WHERE lower(u.email) = lower(?) ORDER BY u.username "
                + "LIMIT 10", ROW, email);
    }

    /** The users bound to this participant. */
    public List<User> ofParticipant(String participantId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user u WHERE u.participant_id = ? ORDER BY u.username", ROW,
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
