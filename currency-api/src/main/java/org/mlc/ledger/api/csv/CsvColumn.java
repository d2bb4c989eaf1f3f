package org.mlc.ledger.api.csv;

/**
 * A column of an export: its name (the machine dialect's header, a JSON property) and what its
 * values are, which says how the French dialect writes them. Values are given as the machine
 * dialect writes them (a plain decimal, an ISO instant…).
 */
public record CsvColumn(String name, Type type, String words) {

    public enum Type {
        /** Free text; in French, the ids in it are shown as names and member numbers. */
        TEXT,
        /** A plain decimal amount or ratio ("-12.50"). */
        DECIMAL,
        /** An amount in minor units (1250): in units in French. */
        MINOR,
        /** An ISO instant. */
        INSTANT,
        /** An ISO day. */
        DAY,
        /** An ISO month ("2026-12"). */
        MONTH,
        /** A code of a closed list (an enum): in French, the word {@code <words><code>} of the messages. */
        WORD,
        /** A count or a line number, as is. */
        NUMBER
    }

    public static CsvColumn text(String name) {
        return new CsvColumn(name, Type.TEXT, null);
    }

    public static CsvColumn decimal(String name) {
        return new CsvColumn(name, Type.DECIMAL, null);
    }

    public static CsvColumn minor(String name) {
        return new CsvColumn(name, Type.MINOR, null);
    }

    public static CsvColumn instant(String name) {
        return new CsvColumn(name, Type.INSTANT, null);
    }

    public static CsvColumn day(String name) {
        return new CsvColumn(name, Type.DAY, null);
    }

    public static CsvColumn month(String name) {
        return new CsvColumn(name, Type.MONTH, null);
    }

    public static CsvColumn number(String name) {
        return new CsvColumn(name, Type.NUMBER, null);
    }

    /** A code whose French word is the message {@code words + code} (e.g. "entry.", "means."). */
    public static CsvColumn word(String name, String words) {
        return new CsvColumn(name, Type.WORD, words);
    }
}
