package org.mlc.ledger.bank;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.issuance.Issuance;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.reconversion.GuaranteeFund;

/** The bank package's command handlers that load several aggregates, for the ledger's model. */
public final class BankHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new BankStatementHandler(r.of(FundBankAccount.class), r.of(ExchangeCounter.class),
                    r.of(BonusBudget.class), r.of(GuaranteeFund.class), r.of(AidProgram.class), r.of(Issuance.class)),
            r -> new MatchUndoHandler(r.of(FundBankAccount.class), r.of(ExchangeCounter.class),
                    r.of(BonusBudget.class), r.of(GuaranteeFund.class), r.of(AidProgram.class), r.of(Issuance.class)));

    private BankHandlers() {
    }
}
