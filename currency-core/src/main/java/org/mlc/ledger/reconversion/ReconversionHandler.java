package org.mlc.ledger.reconversion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;

/**
 * Units back to euros, in one unit of work: the merchant's units leave its account (fee kept, the
 * rest burnt) and the same euros leave the guarantee fund as a payout, or nothing happens. Only
 * approved merchants and collectivités reconvert ({@code reconversion-not-allowed}); more than the
 * balance is {@code insufficient-funds}, more than the fund can pay {@code insufficient-fund}.
 * Since the euros paid out are the units burnt, the backing of what still circulates never drops.
 */
class ReconversionHandler {

    private final Repository<Currency> currencies;
    private final Repository<Account> accounts;
    private final Repository<Participant> participants;
    private final Repository<GuaranteeFund> funds;

    ReconversionHandler(Repository<Currency> currencies, Repository<Account> accounts,
                               Repository<Participant> participants, Repository<GuaranteeFund> funds) {
        this.currencies = currencies;
        this.accounts = accounts;
        this.participants = participants;
        this.funds = funds;
    }

    @CommandHandler
    public Reconversion handle(Reconvert command) throws Exception {
        if (command.unitsMinor() <= 0) {
            throw DomainException.invalid("reconversion.units-not-positive", "units must be greater than zero");
        }
        Aggregate<Account> account = Aggregates.load(accounts, command.accountId().value(), "account");
        if (!account.invoke(Account::currency).equals(command.currency())) {
            throw DomainException.refused("currency-mismatch", "account.currency-mismatch", "account {0} is not in {1}",
                    command.accountId(), command.currency());
        }
        participants.load(account.invoke(Account::owner).value()).execute(Participant::requireMayReconvert);
        Currency currency = Currencies.require(currencies, command.currency());
        long feeMinor = currency.reconversionFeeFor(command.unitsMinor());
        long eurosMinor = command.unitsMinor() - feeMinor;
        account.execute(a -> a.reconvert(command.reconversionId(), command.unitsMinor(), feeMinor, command.at()));
        if (eurosMinor > 0) {
            GuaranteeFund.payOut(funds, command.currency(), command.reconversionId(), command.accountId(),
                    command.fundAccount(), eurosMinor, command.at());
        }
        return new Reconversion(command.reconversionId(), command.unitsMinor(), feeMinor, eurosMinor);
    }
}
