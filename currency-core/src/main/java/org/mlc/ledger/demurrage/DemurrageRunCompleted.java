package org.mlc.ledger.demurrage;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DemurrageRunId;

/** Every account of the run was asked; its figures. After it the run charges no one. */
@Revision("1")
public record DemurrageRunCompleted(DemurrageRunId runId, CurrencyCode currency, LocalDate dueOn,
                                    int accountsCharged, long totalMinor, Instant at) {
}
