package org.mlc.ledger.participant;

/** Who takes part in a currency. */
public enum ParticipantKind {
    MEMBER,
    MERCHANT,
    ASSOCIATION,
    COLLECTIVITE,
    CCAS,
    /** A company or its works council (CSE): funds earmarked programmes for its staff. */
    EMPLOYER
}
