package org.mlc.ledger.api.account;

import org.mlc.ledger.api.security.Caller;

/** Who may see an account: ADMIN and AUDITOR any; the other roles only their participant's. */
public final class AccountPolicy {

    private AccountPolicy() {
    }

    public static boolean mayRead(String ownerParticipantId) {
        Caller caller = Caller.current();
        return caller.seesEverything() || caller.owns(ownerParticipantId);
    }
}
