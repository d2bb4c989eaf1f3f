package org.mlc.ledger.ops.move;

import java.util.HashMap;
import java.util.Map;
import org.mlc.ledger.api.seal.SealCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Which currency each aggregate belongs to: the rule of the seals' chains (docs/hosting.md, "One
 * chain per currency"), so that a moved currency takes exactly the events its chain seals. An
 * aggregate already sealed keeps the currency recorded then ({@code seal_aggregate}); any other
 * gets it from its first event, by the seals' own {@link SealCodec#currencyOf}. Older events whose
 * metadata names no currency are attributed the same way, through their aggregate.
 */
final class CurrencyAttribution {

    private CurrencyAttribution() {
    }

    /** Aggregate identifier to currency, for every aggregate of the store. */
    static Map<String, String> of(JdbcTemplate jdbc) {
        Map<String, String> currencies = new HashMap<>();
        jdbc.query("SELECT aggregate_identifier, currency FROM seal_aggregate",
                (RowCallbackHandler) rows -> currencies.put(rows.getString(1), rows.getString(2)));
        jdbc.query("SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, type, payload "
                        + "FROM domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM seal_aggregate s "
                        + "WHERE s.aggregate_identifier = e.aggregate_identifier) "
                        + "ORDER BY aggregate_identifier, sequence_number",
                (RowCallbackHandler) rows -> currencies.put(rows.getString(1),
                        SealCodec.currencyOf(rows.getString(2), rows.getString(1), rows.getBytes(3))));
        return currencies;
    }
}
