package org.mlc.ledger.api.reconversion;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.account.UnitsReconverted;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.PayoutConfirmationUndone;
import org.mlc.ledger.reconversion.PayoutConfirmed;
import org.mlc.ledger.reconversion.PayoutPaid;
import org.mlc.ledger.reconversion.PayoutRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each reconversion and its payout out of the guarantee fund (reconversion_view). Their postings
 * are booked by {@link LedgerProjection} like any value movement; this is a class of its own
 * because Axon calls only the most specific handler of a class for an event, so these rows cannot
 * sit next to LedgerProjection's handler of every value movement. Same group: replayed together.
 */
@Component
@ProcessingGroup(Projections.LEDGER)
class ReconversionProjection {

    private final JdbcTemplate jdbc;

    public ReconversionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitsReconverted event) {
        // The payout (another aggregate) may be projected before or after this: each side upserts.
        jdbc.update("INSERT INTO reconversion_view (reconversion_id, currency, account_id, units_minor, fee_minor, "
                        + "euros_minor, paid_out_minor, status, requested_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) "
                        + "ON CONFLICT (reconversion_id) DO UPDATE SET units_minor = EXCLUDED.units_minor, "
                        + "fee_minor = EXCLUDED.fee_minor", event.reconversionId().value(), event.currency().value(),
                event.accountId().value(), event.unitsMinor(), event.feeMinor(), event.eurosMinor(),
                event.eurosMinor() == 0 ? "NONE" : GuaranteeFund.PayoutStatus.REQUESTED.name(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(PayoutRequested event) {
        jdbc.update("INSERT INTO reconversion_view (reconversion_id, currency, account_id, units_minor, fee_minor, "
                        + "euros_minor, paid_out_minor, status, requested_at) VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?) "
                        + "ON CONFLICT (reconversion_id) DO UPDATE SET paid_out_minor = EXCLUDED.paid_out_minor",
                event.reconversionId().value(), event.currency().value(), event.accountId().value(),
                event.eurosMinor(), event.eurosMinor(), GuaranteeFund.PayoutStatus.REQUESTED.name(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(PayoutPaid event) {
        jdbc.update("UPDATE reconversion_view SET status = ?, bank_order = ?, paid_at = ? WHERE reconversion_id = ?",
                GuaranteeFund.PayoutStatus.PAID.name(), event.bankOrder(), Timestamp.from(event.at()),
                event.reconversionId().value());
    }

    @EventHandler
    void on(PayoutConfirmed event) {
        jdbc.update("UPDATE reconversion_view SET status = ?, bank_reference = ?, confirmed_at = ? "
                        + "WHERE reconversion_id = ?", GuaranteeFund.PayoutStatus.CONFIRMED.name(),
                event.bankReference(), Timestamp.from(event.at()), event.reconversionId().value());
    }

    @EventHandler
    void on(PayoutConfirmationUndone event) {
        jdbc.update("UPDATE reconversion_view SET status = ?, bank_reference = NULL, confirmed_at = NULL "
                + "WHERE reconversion_id = ?", GuaranteeFund.PayoutStatus.PAID.name(), event.reconversionId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE reconversion_view");
    }
}
