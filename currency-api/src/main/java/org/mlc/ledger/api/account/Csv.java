package org.mlc.ledger.api.account;

import java.util.List;
import java.util.Map;

/** RFC 4180 CSV: comma separated, CRLF line ends, fields quoted when they need it. */
public final class Csv {

    private Csv() {
    }

    public static String write(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(Csv::field).toList())).append("\r\n");
        for (Map<String, Object> row : rows) {
            out.append(String.join(",", columns.stream().map(c -> field(row.get(c))).toList())).append("\r\n");
        }
        return out.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
