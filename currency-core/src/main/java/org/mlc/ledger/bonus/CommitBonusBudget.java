package org.mlc.ledger.bonus;

import java.time.Instant;
import java.time.LocalDate;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/**
 * A sponsor (association or collectivité) commits euros to fund the conversion bonus of a
 * currency from {@code from} to {@code to} (inclusive days, French time); a member may then get
 * at most {@code monthlyCapPerMemberMinor} of bonus per calendar month (0: no cap).
 */
public record CommitBonusBudget(
        BudgetId budgetId,
        CurrencyCode currency,
        ParticipantId sponsor,
        long eurosMinor,
        LocalDate from,
        LocalDate to,
        long monthlyCapPerMemberMinor,
        Instant at) {
}
