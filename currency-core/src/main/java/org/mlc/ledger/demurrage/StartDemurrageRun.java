package org.mlc.ledger.demurrage;

import java.time.Instant;
import java.time.LocalDate;
import org.mlc.ledger.common.CurrencyCode;

/**
 * Starts (or finds, when it was started before) the demurrage run of {@code currency} for the due
 * date {@code dueOn}; {@code today} is the association's civil day, a due date after it refused.
 */
public record StartDemurrageRun(CurrencyCode currency, LocalDate dueOn, LocalDate today, Instant at) {
}
