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
import java.time.LocalDate;
import java.util.function.Function;
import org.mlc.ledger.api.csv.Csv;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.csv.CsvHeaders;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.DomainException;
import org.springframework.http.HttpStatus;

/**
 * Reads a bulk upload, JSON ({@code {"lines":[{...}, ...]}}) or CSV (a header naming the columns,
 * then one line per row, RFC 4180, in either {@link CsvDialect}: ',' or ';', a BOM or none,
 * English or French column names), into lines of named fields, then each into a {@link BulkLine}:
 * a line that cannot be read becomes a refused line naming its fault, and the others go on. Only a
 * body that is not an upload at all (no lines, above {@link BulkJobs#MAX_LINES}, a bad header) is
 * refused as a whole.
 */
public final class BulkUpload {

    /** A key identifies its line for good: as long as an idempotency key. */
    public static final int MAX_KEY_LENGTH = 200;

    private BulkUpload() {
    }

    /**
     * One line as read: its number (1 is the first line after a CSV header) and its fields; for a
     * CSV, the line of the file it is on, the header as written for each field, and whether the
     * file is a French spreadsheet's ({@code french}: its refusals are worded in French, naming
     * the line and the column as the spreadsheet shows them).
     */
    public record Row(int line, Map<String, JsonNode> fields, int fileLine, Map<String, String> headers,
                      boolean french) {

        public Row(int line, Map<String, JsonNode> fields) {
            this(line, fields, line, Map.of(), false);
        }

        public JsonNode get(String name) {
            return fields.get(name);
        }

        /** A field's text, stripped; null when absent or blank. */
        public String text(String name) {
            JsonNode node = fields.get(name);
            String text = node == null || node.isNull() ? null : node.asText().strip();
            return text == null || text.isEmpty() ? null : text;
        }

        /** The column of a field as the file names it. */
        public String column(String name) {
            return name == null ? "" : headers.getOrDefault(name, name);
        }

        /**
         * A positive amount, with a decimal point or a decimal comma ("25.00", "25,00"). A French
         * file's bad cell is refused in French with its line and column.
         */
        public long positiveAmount(String name) {
            JsonNode node = fields.get(name);
            if (node != null && node.isTextual()) {
                String plain = CsvDialect.plainAmount(node.textValue());
                if (plain == null && french) {
                    throw cell("csv-cell-amount", "is not an amount", name);
                }
                node = plain == null ? node : TextNode.valueOf(plain);
            }
            if (!french) {
                return RequestValues.positiveAmount(node, name);
            }
            if (text(name) == null) {
                throw cell("csv-cell-required", "is empty", name);
            }
            try {
                return RequestValues.positiveAmount(node, name);
            } catch (ApiException e) {
                throw cell("csv-cell-amount", "is not an amount", name);
            }
        }

        /** An optional day, "2026-12-03" or "03/12/2026". */
        public LocalDate optionalDay(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            LocalDate day = CsvDialect.parseDay(text);
            if (day == null && french) {
                throw cell("csv-cell-date", "is not a date (dd/mm/yyyy)", name);
            }
            return RequestValues.optionalDate(day == null ? text : day.toString(), name);
        }

        /** A cell refused: line, column and what is wrong with its value. */
        public DomainException cell(String key, String english, String name) {
            String value = text(name);
            return DomainException.invalid(key, "line {0}, column \"{1}\": \"{2}\" " + english, fileLine, column(name),
                    value == null ? "" : value).naming(name);
        }
    }

    public static List<Row> read(String body, String contentType, ObjectMapper mapper, List<String> required,
                                 List<String> optional) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body", "bulk.upload-required",
                    "{0} an upload of 1 to {1} lines is required", BulkJobs.MAX_LINES);
        }
        boolean csv = contentType != null && (contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")
                || contentType.toLowerCase(Locale.ROOT).startsWith("text/plain"));
        List<Row> rows = csv ? csv(body, required, optional) : json(body, mapper);
        if (rows.isEmpty() || rows.size() > BulkJobs.MAX_LINES) {
            throw ApiException.invalid("lines", "bulk.lines-count",
                    "{0} an upload has 1 to {1} lines, not {2}", BulkJobs.MAX_LINES, rows.size());
        }
        return rows;
    }

    /**
     * Each row made into a line by {@code toLine}; a line whose key is missing, too long or already
     * used in the upload, or that {@code toLine} refuses ({@link ApiException}), is a refused line.
     */
    public static List<BulkLine> lines(List<Row> rows, BiFunction<Row, String, BulkLine> toLine) {
        return lines(rows, toLine, DomainException::getMessage);
    }

    /**
     * As {@link #lines(List, BiFunction)}; a French file's refused lines are worded by {@code french}
     * (the French words of a refusal), with the line of the file and the column as it names it.
     */
    public static List<BulkLine> lines(List<Row> rows, BiFunction<Row, String, BulkLine> toLine,
                                       Function<DomainException, String> french) {
        List<BulkLine> lines = new ArrayList<>(rows.size());
        Map<String, Integer> keys = new HashMap<>();
        for (Row row : rows) {
            JsonNode keyNode = row.get("key");
            String key = keyNode == null || keyNode.isNull() ? null : keyNode.asText().strip();
            if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH
                    || !key.chars().allMatch(c -> c > 32 && c < 127)) {
                lines.add(BulkLine.malformed(row.line(), null, row.french()
                        ? french.apply(row.cell("csv-cell-key", "is not a key (1 to " + MAX_KEY_LENGTH
                                + " printable characters, required)", "key"))
                        : "key: 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, required"));
                continue;
            }
            Integer first = keys.putIfAbsent(key, row.line());
            if (first != null) {
                lines.add(BulkLine.malformed(row.line(), key, row.french()
                        ? french.apply(DomainException.invalid("csv-key-twice",
                                "line {0}, column \"{1}\": the key \"{2}\" is already on line {3}", row.fileLine(),
                                row.column("key"), key, rows.get(first - 1).fileLine()))
                        : "key: already on line " + first));
                continue;
            }
            if (row.get("_malformed") != null) {
                lines.add(BulkLine.malformed(row.line(), key, row.french()
                        ? french.apply(DomainException.invalid("csv-cells",
                                "line {0}: {1} cells, the header has {2}", row.fileLine(),
                                row.get("_cells").asText(), row.headers().size()))
                        : "line " + row.get("_malformed").asText()));
                continue;
            }
            try {
                lines.add(toLine.apply(row, key));
            } catch (ApiException e) {
                lines.add(BulkLine.malformed(row.line(), key, !row.french() ? e.field() + ": " + e.getMessage()
                        : french.apply(DomainException.invalid("csv-cell", "line {0}, column \"{1}\": {2}",
                                row.fileLine(), row.column(e.field()), e.getMessage()))));
            } catch (DomainException e) {
                lines.add(new BulkLine(row.line(), key, null, null, null, null, e.code(),
                        row.french() ? french.apply(inFrenchFile(row, e)) : e.field() == null ? e.getMessage()
                                : e.field() + ": " + e.getMessage()));
            }
        }
        BulkLine firstBad = lines.stream().filter(line -> !line.readable()).findFirst().orElse(null);
        if (firstBad != null && lines.stream().noneMatch(BulkLine::readable)) {
            // nothing to carry out: the upload is refused whole, and nothing is stored
            if (rows.get(0).french()) {
                // the French words already name the line and the column
                throw new ApiException(HttpStatus.BAD_REQUEST, "validation", firstBad.detail(),
                        "line " + firstBad.line());
            }
            throw ApiException.invalid("line " + firstBad.line(), firstBad.detail());
        }
        return lines;
    }

    /** A refusal of a French file's line: naming the line and the column, if it does not already. */
    private static DomainException inFrenchFile(Row row, DomainException refusal) {
        String key = refusal.wording().key();
        if (key != null && key.startsWith("csv-")) {
            return refusal;
        }
        return DomainException.invalid("csv-cell", "line {0}, column \"{1}\": {2}", row.fileLine(),
                row.column(refusal.field()), new CsvFiles.Nested(refusal));
    }

    private static List<Row> json(String body, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.of(HttpStatus.BAD_REQUEST, "malformed", null, "bulk.body-not-json",
                    "the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("body", "bulk.body-object", "{0} must be an object {\"lines\":[...]}");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!"lines".equals(name)) {
                throw ApiException.invalid(name, "bulk.unknown-field", "{0} is not a field of an upload (only lines)");
            }
        });
        JsonNode array = root.get("lines");
        if (array == null || !array.isArray()) {
            throw ApiException.invalid("lines", "bulk.lines-array", "{0} must be an array of lines");
        }
        if (array.size() > BulkJobs.MAX_LINES) {
            throw ApiException.invalid("lines", "bulk.lines-max",
                    "{0} an upload has at most {1} lines", BulkJobs.MAX_LINES);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element == null || !element.isObject()) {
                throw ApiException.invalid("lines[" + i + "]", "bulk.line-object", "{0} must be an object (one line)");
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            element.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            rows.add(new Row(i + 1, fields));
        }
        return rows;
    }

    private static List<Row> csv(String body, List<String> required, List<String> optional) {
        Csv.Sheet sheet;
        try {
            // the header, at most MAX_LINES lines, and one more to know there are too many
            sheet = Csv.readAnyDialect(body, BulkJobs.MAX_LINES + 2);
        } catch (Csv.MalformedException e) {
            throw e.refusal();
        }
        List<Csv.Record> records = sheet.records();
        List<String> header = records.isEmpty() || records.get(0).line() != 1 ? List.of()
                : records.get(0).fields();
        List<String> known = new ArrayList<>(required);
        known.addAll(optional);
        List<String> names = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        boolean frenchNames = false;
        for (String cell : header) {
            String name = CsvHeaders.column(cell, known);
            if (name == null) {
                throw ApiException.invalid("header", "bulk.unknown-column",
                        "{0} unknown column {1} (known: {2})", CsvHeaders.normalised(cell), String.join(",", known));
            }
            names.add(name);
            headers.put(name, cell.replace(Csv.BOM, "").strip());
            frenchNames |= CsvHeaders.isFrench(cell, name);
        }
        for (String column : required) {
            if (!names.contains(column)) {
                throw optional.isEmpty()
                        ? ApiException.invalid("header", "bulk.header-columns",
                                "{0} the CSV header must name the columns {1}", String.join(",", required))
                        : ApiException.invalid("header", "bulk.header-columns-optional",
                                "{0} the CSV header must name the columns {1} (and may name {2})",
                                String.join(",", required), String.join(",", optional));
            }
        }
        boolean french = sheet.dialect() == CsvDialect.FRENCH || sheet.bom() || frenchNames;
        List<Row> rows = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            if (rows.size() >= BulkJobs.MAX_LINES) {
                throw ApiException.invalid("lines", "bulk.lines-max",
                        "{0} an upload has at most {1} lines", BulkJobs.MAX_LINES);
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
                fields.put("_cells", TextNode.valueOf(String.valueOf(cells.size())));
            }
            rows.add(new Row(rows.size() + 1, fields, record.line(), headers, french));
        }
        return rows;
    }
}
