package org.mlc.ledger.api.security;

/** The roles of DESIGN.md. What each may do is declared on each endpoint with {@link Allowed}. */
public enum Role {
    /** The issuing association's operators: everything. */
    ADMIN,
    /** Works at one exchange counter: converts there, registers members. */
    COUNTER_AGENT,
    /** An approved merchant: its own accounts and payments. */
    MERCHANT,
    /** A member: its own accounts and payments. */
    MEMBER,
    /** A CCAS: its own accounts and its aid programmes. */
    CCAS,
    /** A collectivité: its own accounts and payments, its earmarked programmes. */
    COLLECTIVITE,
    /** An employer (a company or its CSE): its own accounts and payments, its earmarked programmes. */
    EMPLOYER,
    /** Reads everything, changes nothing. */
    AUDITOR;

    /** Roles bound to a participant (they see only what that participant owns). */
    public boolean boundToParticipant() {
        return this == MERCHANT || this == MEMBER || this == CCAS || this == COLLECTIVITE || this == EMPLOYER;
    }
}
