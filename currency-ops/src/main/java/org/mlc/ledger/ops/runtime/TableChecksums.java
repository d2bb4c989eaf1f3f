package org.mlc.ledger.ops.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A checksum of the content of tables, independent of the physical order of their rows: equal
 * checksums before and after a replay mean the replay rebuilt exactly what was there.
 */
public final class TableChecksums {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;

    public TableChecksums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Checksum(long rows, String md5) {
        @Override
        public String toString() {
            return md5 + " (" + rows + " rows)";
        }
    }

    /** Per table, in the order given. */
    public Map<String, Checksum> of(List<String> tables) {
        Map<String, Checksum> checksums = new LinkedHashMap<>();
        for (String table : tables) {
            if (!TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
            // md5 of each row's text, sorted, then of them all: the row order on disk does not count
            Map<String, Object> row = jdbc.queryForMap("SELECT COUNT(*) AS n, md5(COALESCE(string_agg(h, '' ORDER BY h), "
                    + "'')) AS md5 FROM (SELECT md5(t::text) AS h FROM " + table + " t) rows");
            checksums.put(table, new Checksum(((Number) row.get("n")).longValue(), (String) row.get("md5")));
        }
        return checksums;
    }
}
