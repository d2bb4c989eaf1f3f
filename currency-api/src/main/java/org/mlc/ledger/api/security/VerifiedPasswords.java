package org.mlc.ledger.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short while, that a password matched a stored bcrypt hash, so that HTTP Basic
 * does not pay bcrypt (about 75 ms of CPU at cost 10) on every request of a client that sends the
 * same credentials again and again.
 * <p>
 * Why it stays safe:
 * <ul>
 * <li>the key is an HMAC (with a random secret drawn at start, never stored) of the <em>stored
 *     hash</em> and the password: the user is still loaded from {@code app_user} on every request,
 *     so a changed password (a new hash) misses at once, and a disabled user is refused by Spring's
 *     checks before any password is compared;</li>
 * <li>only successes are remembered: a wrong password always pays bcrypt and counts as a failure
 *     for the {@link LoginThrottle};</li>
 * <li>nothing reversible is kept: neither the password nor an unkeyed digest of it; entries expire
 *     after {@code ttl} and are bounded in number.</li>
 * </ul>
 */
public final class VerifiedPasswords implements PasswordEncoder {

    /** Verified credentials remembered at most; the least recently used are forgotten first. */
    public static final long MAX_ENTRIES = 10_000;
    private static final String MAC_ALGORITHM = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec secret;

    public VerifiedPasswords(PasswordEncoder delegate, Duration ttl) {
        this(delegate, ttl, Ticker.systemTicker());
    }

    VerifiedPasswords(PasswordEncoder delegate, Duration ttl, Ticker ticker) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl).ticker(ticker).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, MAC_ALGORITHM);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        // Concurrent requests with the same credentials wait for one bcrypt rather than each paying
        // one (K clients all missing at once when the entry expires); a failure stores nothing.
        return verified.get(key(rawPassword, encodedPassword),
                k -> delegate.matches(rawPassword, encodedPassword) ? Boolean.TRUE : null) != null;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Forgets every verified password (the next request of each user pays bcrypt again). */
    public void forgetAll() {
        verified.invalidateAll();
    }

    private String key(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(secret);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " is not available", e);
        }
    }
}
