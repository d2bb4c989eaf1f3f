package org.mlc.ledger.currency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/**
 * The currency's demurrage policy: the rate as an exact fraction {@code rateNumerator /
 * rateDenominator} ({@code 0 / 1}: off, when the other fields may be null), see {@link Demurrage}.
 */
@Revision("1")
public record DemurrageSet(CurrencyCode code, long rateNumerator, long rateDenominator, int periodMonths,
                           LocalDate firstDueOn, long thresholdMinor, List<String> kinds, ParticipantId beneficiary,
                           AccountId beneficiaryAccount, boolean includeEarmarked, Instant at) {
}
