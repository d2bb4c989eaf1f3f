package org.mlc.ledger.api.issuance;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.issuance.IssuanceFiled;
import org.mlc.ledger.issuance.IssuanceFundsReceived;
import org.mlc.ledger.issuance.IssuanceFundsReversed;
import org.mlc.ledger.issuance.IssuanceLineIssued;
import org.mlc.ledger.issuance.IssuanceLineRefused;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Direct issuances as tables: each issuance and each of its lines with what became of it. The
 * units' and euros' postings are booked by {@code LedgerProjection}; this says who, what and when.
 */
@Component
@ProcessingGroup(Projections.AID)
class IssuanceProjection {

    private final JdbcTemplate jdbc;

    IssuanceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IssuanceFiled event) {
        int created = jdbc.update("INSERT INTO issuance_view (issuance_id, currency, funder_id, reference, euros_minor, "
                        + "status, filed_by, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (issuance_id) DO NOTHING",
                event.issuanceId().value(), event.currency().value(), event.funder().value(), event.reference(),
                event.eurosMinor(), IssuanceQueries.AWAITING_FUNDS, event.by(), Timestamp.from(event.at()));
        if (created == 0) {
            return;
        }
        int[] number = {0};
        jdbc.batchUpdate("INSERT INTO issuance_line (issuance_id, line_no, line_key, recipient_id, account_id, "
                + "units_minor, label, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", event.lines(), 1_000, (ps, line) -> {
                    ps.setString(1, event.issuanceId().value());
                    ps.setInt(2, ++number[0]);
                    ps.setString(3, line.key());
                    ps.setString(4, line.recipient().value());
                    ps.setString(5, line.accountId().value());
                    ps.setLong(6, line.unitsMinor());
                    ps.setString(7, line.label());
                    ps.setString(8, IssuanceQueries.PENDING);
                });
    }

    @EventHandler
    void on(IssuanceFundsReceived event) {
        jdbc.update("UPDATE issuance_view SET status = ?, bank_reference = ?, funded_at = ? WHERE issuance_id = ?",
                IssuanceQueries.FUNDED, event.bankReference(), Timestamp.from(event.at()), event.issuanceId().value());
    }

    @EventHandler
    void on(IssuanceFundsReversed event) {
        jdbc.update("UPDATE issuance_view SET status = ?, bank_reference = NULL, funded_at = NULL WHERE issuance_id = ?",
                IssuanceQueries.AWAITING_FUNDS, event.issuanceId().value());
    }

    @EventHandler
    void on(IssuanceLineIssued event) {
        jdbc.update("UPDATE issuance_line SET status = ?, issued_at = ? WHERE issuance_id = ? AND line_key = ?",
                IssuanceQueries.ISSUED,
                Timestamp.from(event.at()), event.issuanceId().value(), event.key());
    }

    @EventHandler
    void on(IssuanceLineRefused event) {
        jdbc.update("UPDATE issuance_line SET status = ?, code = ?, issued_at = ? WHERE issuance_id = ? AND line_key = ?",
                IssuanceQueries.REFUSED, event.code(), Timestamp.from(event.at()), event.issuanceId().value(),
                event.key());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE issuance_line");
        jdbc.update("TRUNCATE issuance_view");
    }
}
