package org.mlc.ledger.notes;

import java.time.LocalDate;
import java.util.Map;

/** The answer to a release: the notes released by denomination, their value and to whom. */
public record NotesRelease(String seriesId, String beneficiary, LocalDate on, Map<Integer, Integer> notes,
                           long unitsMinor) {
}
