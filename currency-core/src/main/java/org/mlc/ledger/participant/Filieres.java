package org.mlc.ledger.participant;

import java.util.List;

/**
 * The filières a merchant is approved in. The usual ones are listed; a currency may use another
 * code of the same shape ({@link Participant#FILIERE}) for a filière of its own.
 */
public final class Filieres {

    public static final List<String> STANDARD = List.of("ALIMENTATION", "LOISIRS_CULTURE", "SERVICES_PROXIMITE",
            "MOBILITE_DOUCE", "HABITAT_DURABLE");

    private Filieres() {
    }
}
