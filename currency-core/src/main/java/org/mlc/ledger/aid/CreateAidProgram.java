package org.mlc.ledger.aid;

import java.time.Instant;
import java.util.List;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/** Opens an aid programme of a CCAS ({@code ccasAccount}: the CCAS's own account in the currency). */
public record CreateAidProgram(
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
