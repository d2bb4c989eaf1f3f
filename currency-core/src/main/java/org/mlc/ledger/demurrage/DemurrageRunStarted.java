package org.mlc.ledger.demurrage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DemurrageRunId;
import org.mlc.ledger.common.ParticipantId;

/**
 * A run of the fonte of {@code currency} for the period {@code periodFrom} to the eve of
 * {@code dueOn}, with the policy as it stood when it started (a resumed run keeps it, whatever the
 * currency set since): the rate {@code rateNumerator / rateDenominator}, threshold, kinds,
 * beneficiary and whether earmarked and held units melt too.
 */
@Revision("1")
public record DemurrageRunStarted(DemurrageRunId runId, CurrencyCode currency, LocalDate dueOn, LocalDate periodFrom,
                                  long rateNumerator, long rateDenominator, int periodMonths, LocalDate firstDueOn,
                                  long thresholdMinor, List<String> kinds, ParticipantId beneficiary,
                                  AccountId beneficiaryAccount, boolean includeEarmarked, Instant at) {
}
