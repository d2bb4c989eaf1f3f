package org.mlc.ledger.account;

import java.util.function.BooleanSupplier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.MerchantStatus;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * A payment as the rules of who may pay whom see it: the payer, the payee, the payee's standing as
 * a merchant (null when it is not one), whether the currency lets members pay members (asked only
 * when a rule needs it: it loads the currency), and whether it is a refund or a line of a bulk upload.
 */
record PaymentCase(AccountId payer, ParticipantKind payerKind, Payee payee, Merchant merchant,
                   CurrencyCode currency, BooleanSupplier memberTransfersAllowed, boolean refund,
                   boolean inBatch) {

    /** The payee's account as the payer's rules see it. */
    record Payee(AccountId id, ParticipantKind kind, AccountStatus status) {
    }

    /** A merchant payee's agrément: {@code payable} when approved and not suspended. */
    record Merchant(ParticipantId id, MerchantStatus status, boolean payable, String filiere) {
    }

    /** The filière earmarked aid may be spent in: the merchant's, none for a refund or a non-merchant. */
    String payeeFiliere() {
        return merchant == null || refund ? null : merchant.filiere();
    }
}
