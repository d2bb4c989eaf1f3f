package org.mlc.ledger.currency;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The filières a currency's merchants are approved in. The usual ones are listed; a currency may
 * add another code of the same shape ({@link #PATTERN}) for a filière of its own.
 */
public final class Filieres {

    public static final List<String> STANDARD = List.of("ALIMENTATION", "LOISIRS_CULTURE", "SERVICES_PROXIMITE",
            "MOBILITE_DOUCE", "HABITAT_DURABLE");

    /** The shape of a filière code, e.g. ALIMENTATION. */
    public static final Pattern PATTERN = Pattern.compile("[A-Z][A-Z_]{1,39}");

    private Filieres() {
    }
}
