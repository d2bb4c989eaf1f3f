package org.mlc.ledger.aid;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/**
 * A CCAS opened an aid programme: its grants may be spent only in {@code filieres}, each for
 * {@code validityDays} days, at most {@code monthlyCapPerBeneficiaryMinor} a beneficiary a month
 * (null: no cap). {@code ccasAccount} receives the euros of its unspent units when it closes.
 */
@Revision("1")
public record AidProgramCreated(
        AidProgramId programId,
        ParticipantId ccas,
        AccountId ccasAccount,
        CurrencyCode currency,
        String name,
        List<String> filieres,
        int validityDays,
        Long monthlyCapPerBeneficiaryMinor,
        Instant at) {
}
