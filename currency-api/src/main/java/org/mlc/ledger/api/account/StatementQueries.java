package org.mlc.ledger.api.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Statement lines of participant accounts as {@link LedgerProjection} books them in
 * {@code account_entry}, each with the balance after it: the one place that reads that table.
 */
@Component
public class StatementQueries {

    /** One line of a statement; {@code counterparty} and {@code reference} may be null. */
    public record StatementLine(long line, Instant bookedAt, String kind, String operationId, String counterparty,
                                String reference, long amountMinor, long balanceAfterMinor) {
    }

    private static final RowMapper<StatementLine> ROW = (rs, i) -> new StatementLine(rs.getLong("line"),
            rs.getTimestamp("booked_at").toInstant(), rs.getString("kind"), rs.getString("operation_id"),
            rs.getString("counterparty"), rs.getString("reference"), rs.getLong("amount_minor"),
            rs.getLong("balance_after_minor"));

    private final JdbcTemplate jdbc;

    public StatementQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's lines booked in [from, to), in booking order, {@code limit} of them after {@code offset}. */
    public List<StatementLine> lines(String accountId, Instant from, Instant to, int limit, long offset) {
        return lines(accountId, from, to, limit, offset, false);
    }

    /**
     * The account's lines booked in [from, to), {@code limit} of them after {@code offset}: in booking
     * order, or newest first as a person reads a statement (the line number is the booking order).
     */
    public List<StatementLine> lines(String accountId, Instant from, Instant to, int limit, long offset,
                                     boolean newestFirst) {
        return jdbc.query("SELECT line, booked_at, kind, operation_id, counterparty, reference, amount_minor, "
                        + "balance_after_minor FROM account_entry WHERE account_id = ? AND booked_at >= ? "
                        + "AND booked_at < ? ORDER BY line" + (newestFirst ? " DESC" : "") + " LIMIT ? OFFSET ?",
                ROW, accountId, Timestamp.from(from), Timestamp.from(to), limit, offset);
    }

    /** The account's lines booked from {@code start} (inclusive) to {@code end} (exclusive), in booking order. */
    public List<StatementLine> linesBetween(String accountId, Instant start, Instant end) {
        return jdbc.query("SELECT line, booked_at, kind, operation_id, counterparty, reference, amount_minor, "
                        + "balance_after_minor FROM account_entry WHERE account_id = ? AND booked_at >= ? "
                        + "AND booked_at < ? ORDER BY line", ROW,
                accountId, Timestamp.from(start), Timestamp.from(end));
    }

    /** The account's balance from the lines booked before {@code before}. */
    public long balanceBefore(String accountId, Instant before) {
        Long balance = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM account_entry "
                + "WHERE account_id = ? AND booked_at < ?", Long.class, accountId, Timestamp.from(before));
        return balance == null ? 0 : balance;
    }
}
