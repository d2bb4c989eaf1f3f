package org.mlc.ledger.api.counter;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Sponsors' bonus budgets as {@link CounterDayProjection} writes them in {@code bonus_budget_view}. */
@Component
public class BonusBudgetQueries {

    /** A budget; {@code monthlyCapPerMemberMinor} 0 means no cap. */
    public record BonusBudget(String id, String currency, String sponsor, long committedMinor, long drawnMinor,
                              long paidInMinor, LocalDate validFrom, LocalDate validTo,
                              long monthlyCapPerMemberMinor) {
    }

    private static final RowMapper<BonusBudget> ROW = (rs, i) -> new BonusBudget(rs.getString("budget_id"),
            rs.getString("currency"), rs.getString("sponsor"), rs.getLong("committed_minor"),
            rs.getLong("drawn_minor"), rs.getLong("paid_in_minor"), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class), rs.getLong("monthly_cap_per_member_minor"));

    private final JdbcTemplate jdbc;

    public BonusBudgetQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The budget of that currency; empty when unknown or of another currency. */
    public Optional<BonusBudget> find(String currency, String budgetId) {
        return jdbc.query("SELECT budget_id, currency, sponsor, committed_minor, drawn_minor, paid_in_minor, "
                + "valid_from, valid_to, monthly_cap_per_member_minor FROM bonus_budget_view "
                + "WHERE budget_id = ? AND currency = ?", ROW, budgetId, currency).stream().findFirst();
    }

    /** The budget of that id, whatever its currency (the sponsor's report names only the budget). */
    public Optional<BonusBudget> find(String budgetId) {
        return jdbc.query("SELECT budget_id, currency, sponsor, committed_minor, drawn_minor, paid_in_minor, "
                + "valid_from, valid_to, monthly_cap_per_member_minor FROM bonus_budget_view WHERE budget_id = ?", ROW,
                budgetId).stream().findFirst();
    }

    /**
     * What the sponsors of a currency owe for bonus already granted: per budget, the bonus drawn
     * not yet paid in (a budget paid ahead of its draws owes nothing, and does not offset another).
     */
    public long sponsorReceivableMinor(String currency) {
        Long receivable = jdbc.queryForObject("SELECT COALESCE(SUM(GREATEST(0, drawn_minor - paid_in_minor)), 0) "
                + "FROM bonus_budget_view WHERE currency = ?", Long.class, currency);
        return receivable == null ? 0 : receivable;
    }
}
