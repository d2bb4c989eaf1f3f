package org.mlc.ledger.application;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.MemberNumbers;
import org.mlc.ledger.participant.Participant;

/** The application package's command handlers that load several aggregates, for the ledger's model. */
public final class ApplicationHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new ApplicationApproval(r.of(Currency.class), r.of(Participant.class), r.of(Account.class),
                    r.of(MemberNumbers.class), r.of(MerchantApplication.class), r.of(MembershipApplication.class)));

    private ApplicationHandlers() {
    }
}
