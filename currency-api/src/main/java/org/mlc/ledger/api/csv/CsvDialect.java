package org.mlc.ledger.api.csv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.money.Amounts;

/**
 * The two ways a CSV file is written and read. {@link #MACHINE}, the default, is what scripts
 * have always read: ',' between fields, '.' before the cents, ISO UTC times, ids, English column
 * names. {@link #FRENCH} is what a French spreadsheet opens as a table at a double click: ';'
 * between fields (',' is its decimal mark), a decimal comma without thousands separator (so the
 * cell is a number), a UTF-8 BOM (else it reads the file in its local code page), French column
 * names, dates and times of Europe/Paris to the minute, names and member numbers instead of ids.
 * Every export and upload goes through here, so the two dialects are defined once.
 */
public enum CsvDialect {

    MACHINE(','),
    FRENCH(';');

    /** Where the association is: the French dialect's dates and times are local there. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.FRENCH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.FRENCH);
    private static final DateTimeFormatter ANY_DAY = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.FRENCH)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/uuuu", Locale.FRENCH);
    /** Spaces a spreadsheet may put between thousands of a cell formatted as text (plain, no-break, narrow). */
    private static final Pattern THOUSANDS = Pattern.compile("(?<=[0-9])[ \u00A0\u202F](?=[0-9]{3})");

    private final char separator;

    CsvDialect(char separator) {
        this.separator = separator;
    }

    public char separator() {
        return separator;
    }

    /**
     * The dialect asked for by an export's {@code ?format=csv&dialect=…}: null when the answer is
     * JSON (no format, or {@code json}), {@link #MACHINE} without {@code dialect}, {@link #FRENCH}
     * with {@code dialect=fr}.
     */
    public static CsvDialect asked(String format, String dialect) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ApiException.invalid("format", "csv.format", "{0} must be json or csv");
        }
        if (dialect != null && !"fr".equalsIgnoreCase(dialect) && !"machine".equalsIgnoreCase(dialect)) {
            throw ApiException.invalid("dialect", "csv.dialect",
                    "{0} must be fr (a French spreadsheet) or machine (the default)");
        }
        if (!csv) {
            return null;
        }
        return "fr".equalsIgnoreCase(dialect) ? FRENCH : MACHINE;
    }

    /** The dialect of an uploaded text (its BOM dropped): the separator its first line uses most. */
    static CsvDialect of(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? FRENCH : MACHINE;
    }

    /** The text the file starts with: the BOM that tells a spreadsheet the file is UTF-8. */
    public String preamble() {
        return this == FRENCH ? Csv.BOM : "";
    }

    /** An amount given as a plain decimal ("-1234.50"): a decimal comma in French. */
    public String decimal(String plain) {
        return plain == null || this == MACHINE ? plain : plain.replace('.', ',');
    }

    /** An amount in minor units: as such for machines, in units with a decimal comma in French. */
    public String minor(long minor) {
        return this == MACHINE ? Long.toString(minor) : decimal(Amounts.format(minor));
    }

    /** An instant: ISO UTC for machines, "03/12/2026 14:05" in Paris in French. */
    public String instant(Instant at) {
        return at == null ? null : this == MACHINE ? at.toString() : MINUTE.format(at.atZone(PARIS));
    }

    /** A calendar day: "2026-12-03" for machines, "03/12/2026" in French. */
    public String day(LocalDate day) {
        return day == null ? null : this == MACHINE ? day.toString() : DAY.format(day);
    }

    /** A month: "2026-12" for machines, "12/2026" in French. */
    public String month(YearMonth month) {
        return month == null ? null : this == MACHINE ? month.toString() : MONTH.format(month);
    }

    /**
     * An uploaded amount, in either dialect: "25.00" or "25,00" (a spreadsheet's thousands spaces
     * dropped), as the plain decimal the amount parsers take; null if it has more than one
     * decimal mark.
     */
    public static String plainAmount(String cell) {
        if (cell == null) {
            return null;
        }
        String text = THOUSANDS.matcher(cell.strip()).replaceAll("");
        int marks = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',' || text.charAt(i) == '.') {
                marks++;
            }
        }
        return marks > 1 ? null : text.replace(',', '.');
    }

    /** An uploaded day, ISO ("2026-12-03") or French ("03/12/2026"); null if it is neither. */
    public static LocalDate parseDay(String cell) {
        String text = cell.strip();
        try {
            return text.contains("/") ? LocalDate.parse(text, ANY_DAY) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
