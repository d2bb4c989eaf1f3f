package org.mlc.ledger.api.bonus;

import java.util.List;
import org.mlc.ledger.api.report.TracedSpending;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the bonus draws of the budgets ({@code bonus_draw}), with the conversions they rode on. */
@Component
public class BonusDrawQueries {

    private final JdbcTemplate jdbc;

    public BonusDrawQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One month (Europe/Paris, "2026-11") of a budget: bonus drawn net of returns, the conversions
     * that kept theirs, the members they reached, the euros they converted (a conversion's whole
     * euros: what the sponsor's bonus drew to the currency).
     */
    public record Month(String month, long bonusMinor, long conversions, long members, long eurosConvertedMinor) {
    }

    public List<Month> byMonth(String budgetId) {
        return jdbc.query("WITH kept AS (SELECT conversion_id, MIN(account_id) AS account_id, SUM(bonus_minor) AS bonus, "
                        + "MIN(at) AS at FROM bonus_draw WHERE budget_id = ? GROUP BY conversion_id) "
                        + "SELECT to_char(k.at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month, SUM(k.bonus), "
                        + "COUNT(*) FILTER (WHERE k.bonus > 0), COUNT(DISTINCT k.account_id) FILTER (WHERE k.bonus > 0), "
                        + "COALESCE(SUM(c.euros_minor) FILTER (WHERE k.bonus > 0), 0) "
                        + "FROM kept k LEFT JOIN conversion_view c ON c.conversion_id = k.conversion_id "
                        + "GROUP BY 1 ORDER BY 1",
                (rs, i) -> new Month(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                budgetId);
    }

    /** Members reached over the whole budget (a member in two months counts once). */
    public long membersReached(String budgetId) {
        Long members = jdbc.queryForObject("SELECT COUNT(DISTINCT account_id) FROM (SELECT conversion_id, "
                + "MIN(account_id) AS account_id FROM bonus_draw WHERE budget_id = ? GROUP BY conversion_id "
                + "HAVING SUM(bonus_minor) > 0) k", Long.class, budgetId);
        return members == null ? 0 : members;
    }

    /** Units a budget's bonus put on accounts, spent at merchants of one filière (null: a merchant without one). */
    public record Spent(String filiere, long unitsMinor) {
    }

    /**
     * Where the bonus went, as far as it can be traced ({@link TracedSpending}): each member account's
     * payments to merchants since its first bonus from this budget, up to the bonus it kept (a
     * cancelled conversion's bonus returned). The bonus is counted as spent first: an upper bound.
     */
    public List<Spent> spentByFiliere(String budgetId) {
        return jdbc.query(TracedSpending.sql("SELECT account_id, SUM(bonus_minor) AS cap, MIN(at) AS since "
                        + "FROM bonus_draw WHERE budget_id = ? GROUP BY account_id HAVING SUM(bonus_minor) > 0",
                        "p.filiere", false) + " ORDER BY 1 NULLS LAST",
                (rs, i) -> new Spent(rs.getString(1), rs.getLong(2)), budgetId);
    }
}
