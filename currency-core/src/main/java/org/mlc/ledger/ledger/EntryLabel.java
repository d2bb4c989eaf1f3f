package org.mlc.ledger.ledger;

import java.util.Objects;

/**
 * What a statement line says besides its amount: the kind of operation ({@code CONVERSION},
 * {@code PAYMENT_OUT}, …), the id of the operation, and optionally who is on the other side and a
 * reference (a bank reference, a reason). Written as they appear in statements and CSV exports.
 */
public record EntryLabel(String kind, String operationId, String counterparty, String reference) {

    public EntryLabel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operationId, "operationId");
    }
}
