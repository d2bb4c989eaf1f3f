package org.mlc.ledger.api.security;

/** The roles of DESIGN.md. What each may do is declared on each endpoint with {@link Allowed}. */
public enum Role {
    /**
     * The platform operator: creates currencies and their first CURRENCY_ADMIN, sees the platform's
     * health, and may act in any currency (each act in that currency's audit).
     */
    ADMIN,
    /**
     * An association's administrator: everything an ADMIN may do, within its one currency
     * (docs/security.md, "Currencies"); never the platform's endpoints ({@link Platform}).
     */
    CURRENCY_ADMIN,
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
    /** Reads everything (of its currency when bound to one), changes nothing. */
    AUDITOR;

    /** Roles bound to a participant (they see only what that participant owns). */
    public boolean boundToParticipant() {
        return this == MERCHANT || this == MEMBER || this == CCAS || this == COLLECTIVITE || this == EMPLOYER;
    }
}
