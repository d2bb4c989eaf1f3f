package org.mlc.ledger.api.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projections (streaming processing groups) and the tables each one writes: what
 * {@code currency-ops replay} resets and checksums. A new projection adds its group or tables here;
 * ProjectionsTest fails, naming the table, for a table a projection writes that is not listed.
 */
public final class Projections {

    /** The directory views: currencies, participants, counters and their days. */
    public static final String DIRECTORY = "directory";
    /** The books: balances, accounts and statements, payments, holds, reconversions. */
    public static final String LEDGER = "ledger";
    /** The accounting journal and the conversions the reports read. */
    public static final String REPORTS = "reports";
    /** CCAS aid programmes, their fundings, movements and earmarked lots; direct issuances and their lines. */
    public static final String AID = "aid";

    /** Group name to its tables, in a stable order. */
    public static final Map<String, List<String>> TABLES;

    static {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put(DIRECTORY, List.of("currency_view", "participant_view", "participant_number", "counter_view",
                "merchant_profile_view", "counter_note_stock", "note_series_view", "note_inventory", "note_counter",
                "note_exchange_view", "counter_closing",
                "counter_closing_correction", "counter_shortfall_covering",
                "counter_drawer_movement", "remittance_view", "bonus_budget_view",
                "merchant_application_view", "membership_application_view"));
        tables.put(LEDGER, List.of("ledger_balance", "account_view", "account_entry", "transfer_view",
                "reconversion_view", "fund_account", "payment_hold_view"));
        tables.put(REPORTS, List.of("journal_entry", "conversion_view", "bonus_draw", "demurrage_run",
                "demurrage_charge", "note_revalidation"));
        tables.put(AID, List.of("aid_program_view", "aid_funding_view", "earmark_lot", "aid_movement",
                "issuance_view", "issuance_line"));
        TABLES = java.util.Collections.unmodifiableMap(tables);
    }

    private Projections() {
    }

    public static List<String> groups() {
        return List.copyOf(TABLES.keySet());
    }
}
