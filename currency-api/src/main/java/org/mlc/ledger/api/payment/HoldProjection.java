package org.mlc.ledger.api.payment;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.payment.PaymentAuthorized;
import org.mlc.ledger.payment.PaymentCaptured;
import org.mlc.ledger.payment.PaymentHold;
import org.mlc.ledger.payment.PaymentHoldReleased;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two-phase payments and where each stands, and what each account holds for them (in the ledger
 * group, with the account view it updates).
 */
@Component
@ProcessingGroup(Projections.LEDGER)
class HoldProjection {

    private final JdbcTemplate jdbc;

    public HoldProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentAuthorized event) {
        int inserted = jdbc.update("INSERT INTO payment_hold_view (hold_id, currency, from_account, to_account, "
                        + "amount_minor, reference, status, expires_at, authorized_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (hold_id) DO NOTHING",
                event.holdId().value(), event.currency().value(), event.from().value(), event.to().value(),
                event.amountMinor(), event.reference(), HoldStatus.AUTHORIZED.name(), Timestamp.from(event.expiresAt()),
                Timestamp.from(event.at()));
        if (inserted > 0) {
            held(event.from().value(), event.amountMinor());
        }
    }

    @EventHandler
    void on(PaymentCaptured event) {
        if (close(event.holdId().value(), HoldStatus.CAPTURED, event.capturedMinor(), event.transferId().value(),
                event.at()) > 0) {
            held(event.from().value(), -(event.capturedMinor() + event.releasedMinor()));
        }
    }

    @EventHandler
    void on(PaymentHoldReleased event) {
        HoldStatus status = PaymentHold.EXPIRED.equals(event.reason()) ? HoldStatus.EXPIRED : HoldStatus.VOIDED;
        if (close(event.holdId().value(), status, null, null, event.at()) > 0) {
            held(event.from().value(), -event.amountMinor());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE payment_hold_view");
    }

    /** Closes an open hold; 0 when it was closed already (an event handled twice changes nothing). */
    private int close(String holdId, HoldStatus status, Long capturedMinor, String transferId,
                      java.time.Instant at) {
        return jdbc.update("UPDATE payment_hold_view SET status = ?, captured_minor = ?, transfer_id = ?, "
                        + "closed_at = ? WHERE hold_id = ? AND status = ?", status.name(), capturedMinor, transferId,
                Timestamp.from(at), holdId, HoldStatus.AUTHORIZED.name());
    }

    private void held(String accountId, long deltaMinor) {
        jdbc.update("UPDATE account_view SET held_minor = held_minor + ? WHERE account_id = ?", deltaMinor, accountId);
    }
}
