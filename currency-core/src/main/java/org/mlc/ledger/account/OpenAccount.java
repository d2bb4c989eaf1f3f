package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.ParticipantKind;

/** Opens an account; its floor is the lowest balance allowed (0 unless a credit limit is granted). */
public record OpenAccount(
        @TargetAggregateIdentifier AccountId accountId,
        ParticipantId owner,
        ParticipantKind ownerKind,
        CurrencyCode currency,
        long floorMinor,
        Instant openedAt) {
}
