package org.mlc.ledger.common;

/** Limits shared by all typed identifiers. */
public final class Ids {
    /** Generous for UUIDs and currency codes, small enough to index. */
    public static final int MAX_ID_LENGTH = 64;

    private Ids() {
    }
}
