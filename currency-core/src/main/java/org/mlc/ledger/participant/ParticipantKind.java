package org.mlc.ledger.participant;

/** Who takes part in a currency. */
public enum ParticipantKind {
    MEMBER,
    MERCHANT,
    ASSOCIATION,
    COLLECTIVITE,
    CCAS
}
