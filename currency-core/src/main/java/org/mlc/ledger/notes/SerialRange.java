package org.mlc.ledger.notes;

/** The serial numbers printed on the notes of one denomination of a series, first and last (e.g. B000001 to B003000). */
public record SerialRange(String from, String to) {
}
