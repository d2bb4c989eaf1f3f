package org.mlc.ledger.payment;

import java.time.Duration;
import java.time.Instant;
import org.mlc.ledger.common.AccountId;

/**
 * An amount a payer authorized a payee to take (a terminal's first phase): it stays on the payer's
 * account but cannot be spent elsewhere until it is captured, voided or released at its expiry.
 */
public record PaymentHold(AccountId to, long amountMinor, String reference, Instant expiresAt) {

    /** A terminal captures within minutes; a week covers a hotel or a rental, nothing longer. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);
    /** Holds open on one account at once: a terminal that never captures cannot grow it without bound. */
    public static final int MAX_OPEN_PER_ACCOUNT = 50;

    public static final String VOIDED = "voided";
    public static final String EXPIRED = "expired";

    public boolean expiredAt(Instant at) {
        return !at.isBefore(expiresAt);
    }
}
