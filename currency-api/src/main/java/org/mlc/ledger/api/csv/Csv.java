package org.mlc.ledger.api.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.mlc.ledger.api.web.ApiException;

/**
 * RFC 4180 CSV, the one reader and writer of every upload and export: comma separated, CRLF line
 * ends, double quotes around a field that holds a comma, a quote or a line break, a quote inside
 * written twice. Reading is Apache Commons CSV's parser (quoted line breaks included); what an
 * upload makes of the records (its header, its number of fields) stays with the upload.
 */
public final class Csv {

    public static final String LINE_END = "\r\n";

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final CSVFormat READ_SEMICOLON = READ.builder().setDelimiter(';').get();

    /**
     * Commons CSV's quoting of a field that must be quoted. The others are written bare: its
     * MINIMAL mode would also quote a field that starts with a space, '!' or '#', or ends with a
     * space, and exports must stay the bytes they were.
     */
    private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final CSVFormat QUOTED_SEMICOLON = QUOTED.builder().setDelimiter(';').get();

    /** The byte order mark a spreadsheet writes first, and needs first to read UTF-8 rather than its local code page. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** One record as read: the line of the text it starts on (1 is the first) and its fields. */
    public record Record(int line, List<String> fields) {
    }

    /** The text is not RFC 4180 CSV: {@code line} is where the faulty record starts. */
    public static final class MalformedException extends RuntimeException {

        /** What is wrong with the record. */
        public enum Reason {
            UNCLOSED_QUOTE("has an unclosed quote"),
            TEXT_AFTER_QUOTE("has text after a closing quote (a quoted field ends at a comma or the line's end)");

            private final String english;

            Reason(String english) {
                this.english = english;
            }
        }

        private final int line;
        private final Reason reason;

        MalformedException(int line, Reason reason) {
            super(reason.english);
            this.line = line;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        /** The answer refusing the whole upload (400), its field the faulty line, in the client's language. */
        public ApiException refusal() {
            String field = "line " + line;
            return switch (reason) {
                case UNCLOSED_QUOTE -> ApiException.invalid(field, "csv.unclosed-quote",
                        "line {1}: the CSV has an unclosed quote", line);
                case TEXT_AFTER_QUOTE -> ApiException.invalid(field, "csv.text-after-quote",
                        "line {1}: the CSV has text after a closing quote (a quoted field ends at a comma or the line's end)",
                        line);
            };
        }
    }

    /**
     * The records of a text, header included, empty lines (or of spaces only) left out, at most {@code maxRecords}
     * (an upload over its limit is refused by its reader, which need not read the rest).
     */
    public static List<Record> read(String text, int maxRecords) {
        return read(text, maxRecords, CsvDialect.MACHINE);
    }

    /**
     * A text in either dialect, as a spreadsheet or a script saves it: the dialect found (a BOM
     * dropped), and its records.
     */
    public static Sheet readAnyDialect(String text, int maxRecords) {
        boolean bom = text.startsWith(BOM);
        String body = bom ? text.substring(1) : text;
        CsvDialect dialect = CsvDialect.of(body);
        return new Sheet(dialect, bom, read(body, maxRecords, dialect));
    }

    /** An uploaded text read in the dialect it was written in; {@code bom}: it started with one (a spreadsheet's). */
    public record Sheet(CsvDialect dialect, boolean bom, List<Record> records) {
    }

    private static List<Record> read(String text, int maxRecords, CsvDialect dialect) {
        List<Record> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, dialect.separator() == ';' ? READ_SEMICOLON : READ)) {
            Iterator<CSVRecord> iterator = parser.iterator();
            LineBreaks lines = new LineBreaks(text);
            long breaksRead = 0; // line breaks up to the end of the last record read
            while (records.size() < maxRecords) {
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException e) {
                    throw new MalformedException(lines.lineOf(lines.offsetOfLine(breaksRead)), reason(e));
                }
                breaksRead = parser.getCurrentLineNumber();
                // a line of nothing but spaces is an empty line too, and does not count towards the limit
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                records.add(new Record(lines.lineOf(record.getCharacterPosition()), record.toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** A header and one record per row, the fields of each in the order of the columns (absent ones empty). */
    public static String write(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(line(columns));
        for (Map<String, Object> row : rows) {
            out.append(line(columns.stream().map(row::get).toList()));
        }
        return out.toString();
    }

    /** One record, its line end included; null is an empty field. */
    public static String line(List<?> values) {
        return line(values, ',');
    }

    /** One record with this separator (',' or ';'), its line end included; null is an empty field. */
    static String line(List<?> values, char separator) {
        StringBuilder out = new StringBuilder();
        try {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                String text = value == null ? "" : neutralised(value.toString());
                if (mustBeQuoted(text, separator)) {
                    (separator == ';' ? QUOTED_SEMICOLON : QUOTED).print(text, out, i == 0);
                } else {
                    if (i > 0) {
                        out.append(separator);
                    }
                    out.append(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(LINE_END).toString();
    }

    /** A plain number, which a spreadsheet reads as one whatever its sign: "-12.50", "-12,50", "-3". */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    /**
     * A field a spreadsheet would run as a formula (it starts with '=', '+', '-' or '@', or a tab or
     * carriage return before one: OWASP's "CSV injection") gets a leading apostrophe, which makes it
     * text; plain numbers stay numbers. Every export is written here: a payment reference or a
     * merchant's name such as {@code =cmd|' /C calc'!A0} goes out as {@code '=cmd|' /C calc'!A0}.
     */
    static String neutralised(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** RFC 4180, 2.6: fields containing line breaks, double quotes and the separator. */
    private static boolean mustBeQuoted(String text, char separator) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' && separator == ',' || c == separator || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static MalformedException.Reason reason(UncheckedIOException e) {
        String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        return message.contains("EOF") ? MalformedException.Reason.UNCLOSED_QUOTE
                : MalformedException.Reason.TEXT_AFTER_QUOTE;
    }

    /**
     * Where the line breaks of a text are, found once: a record's line is then a binary search
     * rather than a count from the text's start, which made a 10,000-line upload quadratic (10 s of
     * CPU for the hosted-scale day's grant batch, JFR).
     */
    private static final class LineBreaks {
        private final String text;
        private final int[] newlines;
        private final int count;

        LineBreaks(String text) {
            this.text = text;
            int[] found = new int[64];
            int n = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = i;
            }
            this.newlines = found;
            this.count = n;
        }

        /**
         * The line a record starts on. Commons CSV gives the offset where it began reading the record,
         * before the empty lines it skipped.
         */
        int lineOf(long offset) {
            int at = (int) Math.min(offset, text.length());
            while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                at++;
            }
            return 1 + breaksBefore(at);
        }

        /** Where the text after {@code breaks} line breaks begins. */
        long offsetOfLine(long breaks) {
            if (breaks <= 0) {
                return 0;
            }
            return breaks > count ? text.length() : newlines[(int) breaks - 1] + 1;
        }

        /** How many line breaks stand before {@code offset}. */
        private int breaksBefore(int offset) {
            int found = Arrays.binarySearch(newlines, 0, count, offset);
            return found >= 0 ? found : -found - 1;
        }
    }
}
