package org.mlc.ledger.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * A password in use is verified again in the background once its entry is half the TTL old, while
 * its requests go on: without that, every client of a user (the bench's 64 workers, a counter's
 * tills) waited together for one bcrypt each time the entry expired, 340 ms on a busy machine
 * (JFR, hosted-scale day). What was verified more than the TTL ago is still never accepted.
 */
public final class VerifiedPasswords implements PasswordEncoder {

    /** Verified credentials remembered at most; the least recently used are forgotten first. */
    public static final long MAX_ENTRIES = 10_000;
    private static final String MAC_ALGORITHM = "HmacSHA256";

    /** Background verifications waiting at most; beyond, an entry simply expires and is verified in its request. */
    static final int MAX_QUEUED_RECHECKS = 64;

    private final PasswordEncoder delegate;
    /** When each verified password was last verified (the ticker's nanos). */
    private final Cache<String, Long> verified;
    private final SecretKeySpec secret;
    private final Ticker ticker;
    private final long recheckAfterNanos;
    private final Executor rechecks;
    private final Set<String> rechecking = ConcurrentHashMap.newKeySet();

    public VerifiedPasswords(PasswordEncoder delegate, Duration ttl) {
        this(delegate, ttl, Ticker.systemTicker(), backgroundRechecks());
    }

    VerifiedPasswords(PasswordEncoder delegate, Duration ttl, Ticker ticker, Executor rechecks) {
        this.delegate = delegate;
        this.ticker = ticker;
        this.recheckAfterNanos = ttl.toNanos() / 2;
        this.rechecks = rechecks;
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
        // one (K clients all missing at once); a failure stores nothing.
        String key = key(rawPassword, encodedPassword);
        Long verifiedAt = verified.get(key, k -> delegate.matches(rawPassword, encodedPassword) ? ticker.read() : null);
        if (verifiedAt == null) {
            return false;
        }
        if (ticker.read() - verifiedAt > recheckAfterNanos && rechecking.add(key)) {
            recheckLater(key, rawPassword.toString(), encodedPassword);
        }
        return true;
    }

    private void recheckLater(String key, String rawPassword, String encodedPassword) {
        try {
            rechecks.execute(() -> {
                try {
                    if (delegate.matches(rawPassword, encodedPassword)) {
                        verified.put(key, ticker.read());
                    } else {
                        verified.invalidate(key);
                    }
                } finally {
                    rechecking.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            rechecking.remove(key); // the entry expires and its next request verifies it
        }
    }

    /** One daemon thread, a short queue: a recheck that does not fit is not needed. */
    private static Executor backgroundRechecks() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_QUEUED_RECHECKS),
                task -> {
                    Thread thread = new Thread(task, "password-recheck");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
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
