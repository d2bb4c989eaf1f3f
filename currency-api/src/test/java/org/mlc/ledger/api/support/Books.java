package org.mlc.ledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Checks on the stored books, straight from the tables. */
public class Books {

    private final JdbcTemplate jdbc;

    public Books(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** Backing (invariant 2): fund + counter cash + sponsor committed + shortfalls owed cover circulation. */
    public void assertBacked(String currency) {
        Long uncovered = jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN kind IN ('PARTICIPANT', "
                + "'PAPER_IN_CIRCULATION', 'IN_TRANSIT') THEN balance_minor ELSE 0 END) - SUM(CASE WHEN kind IN "
                + "('GUARANTEE_FUND', 'COUNTER_CASH', 'SPONSOR_COMMITTED', 'COUNTER_DISCREPANCY') THEN balance_minor "
                + "ELSE 0 END), 0) FROM ledger_balance WHERE currency = ?", Long.class, currency);
        assertThat(uncovered).as("circulation above backing in %s", currency).isLessThanOrEqualTo(0L);
    }

    /** Conservation: in each book of each currency, the balances sum to zero. */
    public void assertBalanced() {
        List<Map<String, Object>> unbalanced = jdbc.queryForList("SELECT currency, book, SUM(balance_minor) AS total "
                + "FROM ledger_balance GROUP BY currency, book HAVING SUM(balance_minor) <> 0");
        assertThat(unbalanced).as("books that do not sum to zero").isEmpty();
        List<Map<String, Object>> negative = jdbc.queryForList(
                "SELECT ledger_account, balance_minor FROM ledger_balance WHERE kind = 'PARTICIPANT' AND balance_minor < 0");
        assertThat(negative).as("participant accounts below zero").isEmpty();
    }
}
