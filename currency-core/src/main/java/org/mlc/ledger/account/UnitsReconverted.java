package org.mlc.ledger.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;

/**
 * A merchant (or collectivité) took units back to euros (MLC book: participant −units, fee
 * account +fee, issuance +(units − fee): those units are burnt and leave circulation).
 */
@Revision("1")
public record UnitsReconverted(
        AccountId accountId,
        CurrencyCode currency,
        ReconversionId reconversionId,
        long unitsMinor,
        long feeMinor,
        long eurosMinor,
        Postings postings,
        Instant at) implements ValueMovement {

    @Override
    public EntryLabel entryLabel() {
        return new EntryLabel("RECONVERSION", reconversionId().value(), null, null);
    }
}
