package org.mlc.ledger.api.payment;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.account.LedgerProjection;
import org.mlc.ledger.payment.TransferCreditRefused;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferReturned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Payments and where each stands. */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class TransferProjection {

    private final JdbcTemplate jdbc;

    public TransferProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferDebited event) {
        jdbc.update("INSERT INTO transfer_view (transfer_id, currency, from_account, to_account, amount_minor, "
                        + "reference, status, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (transfer_id) DO NOTHING",
                event.transferId().value(), event.currency().value(), event.from().value(), event.to().value(),
                event.amountMinor(), event.reference(), PaymentStatus.IN_TRANSIT.name(), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(TransferCredited event) {
        status(event.transferId().value(), PaymentStatus.COMPLETED, null);
    }

    @EventHandler
    void on(TransferCreditRefused event) {
        status(event.transferId().value(), PaymentStatus.RETURNING, event.reason());
    }

    @EventHandler
    void on(TransferReturned event) {
        status(event.transferId().value(), PaymentStatus.RETURNED, event.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM transfer_view");
    }

    private void status(String transferId, PaymentStatus status, String reason) {
        jdbc.update("UPDATE transfer_view SET status = ?, reason = COALESCE(?, reason) WHERE transfer_id = ?",
                status.name(), reason, transferId);
    }
}
