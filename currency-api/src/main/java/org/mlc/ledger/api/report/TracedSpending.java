package org.mlc.ledger.api.report;

/**
 * Where units that a funder put on accounts went, as far as the payments trace them: a unit has no
 * colour once on an account, so each receiving account's completed payments to merchants since it
 * first received count in time order up to what it received (what it paid beyond was its own
 * money). The same rule for every funder's report (direct issuances, bonus budgets), so that their
 * figures agree; reads the payments ({@code transfer_view}) and the merchants ({@code participant_view}).
 */
public final class TracedSpending {

    private TracedSpending() {
    }

    /**
     * The query: {@code received} selects {@code account_id, cap, since} (what each account received
     * and when first); the answer is {@code (key, units)} grouped by {@code key}, a column of the
     * merchant {@code p}. With {@code inPeriod}, only the payments in [from, to) count (two parameters
     * after those of {@code received}: to, then from), but those before the period still use up the
     * cap: the filter on the start comes after the running sum.
     */
    public static String sql(String received, String key, boolean inPeriod) {
        return "WITH received AS (" + received + "), "
                + "paid AS (SELECT t.requested_at, " + key + " AS key, t.amount_minor, r.cap, SUM(t.amount_minor) "
                + "OVER (PARTITION BY t.from_account ORDER BY t.requested_at, t.transfer_id) AS running "
                + "FROM transfer_view t JOIN received r ON r.account_id = t.from_account "
                + "JOIN participant_view p ON p.account_id = t.to_account AND p.kind = 'MERCHANT' "
                + "WHERE t.status = 'COMPLETED' AND t.requested_at >= r.since"
                + (inPeriod ? " AND t.requested_at < ?" : "") + ") "
                + "SELECT key, SUM(GREATEST(0, LEAST(amount_minor, cap - (running - amount_minor)))) FROM paid "
                + (inPeriod ? "WHERE requested_at >= ? " : "") + "GROUP BY key";
    }
}
