package org.mlc.ledger.notes;

import java.time.LocalDate;
import java.util.SortedMap;

/** The answer to a revalidation: the notes, their face value, the fee and the period it pays for. */
public record NoteRevalidation(String revalidationId, SortedMap<Integer, Integer> notes, long faceValueMinor,
                               long feeMinor, LocalDate periodFrom, LocalDate dueOn, String beneficiaryAccount) {
}
