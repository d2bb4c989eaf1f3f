package org.mlc.ledger.api.counter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.bonus.BonusBudgetCommitted;
import org.mlc.ledger.bonus.BonusDrawn;
import org.mlc.ledger.bonus.BonusReturned;
import org.mlc.ledger.bonus.SponsorPaymentReceived;
import java.time.Instant;
import java.util.Map;
import org.mlc.ledger.counter.CashDiscrepancyRecorded;
import org.mlc.ledger.counter.ClosingCorrected;
import org.mlc.ledger.counter.ClosingSigned;
import org.mlc.ledger.counter.ConversionCancelled;
import org.mlc.ledger.counter.CounterDayClosed;
import org.mlc.ledger.counter.EurosConverted;
import org.mlc.ledger.counter.MembershipFeeReceived;
import org.mlc.ledger.counter.NotesRevalidated;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.ShortfallCovered;
import org.mlc.ledger.bonus.SponsorPaymentReversed;
import org.mlc.ledger.counter.RemittanceConfirmationUndone;
import org.mlc.ledger.counter.RemittanceConfirmed;
import org.mlc.ledger.counter.RemittanceDeposited;
import org.mlc.ledger.counter.RemittancePrepared;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counter closings (Z reports, their signature and recounts), shortfall coverings, the drawer's
 * movements per means of payment, remittances and sponsor budgets, for reading.
 */
@Component
@ProcessingGroup(Projections.DIRECTORY)
class CounterDayProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CounterDayProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CounterDayClosed event) throws JsonProcessingException {
        jdbc.update("INSERT INTO counter_closing (closing_id, counter_id, total_discrepancy_minor, report_json, "
                        + "closed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (closing_id) DO NOTHING",
                event.closingId().value(), event.counterId().value(), event.report().totalDiscrepancyMinor(),
                json.writeValueAsString(event.report()), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(ClosingSigned event) {
        jdbc.update("UPDATE counter_closing SET period_from = ?, period_to = ?, closed_by = ? WHERE closing_id = ?",
                event.periodFrom() == null ? null : Timestamp.from(event.periodFrom()),
                Timestamp.from(event.periodTo()), event.closedBy(), event.closingId().value());
    }

    @EventHandler
    void on(ClosingCorrected event) throws JsonProcessingException {
        jdbc.update("INSERT INTO counter_closing_correction (correction_id, closing_id, counter_id, counted_json, "
                        + "difference_json, total_difference_minor, reason, corrected_by, corrected_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (correction_id) DO NOTHING",
                event.correctionId().value(), event.closingId().value(), event.counterId().value(),
                json.writeValueAsString(event.countedMinor()), json.writeValueAsString(event.differenceMinor()),
                event.totalDifferenceMinor(), event.reason(), event.correctedBy(), Timestamp.from(event.at()));
        drawer("correction:" + event.correctionId(), event.counterId().value(), event.differenceMinor(), event.at());
    }

    @EventHandler
    void on(ShortfallCovered event) {
        jdbc.update("INSERT INTO counter_shortfall_covering (covering_id, counter_id, euros_minor, reference, "
                        + "covered_by, covered_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (covering_id) DO NOTHING",
                event.coveringId().value(), event.counterId().value(), event.eurosMinor(), event.reference(),
                event.coveredBy(), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(EurosConverted event) {
        drawer("conversion:" + event.conversionId(), event.counterId().value(),
                Map.of(event.paidBy(), event.eurosMinor()), event.at());
    }

    /** The euros of a cancelled conversion handed back out of the drawer. */
    @EventHandler
    void on(ConversionCancelled event) {
        drawer("cancellation:" + event.conversionId(), event.counterId().value(),
                Map.of(event.paidBy(), -event.eurosMinor()), event.at());
    }

    @EventHandler
    void on(MembershipFeeReceived event) {
        drawer("fee:" + event.membershipId(), event.counterId().value(), Map.of(event.paidBy(), event.eurosMinor()),
                event.at());
    }

    /** A revalidation's fee, paid in euros into the drawer. */
    @EventHandler
    void on(NotesRevalidated event) {
        drawer("revalidation:" + event.revalidationId(), event.counterId().value(),
                Map.of(event.paidWith(), event.feeMinor()), event.at());
    }

    @EventHandler
    void on(CashDiscrepancyRecorded event) {
        drawer("discrepancy:" + event.closingId(), event.counterId().value(), event.discrepancyByMeans(), event.at());
    }

    /** Euros in (positive) or out of a counter's drawer, per means; an operation is written once. */
    private void drawer(String movementId, String counterId, Map<PaidBy, Long> byMeans, Instant at) {
        byMeans.forEach((means, amountMinor) -> {
            if (amountMinor != 0) {
                jdbc.update("INSERT INTO counter_drawer_movement (movement_id, means, counter_id, amount_minor, "
                                + "moved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", movementId, means.name(),
                        counterId, amountMinor, Timestamp.from(at));
            }
        });
    }

    @EventHandler
    void on(RemittancePrepared event) {
        drawer("remittance:" + event.remittanceId(), event.counterId().value(),
                Map.of(event.means(), -event.eurosMinor()), event.at());
        jdbc.update("INSERT INTO remittance_view (remittance_id, counter_id, means, euros_minor, status, prepared_at) "
                        + "VALUES (?, ?, ?, ?, 'TO_REMIT', ?) ON CONFLICT (remittance_id) DO NOTHING",
                event.remittanceId().value(), event.counterId().value(), event.means().name(), event.eurosMinor(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(RemittanceDeposited event) {
        jdbc.update("UPDATE remittance_view SET status = 'REMITTED' WHERE remittance_id = ?",
                event.remittanceId().value());
    }

    @EventHandler
    void on(RemittanceConfirmed event) {
        jdbc.update("UPDATE remittance_view SET status = 'CONFIRMED', bank_reference = ? WHERE remittance_id = ?",
                event.bankReference(), event.remittanceId().value());
    }

    @EventHandler
    void on(RemittanceConfirmationUndone event) {
        jdbc.update("UPDATE remittance_view SET status = 'REMITTED', bank_reference = NULL WHERE remittance_id = ?",
                event.remittanceId().value());
    }

    @EventHandler
    void on(BonusBudgetCommitted event) {
        jdbc.update("INSERT INTO bonus_budget_view (budget_id, currency, sponsor, committed_minor, drawn_minor, "
                        + "paid_in_minor, valid_from, valid_to, monthly_cap_per_member_minor, committed_at) "
                        + "VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?) ON CONFLICT (budget_id) DO NOTHING",
                event.budgetId().value(), event.currency().value(), event.sponsor().value(), event.eurosMinor(),
                Date.valueOf(event.from()), Date.valueOf(event.to()), event.monthlyCapPerMemberMinor(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(BonusDrawn event) {
        jdbc.update("UPDATE bonus_budget_view SET drawn_minor = drawn_minor + ? WHERE budget_id = ?",
                event.bonusMinor(), event.budgetId().value());
    }

    /** The bonus of a cancelled conversion is no longer drawn. */
    @EventHandler
    void on(BonusReturned event) {
        jdbc.update("UPDATE bonus_budget_view SET drawn_minor = drawn_minor - ? WHERE budget_id = ?",
                event.bonusMinor(), event.budgetId().value());
    }

    @EventHandler
    void on(SponsorPaymentReceived event) {
        jdbc.update("UPDATE bonus_budget_view SET paid_in_minor = paid_in_minor + ? WHERE budget_id = ?",
                event.eurosMinor(), event.budgetId().value());
    }

    @EventHandler
    void on(SponsorPaymentReversed event) {
        jdbc.update("UPDATE bonus_budget_view SET paid_in_minor = paid_in_minor - ? WHERE budget_id = ?",
                event.eurosMinor(), event.budgetId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE counter_closing");
        jdbc.update("TRUNCATE counter_closing_correction");
        jdbc.update("TRUNCATE counter_shortfall_covering");
        jdbc.update("TRUNCATE counter_drawer_movement");
        jdbc.update("TRUNCATE remittance_view");
        jdbc.update("TRUNCATE bonus_budget_view");
    }
}
