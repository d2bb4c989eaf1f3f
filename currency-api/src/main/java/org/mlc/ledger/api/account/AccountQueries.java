package org.mlc.ledger.api.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.participant.ParticipantKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Participant accounts as {@link LedgerProjection} books them in {@code account_view} (balance,
 * status, what holds reserve): the one place that reads that table.
 */
@Component
public class AccountQueries {

    /** One account as the read side knows it. */
    public record Account(String id, String participantId, ParticipantKind ownerKind, String currency,
                          AccountStatus status, long floorMinor, long balanceMinor, long heldMinor, long entryCount,
                          Instant openedAt) {
    }

    private static final RowMapper<Account> ROW = AccountQueries::account;

    private final JdbcTemplate jdbc;

    public AccountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String accountId) {
        return jdbc.query("SELECT account_id, participant_id, owner_kind, currency, status, floor_minor, balance_minor, "
                + "held_minor, entry_count, opened_at FROM account_view WHERE account_id = ?", ROW, accountId)
                .stream().findFirst();
    }

    /** Ids of the accounts of a currency after {@code after}, by id, at most {@code limit}: for jobs that visit each. */
    public List<String> idsOf(String currency, String after, int limit) {
        return jdbc.queryForList("SELECT account_id FROM account_view WHERE currency = ? AND account_id > ? "
                + "ORDER BY account_id LIMIT ?", String.class, currency, after, limit);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("account_id"), rs.getString("participant_id"),
                ParticipantKind.valueOf(rs.getString("owner_kind")), rs.getString("currency"),
                AccountStatus.valueOf(rs.getString("status")), rs.getLong("floor_minor"), rs.getLong("balance_minor"),
                rs.getLong("held_minor"), rs.getLong("entry_count"), rs.getTimestamp("opened_at").toInstant());
    }
}
