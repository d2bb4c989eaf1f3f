package org.mlc.ledger.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing: after {@code freeFailures} failed logins in a row for one user
 * name, each further attempt must wait, the wait doubling from {@code baseDelayMillis} up to
 * {@code maxDelayMillis}. Nobody is locked out for good (the administrator included): the wait is
 * capped, a success clears it, and it lives in memory, one node at a time (a restart clears it;
 * with several nodes an attacker gets each node's allowance).
 */
public class LoginThrottle {

    /** Names tracked at most; beyond it the least recently failed are forgotten. */
    public static final long MAX_TRACKED_NAMES = 100_000;

    private final Clock clock;
    private final int freeFailures;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    private final Cache<String, Failures> failures;

    private record Failures(int count, Instant blockedUntil) {
    }

    public LoginThrottle(Clock clock, int freeFailures, long baseDelayMillis, long maxDelayMillis) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.failures = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_NAMES)
                // a forgotten streak of failures must not outlive the longest wait by much
                .expireAfterWrite(Duration.ofMillis(Math.max(maxDelayMillis * 4, 60_000)))
                .build();
    }

    /** How long this name must still wait before trying again; zero if it may try now. */
    public Duration waitFor(String username) {
        Failures current = failures.getIfPresent(key(username));
        if (current == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), current.blockedUntil());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Records a failure; returns how many failures in a row this name now has. */
    public int failed(String username) {
        Failures next = failures.asMap().compute(key(username), (name, previous) -> {
            int count = previous == null ? 1 : previous.count() + 1;
            return new Failures(count, clock.instant().plusMillis(delayMillisAfter(count)));
        });
        return next.count();
    }

    public void succeeded(String username) {
        failures.invalidate(key(username));
    }

    /** The wait imposed after {@code count} failures in a row. */
    long delayMillisAfter(int count) {
        if (count < freeFailures) {
            return 0;
        }
        long delay = baseDelayMillis;
        for (int i = freeFailures; i < count && delay > 0 && delay < maxDelayMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxDelayMillis);
    }

    private static String key(String username) {
        return username == null ? "" : username;
    }
}
