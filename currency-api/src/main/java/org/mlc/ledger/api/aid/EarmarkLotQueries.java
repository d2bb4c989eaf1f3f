package org.mlc.ledger.api.aid;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Aid lots still on accounts, as {@link AidProjection} writes them in {@code earmark_lot}: units
 * spendable only in their filières, until their expiry date (see docs/aid.md).
 */
@Component
public class EarmarkLotQueries {

    /** Lots shown on an account; a member holds a few grants at a time. */
    public static final int MAX_LOTS_PER_ACCOUNT = 100;

    /** A lot with units left; {@code filieres} as the grant named them. */
    public record EarmarkLot(String grantId, String programId, List<String> filieres, long remainingMinor,
                             LocalDate expiresOn) {
    }

    private static final RowMapper<EarmarkLot> ROW = (rs, i) -> new EarmarkLot(rs.getString("grant_id"),
            rs.getString("program_id"), List.of(rs.getString("filieres").split(",")), rs.getLong("remaining_minor"),
            rs.getObject("expires_on", LocalDate.class));

    private final JdbcTemplate jdbc;

    public EarmarkLotQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's lots with units left, soonest expiry first, at most {@link #MAX_LOTS_PER_ACCOUNT}. */
    public List<EarmarkLot> remainingOn(String accountId) {
        return jdbc.query("SELECT grant_id, program_id, remaining_minor, filieres, expires_on FROM earmark_lot "
                + "WHERE account_id = ? AND remaining_minor > 0 ORDER BY expires_on, grant_id LIMIT ?", ROW,
                accountId, MAX_LOTS_PER_ACCOUNT);
    }
}
