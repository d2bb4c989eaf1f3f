package org.mlc.ledger.counter;

import java.util.Map;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * Notes of one printed series by denomination; {@code seriesId} null for notes of no series (those
 * a counter received before series existed, or took back without their series named).
 */
public record SeriesNotes(NoteSeriesId seriesId, Map<Integer, Integer> notes) {
}
