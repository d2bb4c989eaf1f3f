package org.mlc.ledger.api.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens of "choose a password" links: 32 random bytes given once in the link, only their
 * SHA-256 kept ({@code password_token}); each is used once, before it expires (a reset 30 minutes
 * after it was asked for, a welcome link after {@link #WELCOME_VALIDITY}).
 */
@Component
public class PasswordTokens {

    public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);
    public static final Duration WELCOME_VALIDITY = Duration.ofDays(7);
    /** Reset links sent to one user in an hour at most; more asks get the same answer and no e-mail. */
    public static final int MAX_RESETS_PER_HOUR = 3;

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PasswordTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum Purpose { WELCOME, RESET }

    /** A new token for {@code username}; the text to put in the link. */
    public String issue(String username, Purpose purpose) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Duration validity = purpose == Purpose.RESET ? RESET_VALIDITY : WELCOME_VALIDITY;
        jdbc.update("INSERT INTO password_token (token_hash, username, purpose, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)", hash(token), username, purpose.name(), Timestamp.from(now),
                Timestamp.from(now.plus(validity)));
        return token;
    }

    /** Whether {@code username} was sent fewer reset links than the hourly limit. */
    public boolean mayReset(String username) {
        return jdbc.queryForObject("SELECT count(*) FROM password_token WHERE username = ? AND purpose = 'RESET' "
                        + "AND created_at > ?", Long.class, username,
                Timestamp.from(clock.instant().minus(Duration.ofHours(1)))) < MAX_RESETS_PER_HOUR;
    }

    /** The user of a valid, unused token, which is used from then on (in the caller's transaction). */
    public Optional<String> use(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("UPDATE password_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                        + "AND expires_at > ? RETURNING username", (rs, i) -> rs.getString(1),
                Timestamp.from(clock.instant()), hash(token), Timestamp.from(clock.instant())).stream().findFirst();
    }

    /** Whether the token is valid and unused (the page asks before showing its form). */
    public boolean valid(String token) {
        if (token == null || token.length() > 100) {
            return false;
        }
        return jdbc.queryForObject("SELECT count(*) FROM password_token WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > ?", Long.class, hash(token), Timestamp.from(clock.instant())) > 0;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
