package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    /** bcrypt at its lowest cost, counting the comparisons it really makes. */
    private static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger comparisons = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            comparisons.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final AtomicLong nanos = new AtomicLong();
    /** Background verifications, run when the test says. */
    private final Deque<Runnable> rechecks = new ArrayDeque<>();
    private final VerifiedPasswords passwords = new VerifiedPasswords(bcrypt, Duration.ofSeconds(60), nanos::get,
            rechecks::add);

    @Test
    void aPasswordVerifiedOnceIsNotHashedAgainWithinTheTtl() {
        String hash = passwords.encode("a long passphrase");
        for (int i = 0; i < 100; i++) {
            assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        }
        assertThat(bcrypt.comparisons).hasValue(1);
    }

    @Test
    void aWrongPasswordAlwaysPaysBcryptAndIsNeverRemembered() {
        String hash = passwords.encode("a long passphrase");
        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("a wrong passphrase", hash)).isFalse();
        }
        assertThat(bcrypt.comparisons).hasValue(3);
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(passwords.matches("a wrong passphrase", hash)).isFalse();
    }

    @Test
    void aNewHashForTheSamePasswordIsVerifiedAfresh() {
        // a password reset stores a new hash: what was verified against the old one no longer counts
        String old = passwords.encode("a long passphrase");
        assertThat(passwords.matches("a long passphrase", old)).isTrue();
        String reset = passwords.encode("another passphrase");
        assertThat(passwords.matches("a long passphrase", reset)).isFalse();
        assertThat(passwords.matches("another passphrase", reset)).isTrue();
        assertThat(bcrypt.comparisons).hasValue(3);
    }

    @Test
    void aVerifiedPasswordIsForgottenAfterTheTtl() {
        String hash = passwords.encode("a long passphrase");
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(bcrypt.comparisons).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(bcrypt.comparisons).hasValue(2);
        passwords.forgetAll();
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(bcrypt.comparisons).hasValue(3);
    }

    @Test
    void aPasswordInUseIsVerifiedAgainInTheBackgroundBeforeItExpires() {
        String hash = passwords.encode("a long passphrase");
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(rechecks).isEmpty();

        // half the TTL old: the request is answered at once, one verification is queued, not two
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(bcrypt.comparisons).hasValue(1);
        assertThat(rechecks).hasSize(1);
        rechecks.poll().run();
        assertThat(bcrypt.comparisons).hasValue(2);

        // verified again at 31 s: at 70 s it is still remembered, and no request paid bcrypt
        nanos.addAndGet(Duration.ofSeconds(39).toNanos());
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(bcrypt.comparisons).hasValue(2);
    }

    @Test
    void aPasswordNotVerifiedAgainWithinTheTtlIsVerifiedInItsRequest() {
        // the background verification never ran (a full queue): nothing older than the TTL is accepted unverified
        String hash = passwords.encode("a long passphrase");
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(rechecks).hasSize(1);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(passwords.matches("a long passphrase", hash)).isTrue();
        assertThat(bcrypt.comparisons).hasValue(2);
        assertThat(passwords.matches("a wrong passphrase", hash)).isFalse();
    }

    @Test
    void anEmptyStoredHashNeverMatches() {
        assertThat(passwords.matches("a long passphrase", "")).isFalse();
        assertThat(passwords.matches("a long passphrase", "")).isFalse();
        assertThat(bcrypt.comparisons).hasValue(2);
    }
}
