package org.mlc.ledger.notes;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.counter.Notes;

/** What a printed series may say: its name, the figures printed and their serial numbers. */
final class NoteSeriesPolicy {

    /** Upper-cased letters, digits and dashes, as printed on the notes. */
    static final Pattern SERIES = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");
    /** More notes of one denomination in one series than this is a typo (a print run is thousands). */
    static final int MAX_PRINTED_PER_DENOMINATION = 1_000_000;
    private static final Pattern SERIAL = Pattern.compile("([A-Z]*)([0-9]{1,12})");

    private NoteSeriesPolicy() {
    }

    /** The series' name as stored, upper-cased; {@code invalid} naming {@code series}. */
    static String series(String series) {
        String name = series == null ? "" : series.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SERIES.matcher(name).matches()) {
            throw DomainException.invalid("notes.series-name",
                    "series: 1 to 40 letters, digits or dashes, e.g. 2026-A").naming("series");
        }
        return name;
    }

    /** The printed figures without zero counts; {@code invalid} naming {@code printed}. */
    static SortedMap<Integer, Integer> printed(Map<Integer, Integer> printed) {
        if (printed == null || printed.isEmpty()) {
            throw DomainException.invalid("notes.series-printed", "printed: the notes printed by denomination, "
                    + "e.g. {\"10\": 3000}").naming("printed");
        }
        SortedMap<Integer, Integer> valid = new TreeMap<>();
        for (Map.Entry<Integer, Integer> entry : printed.entrySet()) {
            if (entry.getKey() == null || !Notes.DENOMINATIONS.contains(entry.getKey())) {
                throw DomainException.invalid("notes.denomination", "there is no note of {0}; denominations are {1}",
                        entry.getKey(), new java.util.TreeSet<>(Notes.DENOMINATIONS).toString())
                        .naming("printed");
            }
            if (entry.getValue() == null || entry.getValue() < 0 || entry.getValue() > MAX_PRINTED_PER_DENOMINATION) {
                throw DomainException.invalid("notes.series-count", "printed: between 0 and {0} notes of each "
                        + "denomination", MAX_PRINTED_PER_DENOMINATION).naming("printed");
            }
            if (entry.getValue() > 0) {
                valid.put(entry.getKey(), entry.getValue());
            }
        }
        if (valid.isEmpty()) {
            throw DomainException.invalid("notes.series-printed", "printed: the notes printed by denomination, "
                    + "e.g. {\"10\": 3000}").naming("printed");
        }
        return valid;
    }

    /**
     * Serial ranges, each for a printed denomination and exactly as many numbers as notes printed
     * (same letters, same width); {@code invalid} naming {@code serials}.
     */
    static SortedMap<Integer, SerialRange> serials(Map<Integer, SerialRange> serials,
                                                   Map<Integer, Integer> printed) {
        SortedMap<Integer, SerialRange> valid = new TreeMap<>();
        if (serials == null) {
            return valid;
        }
        for (Map.Entry<Integer, SerialRange> entry : serials.entrySet()) {
            Integer denomination = entry.getKey();
            SerialRange range = entry.getValue();
            if (denomination == null || !printed.containsKey(denomination) || range == null
                    || range.from() == null || range.to() == null) {
                throw DomainException.invalid("notes.serials", "serials: a range {from, to} for a printed "
                        + "denomination").naming("serials");
            }
            Matcher from = SERIAL.matcher(range.from().strip());
            Matcher to = SERIAL.matcher(range.to().strip());
            if (!from.matches() || !to.matches() || !from.group(1).equals(to.group(1))
                    || from.group(2).length() != to.group(2).length()
                    || Long.parseLong(to.group(2)) - Long.parseLong(from.group(2)) + 1 != printed.get(denomination)) {
                throw DomainException.invalid("notes.serials-count", "serials of {0}: from {1} to {2} must number "
                        + "the {3} notes printed (same letters, same width)", denomination, range.from(), range.to(),
                        printed.get(denomination)).naming("serials");
            }
            valid.put(denomination, new SerialRange(range.from().strip(), range.to().strip()));
        }
        return valid;
    }

    /** The witness of a destruction: named, and someone else than the person destroying. */
    static String witness(String witness, String by) {
        String name = witness == null ? "" : witness.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalid("notes.witness", "witness: the name of the person who saw the "
                    + "destruction (1 to 200 characters)").naming("witness");
        }
        if (by != null && name.equalsIgnoreCase(by.strip())) {
            throw DomainException.refused("same-witness", "notes.same-witness",
                    "the witness of a destruction is someone else than {0}, who destroys", by).naming("witness");
        }
        return name;
    }
}
