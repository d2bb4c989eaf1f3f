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

    /**
     * A fingerprint of everything a request could write: the event store, every projection, the
     * idempotency keys and the users (every table but Flyway's history, the processors' tokens,
     * whose claims move on their own, the back-office sessions, which every page request
     * touches, and the seals, which the sealing job appends every minute on its own). Equal
     * fingerprints: nothing was written in between.
     */
    public String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename NOT IN ('flyway_schema_history', 'token_entry', 'spring_session', "
                + "'spring_session_attributes', 'seal', 'seal_event', 'seal_aggregate') ORDER BY tablename",
                String.class)) {
            all.append(table).append('=').append(jdbc.queryForObject(
                    "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                            + table + " t", String.class)).append('\n');
        }
        return all.toString();
    }

    /**
     * Backing (invariant 2): fund + counter cash + sponsor committed + shortfalls owed, less the
     * membership fees in them, cover circulation.
     */
    public void assertBacked(String currency) {
        Long uncovered = jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN kind IN ('PARTICIPANT', "
                + "'PAPER_IN_CIRCULATION', 'IN_TRANSIT') THEN balance_minor ELSE 0 END) - SUM(CASE WHEN kind IN "
                + "('GUARANTEE_FUND', 'COUNTER_CASH', 'SPONSOR_COMMITTED', 'COUNTER_DISCREPANCY', 'MEMBERSHIP_FEES') THEN balance_minor "
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

    /** The journal (every posting) sums, account by account, to the balances of the ledger projection. */
    public void assertJournalMatchesBalances(String currency) {
        List<Map<String, Object>> differing = jdbc.queryForList("SELECT b.ledger_account, b.balance_minor, "
                + "COALESCE(j.total, 0) AS journal FROM ledger_balance b LEFT JOIN (SELECT ledger_account, "
                + "SUM(amount_minor) AS total FROM journal_entry GROUP BY ledger_account) j "
                + "ON j.ledger_account = b.ledger_account WHERE b.currency = ? "
                + "AND b.balance_minor <> COALESCE(j.total, 0)", currency);
        assertThat(differing).as("ledger accounts whose journal does not sum to their balance").isEmpty();
    }
}
