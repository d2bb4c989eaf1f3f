package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void theFirstFailuresCostNothingThenEachWaitDoubles() {
        LoginThrottle throttle = new LoginThrottle(NOW, 5, 1_000, 900_000);
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
        }
        assertThat(throttle.waitFor("alice")).isZero();
        throttle.failed("alice");
        assertThat(throttle.waitFor("alice")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("alice");
        assertThat(throttle.waitFor("alice")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("bob")).isZero();
    }

    @Test
    void nobodyIsLockedOutForGoodNotEvenTheAdministrator() {
        LoginThrottle throttle = new LoginThrottle(NOW, 5, 1_000, 900_000);
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("admin");
        }
        assertThat(throttle.waitFor("admin")).isEqualTo(Duration.ofMinutes(15));
        LoginThrottle later = new LoginThrottle(Clock.offset(NOW, Duration.ofMinutes(16)), 5, 1_000, 900_000);
        assertThat(later.waitFor("admin")).isZero();
        throttle.succeeded("admin");
        assertThat(throttle.waitFor("admin")).isZero();
    }
}
