package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.ParticipantKind;

@Revision("1")
public record AccountOpened(
        AccountId accountId,
        ParticipantId owner,
        ParticipantKind ownerKind,
        CurrencyCode currency,
        long floorMinor,
        Instant openedAt) {
}
