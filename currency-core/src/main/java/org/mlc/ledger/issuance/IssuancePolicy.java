package org.mlc.ledger.issuance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.Ids;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * What a direct issuance may be: who funds it, how many lines, each line's key and units. Each
 * refusal names the field (and the line) it is about, so that a file is corrected line by line.
 */
final class IssuancePolicy {

    /** Lines in one issuance, as a bulk upload (issue #21). */
    static final int MAX_LINES = 10_000;
    static final int MAX_REFERENCE_LENGTH = 140;
    static final int MAX_LABEL_LENGTH = 140;
    /**
     * Who pays its own euros for units issued to others: collectivités (indemnités, subsidies) and
     * employers (staff bonuses paid in the currency).
     */
    static final Set<ParticipantKind> FUNDER_KINDS = Set.of(ParticipantKind.COLLECTIVITE, ParticipantKind.EMPLOYER);

    private IssuancePolicy() {
    }

    static Optional<DomainException> funderKind(ParticipantKind kind) {
        if (FUNDER_KINDS.contains(kind)) {
            return Optional.empty();
        }
        return Optional.of(DomainException.refused("funder-not-allowed", "issuance.funder-not-allowed",
                "a {0} does not fund a direct issuance", kind).naming("funder"));
    }

    /** The euros owed: the sum of the lines, at parity. */
    static long checkLines(String reference, List<IssuanceLine> lines) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH) {
            throw DomainException.invalid("issuance.reference-required", "reference is required, at most {0} characters",
                    MAX_REFERENCE_LENGTH).naming("reference");
        }
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw DomainException.invalid("issuance.lines-count", "an issuance has 1 to {0} lines", MAX_LINES)
                    .naming("lines");
        }
        Map<String, Integer> keys = new HashMap<>();
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            IssuanceLine line = lines.get(i);
            if (line.key() == null || line.key().isBlank() || line.key().length() > Ids.MAX_ID_LENGTH) {
                throw DomainException.invalid("issuance.key-required", "line {0}: key is required, at most {1} "
                        + "characters", i + 1, Ids.MAX_ID_LENGTH).naming(field(i, "key"));
            }
            Integer earlier = keys.putIfAbsent(line.key(), i + 1);
            if (earlier != null) {
                throw DomainException.invalid("issuance.key-twice", "line {0}: key {1} is the key of line {2} too",
                        i + 1, line.key(), earlier).naming(field(i, "key"));
            }
            if (line.unitsMinor() <= 0) {
                throw DomainException.invalid("issuance.units-not-positive", "line {0}: units must be greater than zero",
                        i + 1).naming(field(i, "units"));
            }
            if (line.label() != null && line.label().length() > MAX_LABEL_LENGTH) {
                throw DomainException.invalid("issuance.label-too-long", "line {0}: a label is at most {1} characters",
                        i + 1, MAX_LABEL_LENGTH).naming(field(i, "label"));
            }
            total = Math.addExact(total, line.unitsMinor());
        }
        return total;
    }

    /** The field of line {@code index} (0-based), as the request names it. */
    static String field(int index, String name) {
        return "lines[" + index + "]." + name;
    }
}
