package org.mlc.ledger.api.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.mlc.ledger.api.csv.Csv;
import org.mlc.ledger.api.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Reads a bulk upload, JSON ({@code {"lines":[{...}, ...]}}) or CSV (a header naming the columns,
 * then one line per row, RFC 4180), into lines of named fields, then each into a {@link BulkLine}:
 * a line that cannot be read becomes a refused line naming its fault, and the others go on. Only a
 * body that is not an upload at all (no lines, above {@link BulkJobs#MAX_LINES}, a bad header) is
 * refused as a whole.
 */
public final class BulkUpload {

    /** A key identifies its line for good: as long as an idempotency key. */
    public static final int MAX_KEY_LENGTH = 200;

    private BulkUpload() {
    }

    /** One line as read: its number (1 is the first line after a CSV header) and its fields. */
    public record Row(int line, Map<String, JsonNode> fields) {
        public JsonNode get(String name) {
            return fields.get(name);
        }
    }

    public static List<Row> read(String body, String contentType, ObjectMapper mapper, List<String> required,
                                 List<String> optional) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body", "an upload of 1 to " + BulkJobs.MAX_LINES + " lines is required");
        }
        boolean csv = contentType != null && (contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")
                || contentType.toLowerCase(Locale.ROOT).startsWith("text/plain"));
        List<Row> rows = csv ? csv(body, required, optional) : json(body, mapper);
        if (rows.isEmpty() || rows.size() > BulkJobs.MAX_LINES) {
            throw ApiException.invalid("lines", "an upload has 1 to " + BulkJobs.MAX_LINES + " lines, not "
                    + rows.size());
        }
        return rows;
    }

    /**
     * Each row made into a line by {@code toLine}; a line whose key is missing, too long or already
     * used in the upload, or that {@code toLine} refuses ({@link ApiException}), is a refused line.
     */
    public static List<BulkLine> lines(List<Row> rows, BiFunction<Row, String, BulkLine> toLine) {
        List<BulkLine> lines = new ArrayList<>(rows.size());
        Map<String, Integer> keys = new HashMap<>();
        for (Row row : rows) {
            JsonNode keyNode = row.get("key");
            String key = keyNode == null || keyNode.isNull() ? null : keyNode.asText().strip();
            if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH
                    || !key.chars().allMatch(c -> c > 32 && c < 127)) {
                lines.add(BulkLine.malformed(row.line(), null, "key: 1 to " + MAX_KEY_LENGTH
                        + " printable ASCII characters, required"));
                continue;
            }
            Integer first = keys.putIfAbsent(key, row.line());
            if (first != null) {
                lines.add(BulkLine.malformed(row.line(), key, "key: already on line " + first));
                continue;
            }
            if (row.get("_malformed") != null) {
                lines.add(BulkLine.malformed(row.line(), key, "line " + row.get("_malformed").asText()));
                continue;
            }
            try {
                lines.add(toLine.apply(row, key));
            } catch (ApiException e) {
                lines.add(BulkLine.malformed(row.line(), key, e.field() + ": " + e.getMessage()));
            }
        }
        BulkLine firstBad = lines.stream().filter(line -> !line.readable()).findFirst().orElse(null);
        if (firstBad != null && lines.stream().noneMatch(BulkLine::readable)) {
            // nothing to carry out: the upload is refused whole, and nothing is stored
            throw ApiException.invalid("line " + firstBad.line(), firstBad.detail());
        }
        return lines;
    }

    private static List<Row> json(String body, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed", "the body is not JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("body", "must be an object {\"lines\":[...]}");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!"lines".equals(name)) {
                throw ApiException.invalid(name, "is not a field of an upload (only lines)");
            }
        });
        JsonNode array = root.get("lines");
        if (array == null || !array.isArray()) {
            throw ApiException.invalid("lines", "must be an array of lines");
        }
        if (array.size() > BulkJobs.MAX_LINES) {
            throw ApiException.invalid("lines", "an upload has at most " + BulkJobs.MAX_LINES + " lines");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element == null || !element.isObject()) {
                throw ApiException.invalid("lines[" + i + "]", "must be an object (one line)");
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            element.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            rows.add(new Row(i + 1, fields));
        }
        return rows;
    }

    private static List<Row> csv(String body, List<String> required, List<String> optional) {
        List<Csv.Record> records;
        try {
            // the header, at most MAX_LINES lines, and one more to know there are too many
            records = Csv.read(body, BulkJobs.MAX_LINES + 2);
        } catch (Csv.MalformedException e) {
            throw ApiException.invalid("line " + e.line(), "the CSV " + e.getMessage());
        }
        List<String> header = records.isEmpty() || records.get(0).line() != 1 ? List.of()
                : records.get(0).fields();
        List<String> columns = header.stream().map(c -> c.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                .toList();
        for (String column : required) {
            if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
                throw ApiException.invalid("header", "the CSV header must name the columns " + String.join(",",
                        required) + (optional.isEmpty() ? "" : " (and may name " + String.join(",", optional) + ")"));
            }
        }
        List<String> known = new ArrayList<>(required);
        known.addAll(optional);
        List<String> names = new ArrayList<>();
        for (String column : columns) {
            String name = known.stream().filter(k -> k.equalsIgnoreCase(column)).findFirst().orElse(null);
            if (name == null) {
                throw ApiException.invalid("header", "unknown column " + column + " (known: " + String.join(",", known)
                        + ")");
            }
            names.add(name);
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            if (rows.size() >= BulkJobs.MAX_LINES) {
                throw ApiException.invalid("lines", "an upload has at most " + BulkJobs.MAX_LINES + " lines");
            }
            List<String> cells = record.fields();
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(cells.size(), names.size()); c++) {
                String value = cells.get(c).strip();
                fields.put(names.get(c), value.isEmpty() ? null : TextNode.valueOf(value));
            }
            // fewer cells leave the last fields empty (a required one is then reported missing)
            if (cells.size() > names.size()) {
                // the key, if it can be read, still names the line in the answer
                fields.put("_malformed", TextNode.valueOf("has " + cells.size() + " fields, the header "
                        + names.size()));
            }
            rows.add(new Row(rows.size() + 1, fields));
        }
        return rows;
    }
}
