package org.mlc.ledger.aid;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.EarmarkedLot;
import org.mlc.ledger.common.Aggregates;

/**
 * Returns an account's expired lots to their programmes: for each, the account drops the lot and
 * the programme takes the units back, in one unit of work. Run again, it finds nothing left to
 * return: the expiry is idempotent.
 */
class AidExpiryHandler {

    private final Repository<AidProgram> programs;
    private final Repository<Account> accounts;

    AidExpiryHandler(Repository<AidProgram> programs, Repository<Account> accounts) {
        this.programs = programs;
        this.accounts = accounts;
    }

    @CommandHandler
    public Expiry handle(ExpireEarmarks command) throws Exception {
        Aggregate<Account> account = Aggregates.load(accounts, command.accountId().value(), "account");
        List<EarmarkedLot> expired = account.invoke(a -> a.expiredLots(command.today()));
        long unitsMinor = 0;
        for (EarmarkedLot lot : expired) {
            Aggregate<AidProgram> program = AidGrantHandler.loadProgram(programs, lot.programId());
            account.execute(a -> a.expireLot(lot.grantId(), command.at()));
            program.execute(p -> p.takeBackExpired(lot.grantId(), command.accountId(), lot.remainingMinor(),
                    command.at()));
            unitsMinor += lot.remainingMinor();
        }
        return new Expiry(expired.size(), unitsMinor);
    }
}
