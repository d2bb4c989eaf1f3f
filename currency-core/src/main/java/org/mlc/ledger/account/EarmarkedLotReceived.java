package org.mlc.ledger.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.GrantId;

/**
 * The account received a grant as an earmarked lot: {@code unitsMinor} spendable only at merchants
 * of {@code filieres} until {@code expiresOn} inclusive. No postings: the units' move is booked by
 * the programme's {@code AidGranted}, recorded in the same unit of work.
 */
@Revision("1")
public record EarmarkedLotReceived(
        AccountId accountId,
        GrantId grantId,
        AidProgramId programId,
        long unitsMinor,
        List<String> filieres,
        LocalDate expiresOn,
        Instant at) {
}
