package org.mlc.ledger.participant;

/** Where a merchant's agrément stands. Only an APPROVED merchant may be paid as a merchant or reconvert. */
public enum MerchantStatus {
    /** Registered, not (yet) approved by the issuer. */
    REGISTERED,
    APPROVED,
    /** Approval on hold: the merchant keeps its balance but cannot be paid nor reconvert. */
    SUSPENDED,
    /** Approval taken back; a new approval may grant it again. */
    WITHDRAWN
}
