package org.mlc.ledger.api.csv;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The French names an uploaded file's header may give its columns (as the French dialect's
 * exports write them, or as a person would type them: accents, case and spaces do not matter),
 * and the column of the upload each one is.
 */
public final class CsvHeaders {

    /** A French name, accents dropped, and the columns it can be, the first an upload knows winning. */
    private static final Map<String, List<String>> FRENCH = Map.ofEntries(
            Map.entry("cle", List.of("key")),
            Map.entry("beneficiaire", List.of("beneficiary", "to")),
            Map.entry("adherent", List.of("beneficiary", "to")),
            Map.entry("numero d'adherent", List.of("beneficiary", "to")),
            Map.entry("numero", List.of("beneficiary", "to")),
            Map.entry("destinataire", List.of("to")),
            Map.entry("a", List.of("to")),
            Map.entry("unites", List.of("units")),
            Map.entry("montant", List.of("units", "amount")),
            Map.entry("expiration", List.of("expires")),
            Map.entry("expire le", List.of("expires")),
            Map.entry("echeance", List.of("expires")),
            Map.entry("valable jusqu'au", List.of("expires")),
            Map.entry("reference", List.of("reference")),
            Map.entry("libelle", List.of("label")),
            Map.entry("date", List.of("date")));

    private CsvHeaders() {
    }

    /** A header cell as compared: no BOM, accents, case or extra spaces; a typographic apostrophe is "'". */
    public static String normalised(String header) {
        String text = Normalizer.normalize(header.replace(Csv.BOM, "").replace('’', '\''), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The column of {@code known} a header cell names, in English or French; null if none. */
    public static String column(String header, List<String> known) {
        String name = normalised(header);
        for (String column : known) {
            if (column.equalsIgnoreCase(name)) {
                return column;
            }
        }
        for (String column : FRENCH.getOrDefault(name, List.of())) {
            if (known.contains(column)) {
                return column;
            }
        }
        return null;
    }

    /** Whether the header cell is a French name (not the column's own English one). */
    public static boolean isFrench(String header, String column) {
        return !column.equalsIgnoreCase(normalised(header));
    }
}
