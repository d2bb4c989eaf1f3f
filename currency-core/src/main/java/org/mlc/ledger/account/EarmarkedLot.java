package org.mlc.ledger.account;

import java.time.LocalDate;
import java.util.List;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.GrantId;

/** An earmarked lot: what is left of one grant of aid, where it may be spent, until when. */
public record EarmarkedLot(GrantId grantId, AidProgramId programId, long remainingMinor, List<String> filieres,
                           LocalDate expiresOn) {
}
