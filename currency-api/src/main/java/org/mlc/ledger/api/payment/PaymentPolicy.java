package org.mlc.ledger.api.payment;

import org.mlc.ledger.api.payment.PaymentController.PaymentAnswer;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.account.AccountOwners;
import org.springframework.stereotype.Component;

/**
 * Who may pay from an account (its owner, or an ADMIN making a correction) and who may see a
 * payment (ADMIN, AUDITOR, or the owner of either side).
 */
@Component
public class PaymentPolicy {

    private final AccountOwners owners;

    public PaymentPolicy(AccountOwners owners) {
        this.owners = owners;
    }

    public boolean mayPayFrom(String accountId) {
        Caller caller = Caller.current();
        return caller.is(Role.ADMIN) || caller.owns(ownerOf(accountId));
    }

    public boolean mayRead(PaymentAnswer payment) {
        return mayRead(payment.from(), payment.to());
    }

    /** ADMIN, AUDITOR, or the owner of either side. */
    public boolean mayRead(String fromAccount, String toAccount) {
        Caller caller = Caller.current();
        return caller.seesEverything() || caller.owns(ownerOf(fromAccount)) || caller.owns(ownerOf(toAccount));
    }

    private String ownerOf(String accountId) {
        return owners.of(accountId).map(AccountOwners.Owner::participantId).orElse(null);
    }
}
