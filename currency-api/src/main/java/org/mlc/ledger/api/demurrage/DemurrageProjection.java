package org.mlc.ledger.api.demurrage;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.account.DemurrageCharged;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.counter.NotesRevalidated;
import org.mlc.ledger.demurrage.DemurrageRunCompleted;
import org.mlc.ledger.demurrage.DemurrageRunStarted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Demurrage runs and what each took from each account, for the supply, the indicators and the runs' answers. */
@Component
@ProcessingGroup(Projections.REPORTS)
class DemurrageProjection {

    private final JdbcTemplate jdbc;

    DemurrageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DemurrageRunStarted event) {
        jdbc.update("INSERT INTO demurrage_run (run_id, currency, due_on, period_from, rate_numerator, "
                        + "rate_denominator, beneficiary_account, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (run_id) DO NOTHING", event.runId().value(), event.currency().value(),
                event.dueOn(), event.periodFrom(), event.rateNumerator(), event.rateDenominator(),
                event.beneficiaryAccount().value(), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(DemurrageRunCompleted event) {
        jdbc.update("UPDATE demurrage_run SET completed_at = ? WHERE run_id = ?", Timestamp.from(event.at()),
                event.runId().value());
    }

    @EventHandler
    void on(DemurrageCharged event) {
        jdbc.update("INSERT INTO demurrage_charge (run_id, account_id, currency, amount_minor, charged_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, account_id) DO NOTHING",
                event.runId().value(), event.accountId().value(), event.currency().value(), event.amountMinor(),
                Timestamp.from(event.at()));
    }

    /** Paper notes revalidated at a counter: their fee, for the counter's day and the fonte's figures. */
    @EventHandler
    void on(NotesRevalidated event) {
        StringBuilder notes = new StringBuilder("{");
        new java.util.TreeMap<>(event.notes()).forEach((denomination, count) -> notes.append(notes.length() > 1
                ? "," : "").append('"').append(denomination).append("\":").append(count));
        jdbc.update("INSERT INTO note_revalidation (revalidation_id, currency, counter_id, series_id, notes, "
                        + "notes_json, face_value_minor, fee_minor, paid_with, period_from, due_on, "
                        + "beneficiary_account, revalidated_by, revalidated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (revalidation_id) DO NOTHING",
                event.revalidationId().value(), event.currency().value(), event.counterId().value(),
                event.seriesId() == null ? null : event.seriesId().value(),
                event.notes().values().stream().mapToInt(Integer::intValue).sum(), notes.append('}').toString(),
                event.faceValueMinor(), event.feeMinor(), event.paidWith().name(), event.periodFrom(), event.dueOn(),
                event.beneficiaryAccount().value(), event.by(), Timestamp.from(event.at()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE note_revalidation");
        jdbc.update("TRUNCATE demurrage_charge");
        jdbc.update("TRUNCATE demurrage_run");
    }
}
