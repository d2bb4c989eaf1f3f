package org.mlc.ledger.api.report;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.mlc.ledger.ledger.Book;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The journal as {@link JournalProjection} writes it in {@code journal_entry} (one line per
 * posting): the one place that reads it. Periods run from {@code start} (inclusive) to {@code end}
 * (exclusive).
 */
@Component
public class JournalQueries {

    /** One posting of a value-moving event; {@code accountRef} names the account within its kind, if any. */
    public record Posting(long globalIndex, int line, Instant bookedAt, String eventType, String operationId,
                          Book book, String currency, LedgerAccountKind kind, String accountRef, long amountMinor) {
    }

    private final JdbcTemplate jdbc;

    public JournalQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Hands the postings booked over a period to {@code action} one by one, by event, book and line,
     * without holding them all (a year's journal is millions of lines).
     */
    public void forEachPosting(Instant start, Instant end, Consumer<Posting> action) {
        forEachPosting(start, end, "global_index, book, line", action);
    }

    /**
     * The same, journal by journal (book by book), each in the order of its entries' dates, then of
     * the events: the order in which the FEC numbers its entries.
     */
    public void forEachPostingByBookAndDate(Instant start, Instant end, Consumer<Posting> action) {
        forEachPosting(start, end, "book, booked_at, global_index, line", action);
    }

    private void forEachPosting(Instant start, Instant end, String order, Consumer<Posting> action) {
        jdbc.query("SELECT global_index, line, booked_at, event_type, operation_id, book, currency, kind, "
                        + "account_ref, amount_minor FROM journal_entry WHERE booked_at >= ? AND booked_at < ? "
                        + "ORDER BY " + order,
                (ResultSet rs) -> {
                    action.accept(new Posting(rs.getLong("global_index"), rs.getInt("line"),
                            rs.getTimestamp("booked_at").toInstant(), rs.getString("event_type"),
                            rs.getString("operation_id"), Book.valueOf(rs.getString("book")), rs.getString("currency"),
                            LedgerAccountKind.valueOf(rs.getString("kind")), rs.getString("account_ref"),
                            rs.getLong("amount_minor")));
                }, Timestamp.from(start), Timestamp.from(end));
    }

    /** A currency's balances by kind of ledger account, of what was booked before {@code before}. */
    public Map<LedgerAccountKind, Long> balancesBefore(String currency, Instant before) {
        Map<LedgerAccountKind, Long> sums = new EnumMap<>(LedgerAccountKind.class);
        jdbc.query("SELECT kind, SUM(amount_minor) AS total FROM journal_entry WHERE currency = ? AND booked_at < ? "
                + "GROUP BY kind", (ResultSet rs) -> {
                    sums.put(LedgerAccountKind.valueOf(rs.getString("kind")), rs.getLong("total"));
                }, currency, Timestamp.from(before));
        return sums;
    }

    /** Euros the sponsors of a currency paid into the fund before {@code before}, all budgets together. */
    public long sponsorPaidInBefore(String currency, Instant before) {
        Long paidIn = jdbc.queryForObject("SELECT COALESCE(-SUM(amount_minor), 0) FROM journal_entry WHERE currency = ? "
                + "AND kind = 'SPONSOR_COMMITTED' AND event_type = 'SponsorPaymentReceived' AND booked_at < ?",
                Long.class, currency, Timestamp.from(before));
        return paidIn == null ? 0 : paidIn;
    }

    /** Units that came back to issuance (burnt) over a period: reconversions, and whatever else retires units. */
    public long redeemedUnitsMinor(String currency, Instant start, Instant end) {
        Long redeemed = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM journal_entry WHERE currency = ? "
                + "AND kind = 'ISSUANCE' AND amount_minor > 0 AND booked_at >= ? AND booked_at < ?", Long.class,
                currency, Timestamp.from(start), Timestamp.from(end));
        return redeemed == null ? 0 : redeemed;
    }

    /** The cash in a counter's drawer from what was booked before {@code before}. */
    public long counterCashBefore(String counterId, Instant before) {
        Long cash = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM journal_entry WHERE kind = "
                + "'COUNTER_CASH' AND account_ref = ? AND booked_at < ?", Long.class, counterId, Timestamp.from(before));
        return cash == null ? 0 : cash;
    }
}
