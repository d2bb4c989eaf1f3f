package org.mlc.ledger.payment;

/** Metadata keys of the transfer events, stored with them: the strings never change. */
public final class TransferMetaData {

    /**
     * Metadata of a {@link TransferDebited} whose credit is recorded in the same unit of work, right
     * after it: the transfer saga ends at once instead of crediting.
     */
    public static final String CREDIT_FOLLOWS = "creditFollows";

    /**
     * Metadata of a {@link TransferCredited} recorded in the unit of work of its debit (the debit
     * carries {@link #CREDIT_FOLLOWS}): no saga was ever stored for that transfer.
     */
    public static final String CREDITED_WITH_DEBIT = "creditedWithDebit";

    private TransferMetaData() {
    }
}
