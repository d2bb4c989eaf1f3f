package org.mlc.ledger.notes;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * Sets the last day on which notes of an expired series are still exchanged or credited to an
 * account ({@code currency}: the one the request names, which must be the series').
 */
public record SetExchangeDeadline(@TargetAggregateIdentifier NoteSeriesId seriesId, CurrencyCode currency,
                                  LocalDate deadline, String by, Instant at) {
}
