package org.mlc.ledger.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.TransferId;

/**
 * How much of a payment's debit ({@code TransferDebited} of the same transfer, just before) came
 * from which earmarked lot, paid to {@code to}, a merchant of {@code filiere}; the rest came from
 * free units. No postings: the debit has them.
 */
@Revision("1")
public record EarmarkedUnitsSpent(
        AccountId accountId,
        TransferId transferId,
        AccountId to,
        String filiere,
        List<Draw> draws,
        Instant at) {

    /** Units taken from one lot. */
    public record Draw(GrantId grantId, AidProgramId programId, long unitsMinor) {
    }

    public long totalMinor() {
        return draws.stream().mapToLong(Draw::unitsMinor).sum();
    }
}
