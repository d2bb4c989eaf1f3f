package org.mlc.ledger.api.demurrage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Demurrage runs and charges as {@link DemurrageProjection} writes them: the one place that reads them. */
@Component
public class DemurrageQueries {

    /**
     * The fonte of one period: the run of due date {@code dueOn} (the period from {@code periodFrom}
     * to its eve), how many accounts gave and how much, whether the run completed.
     */
    public record Period(String runId, LocalDate periodFrom, LocalDate dueOn, int accounts, long collectedMinor,
                         boolean completed) {
    }

    private final JdbcTemplate jdbc;

    public DemurrageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The periods of a currency that ran, the latest first. */
    public List<Period> periods(String currency) {
        return jdbc.query("SELECT r.run_id, r.period_from, r.due_on, r.completed_at IS NOT NULL AS completed, "
                + "COUNT(c.account_id) AS accounts, COALESCE(SUM(c.amount_minor), 0) AS collected "
                + "FROM demurrage_run r LEFT JOIN demurrage_charge c ON c.run_id = r.run_id WHERE r.currency = ? "
                + "GROUP BY r.run_id, r.period_from, r.due_on, r.completed_at ORDER BY r.due_on DESC", (rs, row) ->
                new Period(rs.getString("run_id"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class), rs.getInt("accounts"), rs.getLong("collected"),
                        rs.getBoolean("completed")), currency);
    }

    /** The period of that due date, if its run started. */
    public Optional<Period> period(String currency, LocalDate dueOn) {
        return periods(currency).stream().filter(period -> period.dueOn().equals(dueOn)).findFirst();
    }

    /** What the fonte took from the accounts of a currency between two instants (a month's figure). */
    public long collectedMinor(String currency, Instant from, Instant to) {
        Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM demurrage_charge "
                + "WHERE currency = ? AND charged_at >= ? AND charged_at < ?", Long.class, currency,
                java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        return sum == null ? 0 : sum;
    }

    /** Paper notes revalidated at a counter; {@code seriesId} null when the agent did not name it. */
    public record Revalidation(String id, String counterId, String seriesId, int notes, String notesJson,
                               long faceValueMinor, long feeMinor, String paidWith, LocalDate periodFrom,
                               LocalDate dueOn, String by, Instant at) {
    }

    /** A counter's revalidations between two instants, in the order they were made. */
    public List<Revalidation> revalidationsAtCounter(String counterId, Instant start, Instant end) {
        return jdbc.query("SELECT * FROM note_revalidation WHERE counter_id = ? AND revalidated_at >= ? "
                        + "AND revalidated_at < ? ORDER BY revalidated_at, revalidation_id",
                (rs, row) -> new Revalidation(rs.getString("revalidation_id"), rs.getString("counter_id"),
                        rs.getString("series_id"), rs.getInt("notes"), rs.getString("notes_json"),
                        rs.getLong("face_value_minor"), rs.getLong("fee_minor"), rs.getString("paid_with"),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        rs.getString("revalidated_by"), rs.getTimestamp("revalidated_at").toInstant()),
                counterId, java.sql.Timestamp.from(start), java.sql.Timestamp.from(end));
    }

    /** What the paper fonte (revalidation fees) brought a currency's beneficiary, all periods together. */
    public long revalidationFeesMinor(String currency) {
        Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(fee_minor), 0) FROM note_revalidation WHERE currency = ?",
                Long.class, currency);
        return sum == null ? 0 : sum;
    }

    /** What the electronic fonte took from a currency's accounts, all runs together. */
    public long collectedMinor(String currency) {
        Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM demurrage_charge WHERE currency = ?",
                Long.class, currency);
        return sum == null ? 0 : sum;
    }
}
