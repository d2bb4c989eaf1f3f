package org.mlc.ledger.api.aid;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.account.EarmarkExpired;
import org.mlc.ledger.account.EarmarkedLotReceived;
import org.mlc.ledger.account.EarmarkedUnitsSpent;
import org.mlc.ledger.aid.AidFundingAnnounced;
import org.mlc.ledger.aid.AidFundingReceived;
import org.mlc.ledger.aid.AidFundingReversed;
import org.mlc.ledger.aid.AidGranted;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.aid.AidProgramClosed;
import org.mlc.ledger.aid.AidProgramCreated;
import org.mlc.ledger.aid.ExpiredUnitsReturned;
import org.mlc.ledger.api.infrastructure.GlobalIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * CCAS aid as tables: the programmes and their fundings, the earmarked lots of each account (what
 * the account view shows and what the expiry job looks for), and every aid movement, from which
 * the programme report is summed. The units' postings are booked by {@code LedgerProjection}.
 */
@Component
@ProcessingGroup(Projections.AID)
class AidProjection {


    /** What an aid movement was, in {@code aid_movement.kind}. */
    public enum Movement { FUNDED, GRANTED, SPENT, RETURNED, CLOSED }

    private final JdbcTemplate jdbc;
    private final GlobalIndex globalIndex;

    public AidProjection(JdbcTemplate jdbc, GlobalIndex globalIndex) {
        this.jdbc = jdbc;
        this.globalIndex = globalIndex;
    }

    @EventHandler
    void on(AidProgramCreated event) {
        jdbc.update("INSERT INTO aid_program_view (program_id, ccas_id, ccas_account_id, currency, name, filieres, "
                        + "validity_days, monthly_cap_minor, status, balance_minor, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, ?) ON CONFLICT (program_id) DO NOTHING",
                event.programId().value(), event.ccas().value(), event.ccasAccount().value(), event.currency().value(),
                event.name(), String.join(",", event.filieres()), event.validityDays(),
                event.monthlyCapPerBeneficiaryMinor(), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(AidFundingAnnounced event) {
        jdbc.update("INSERT INTO aid_funding_view (funding_id, program_id, euros_minor, reference, status, "
                        + "announced_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (funding_id) DO NOTHING",
                event.fundingId().value(), event.programId().value(), event.eurosMinor(), event.reference(),
                AidProgram.FundingStatus.ANNOUNCED.name(), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(AidFundingReceived event, EventMessage<?> message) {
        jdbc.update("UPDATE aid_funding_view SET status = ?, bank_reference = ?, received_at = ? WHERE funding_id = ?",
                AidProgram.FundingStatus.RECEIVED.name(), event.bankReference(), Timestamp.from(event.at()),
                event.fundingId().value());
        balance(event.programId().value(), event.eurosMinor());
        movement(globalIndex.of(message), 0, event.programId().value(), Movement.FUNDED, event.eurosMinor(), null,
                null, null, null, event.at());
    }

    @EventHandler
    void on(AidFundingReversed event, EventMessage<?> message) {
        jdbc.update("UPDATE aid_funding_view SET status = ?, bank_reference = NULL, received_at = NULL "
                + "WHERE funding_id = ?", AidProgram.FundingStatus.ANNOUNCED.name(), event.fundingId().value());
        balance(event.programId().value(), -event.eurosMinor());
        // a negative funding, so that what was funded is summed net of the matches undone
        movement(globalIndex.of(message), 0, event.programId().value(), Movement.FUNDED, -event.eurosMinor(), null,
                null, null, null, event.at());
    }

    @EventHandler
    void on(AidGranted event, EventMessage<?> message) {
        balance(event.programId().value(), -event.unitsMinor());
        movement(globalIndex.of(message), 0, event.programId().value(), Movement.GRANTED, event.unitsMinor(),
                event.grantId().value(), event.beneficiary().value(), null, null, event.at());
    }

    @EventHandler
    void on(EarmarkedLotReceived event) {
        jdbc.update("INSERT INTO earmark_lot (account_id, grant_id, program_id, remaining_minor, filieres, expires_on) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, grant_id) DO NOTHING",
                event.accountId().value(), event.grantId().value(), event.programId().value(), event.unitsMinor(),
                String.join(",", event.filieres()), Date.valueOf(event.expiresOn()));
    }

    @EventHandler
    void on(EarmarkedUnitsSpent event, EventMessage<?> message) {
        long index = globalIndex.of(message);
        int line = 0;
        for (EarmarkedUnitsSpent.Draw draw : event.draws()) {
            jdbc.update("UPDATE earmark_lot SET remaining_minor = remaining_minor - ? WHERE account_id = ? "
                    + "AND grant_id = ?", draw.unitsMinor(), event.accountId().value(), draw.grantId().value());
            movement(index, line++, draw.programId().value(), Movement.SPENT, draw.unitsMinor(),
                    draw.grantId().value(), null, event.to().value(), event.filiere(), event.at());
        }
        jdbc.update("DELETE FROM earmark_lot WHERE account_id = ? AND remaining_minor <= 0", event.accountId().value());
    }

    @EventHandler
    void on(EarmarkExpired event) {
        jdbc.update("DELETE FROM earmark_lot WHERE account_id = ? AND grant_id = ?", event.accountId().value(),
                event.grantId().value());
    }

    @EventHandler
    void on(ExpiredUnitsReturned event, EventMessage<?> message) {
        balance(event.programId().value(), event.unitsMinor());
        movement(globalIndex.of(message), 0, event.programId().value(), Movement.RETURNED, event.unitsMinor(),
                event.grantId().value(), null, null, null, event.at());
    }

    @EventHandler
    void on(AidProgramClosed event, EventMessage<?> message) {
        jdbc.update("UPDATE aid_program_view SET status = 'CLOSED', balance_minor = balance_minor - ? "
                + "WHERE program_id = ?", event.unitsMinor(), event.programId().value());
        movement(globalIndex.of(message), 0, event.programId().value(), Movement.CLOSED, event.unitsMinor(), null,
                null, null, null, event.at());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE aid_movement");
        jdbc.update("TRUNCATE earmark_lot");
        jdbc.update("TRUNCATE aid_funding_view");
        jdbc.update("TRUNCATE aid_program_view");
    }

    private void balance(String programId, long deltaMinor) {
        jdbc.update("UPDATE aid_program_view SET balance_minor = balance_minor + ? WHERE program_id = ?", deltaMinor,
                programId);
    }

    private void movement(long globalIndex, int line, String programId, Movement kind, long unitsMinor, String grantId,
                          String beneficiaryId, String payeeAccountId, String filiere, Instant at) {
        jdbc.update("INSERT INTO aid_movement (global_index, line, program_id, kind, units_minor, grant_id, "
                        + "beneficiary_id, payee_account_id, filiere, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (global_index, line) DO NOTHING",
                globalIndex, line, programId, kind.name(), unitsMinor, grantId, beneficiaryId, payeeAccountId, filiere,
                Timestamp.from(at));
    }
}
