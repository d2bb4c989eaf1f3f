package org.mlc.ledger.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.payment.MakePayment;

/**
 * An account's fixture on which a {@link MakePayment} runs the payer's step, as the payment
 * handler runs it once the rules of who may pay whom let it through (the payee's step is another
 * aggregate's, not this fixture's): for tests of what the payer's own state decides.
 */
public final class AccountFixtures {

    private AccountFixtures() {
    }

    public static FixtureConfiguration<Account> payerFixture() {
        FixtureConfiguration<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerAnnotatedCommandHandler(new PayerStep(fixture.getRepository()));
        return fixture;
    }

    private record PayerStep(Repository<Account> accounts) {

        @CommandHandler
        public TransferId handle(MakePayment payment) throws Exception {
            return accounts.load(payment.from().value()).invoke(account -> account.pay(payment, null));
        }
    }
}
