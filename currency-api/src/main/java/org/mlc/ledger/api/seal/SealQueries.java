package org.mlc.ledger.api.seal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the {@code seal} table, which only {@link SealWriter} writes. */
@Component
public class SealQueries {

    /** A seal as published: roots in hex, the signature in base64 (null when unsigned). */
    public record PublishedSeal(String currency, long sequence, long fromIndex, long toIndex, long eventCount,
                                String root, String previousRoot, Instant at, String signature) {
    }

    private static final String COLUMNS = "currency, sequence, from_index, to_index, event_count, root, previous_root, "
            + "sealed_at, signature";

    private final JdbcTemplate jdbc;

    public SealQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Seals whose last event is at or after global index {@code from}, in the order of their last
     * events (an index belongs to one chain, so no two seals share it), of one currency or all.
     */
    public List<PublishedSeal> from(long from, String currency, int limit) {
        if (currency == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM seal WHERE to_index >= ? ORDER BY to_index LIMIT ?",
                    SealQueries::seal, from, limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM seal WHERE to_index >= ? AND currency = ? ORDER BY to_index "
                + "LIMIT ?", SealQueries::seal, from, currency, limit);
    }

    /** One currency's latest seal, if its chain has begun. */
    public java.util.Optional<PublishedSeal> latest(String currency) {
        return jdbc.query("SELECT " + COLUMNS + " FROM seal WHERE currency = ? ORDER BY sequence DESC LIMIT 1",
                SealQueries::seal, currency).stream().findFirst();
    }

    /** Each chain's latest seal, by currency. */
    public List<PublishedSeal> latest() {
        return jdbc.query("SELECT DISTINCT ON (currency) " + COLUMNS + " FROM seal ORDER BY currency, sequence DESC",
                SealQueries::seal);
    }

    private static PublishedSeal seal(ResultSet rows, int row) throws SQLException {
        byte[] signature = rows.getBytes(9);
        return new PublishedSeal(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                SealCodec.hex(rows.getBytes(6)), SealCodec.hex(rows.getBytes(7)), rows.getTimestamp(8).toInstant(),
                signature == null ? null : Base64.getEncoder().encodeToString(signature));
    }
}
