package org.mlc.ledger.demurrage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Sets a currency's demurrage (fonte): {@code rate} an exact decimal ("0.02"; 0 turns it off),
 * every {@code periodMonths} months from {@code firstDueOn}, on the part of each balance above
 * {@code thresholdMinor} of the accounts of {@code kinds} (null: members and merchants), to the
 * account of the association {@code beneficiaryAccount}; earmarked aid and held amounts exempt
 * unless {@code includeEarmarked}.
 */
public record SetDemurrage(CurrencyCode currency, BigDecimal rate, int periodMonths, LocalDate firstDueOn,
                           long thresholdMinor, Set<ParticipantKind> kinds, AccountId beneficiaryAccount,
                           boolean includeEarmarked, Instant at) {
}
