package org.mlc.ledger;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountHandlers;
import org.mlc.ledger.aid.AidHandlers;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.application.ApplicationHandlers;
import org.mlc.ledger.application.MembershipApplication;
import org.mlc.ledger.application.MerchantApplication;
import org.mlc.ledger.bank.BankHandlers;
import org.mlc.ledger.issuance.Issuance;
import org.mlc.ledger.issuance.IssuanceHandlers;
import org.mlc.ledger.bank.FundBankAccount;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.bonus.BonusHandlers;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.counter.CounterHandlers;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.demurrage.DemurrageHandlers;
import org.mlc.ledger.demurrage.DemurrageRun;
import org.mlc.ledger.notes.NoteSeries;
import org.mlc.ledger.notes.NotesHandlers;
import org.mlc.ledger.participant.MemberNumbers;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.ParticipantHandlers;
import org.mlc.ledger.payment.TransferSaga;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.ReconversionHandlers;

/**
 * The one list of what the ledger is made of: its aggregates, the command handlers that load
 * several of them in one unit of work, and its sagas. The application's Axon configuration and the
 * tests' in-memory ledger both register exactly these, so a new aggregate or handler is added here
 * (or in its package's handler list) once.
 */
public final class LedgerModel {

    public static final List<Class<?>> AGGREGATES = List.of(Currency.class, Participant.class, Account.class,
            ExchangeCounter.class, NoteSeries.class, BonusBudget.class, GuaranteeFund.class, AidProgram.class,
            Issuance.class, FundBankAccount.class, MemberNumbers.class,
            MerchantApplication.class, MembershipApplication.class, DemurrageRun.class);

    /** Each makes one command handler from the configured repositories. */
    public static final List<Function<Repositories, Object>> COMMAND_HANDLERS = Stream.of(AccountHandlers.ALL,
                    ParticipantHandlers.ALL, BonusHandlers.ALL, CounterHandlers.ALL, NotesHandlers.ALL,
                    DemurrageHandlers.ALL, ReconversionHandlers.ALL, AidHandlers.ALL, IssuanceHandlers.ALL,
                    BankHandlers.ALL, ApplicationHandlers.ALL)
            .flatMap(List::stream)
            .toList();

    public static final List<Class<?>> SAGAS = List.of(TransferSaga.class);

    private LedgerModel() {
    }

    /** The command handlers made from {@code repositories}. */
    public static List<Object> commandHandlers(Repositories repositories) {
        return COMMAND_HANDLERS.stream().map(handler -> handler.apply(repositories)).toList();
    }
}
