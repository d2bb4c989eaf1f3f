package org.mlc.ledger.counter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;

/**
 * Cancels a conversion of a counter's open day by compensation, in one unit of work over the
 * counter, the accounts and the sponsor budget: the units are taken back (from the account, or the
 * notes return to the stock), the euros leave the drawer, the bonus returns to its budget and the
 * donation share to the issuer. Everything that can refuse is checked before anything is recorded.
 */
class ConversionCancellationHandler {

    private final Repository<ExchangeCounter> counters;
    private final Repository<Account> accounts;
    private final Repository<BonusBudget> budgets;

    ConversionCancellationHandler(Repository<ExchangeCounter> counters, Repository<Account> accounts,
                                  Repository<BonusBudget> budgets) {
        this.counters = counters;
        this.accounts = accounts;
        this.budgets = budgets;
    }

    @CommandHandler
    public ConversionCancellation handle(CancelConversion command) {
        if (command.cancelledBy() == null || command.cancelledBy().isBlank()) {
            throw DomainException.invalid("cancellation.by-required", "who cancels is required");
        }
        Aggregate<ExchangeCounter> counter = Aggregates.load(counters, command.counterId().value(), "counter");
        Conversions.Converted converted = counter.invoke(c -> c.conversions.toCancel(c.id(), command.conversionId(),
                command.reason()));
        EurosConverted conversion = converted.conversion();
        AccountId member = conversion.payout() == Payout.ACCOUNT ? conversion.accountId() : null;
        long donationMinor = converted.donationMinor();
        AccountId association = donationMinor > 0 ? converted.donatedTo() : null;
        AccountId issuer = donationMinor > 0 ? converted.donatedFrom() : null;
        Map<AccountId, Aggregate<Account>> loaded = loadInOrder(member, association, issuer);

        if (association != null) {
            DomainException.throwIfAny(CancellationPolicy.theDonationIsStillThere(association,
                    loaded.get(association).invoke(Account::availableMinor), donationMinor, conversion.currency()));
        }
        if (member != null) {
            // the issuer converting for itself gets its donation back before its units are taken
            long comingBack = member.equals(issuer) ? donationMinor : 0;
            DomainException.throwIfAny(CancellationPolicy.theUnitsAreStillThere(member,
                    loaded.get(member).invoke(Account::availableMinor) + comingBack, conversion.unitsMinor(),
                    conversion.currency()));
        }
        Aggregate<BonusBudget> budget = converted.budgetId() == null ? null
                : Aggregates.load(budgets, converted.budgetId().value(), "budget");

        // nothing above could refuse after recording: from here on everything is recorded together
        if (association != null) {
            loaded.get(association).execute(a -> a.returnDonation(conversion.conversionId(), issuer, donationMinor,
                    command.at()));
            loaded.get(issuer).execute(a -> a.receiveReturnedDonation(conversion.conversionId(), association,
                    donationMinor, command.at()));
        }
        if (member != null) {
            loaded.get(member).execute(a -> a.takeBackIssuedUnits(conversion.conversionId(), conversion.counterId(),
                    conversion.unitsMinor(), command.reason().strip(), command.at()));
        }
        if (budget != null) {
            budget.execute(b -> b.returnBonus(conversion.conversionId(), conversion.accountId(), conversion.at(),
                    conversion.bonusMinor(), command.at()));
        }
        ConversionCancelled cancelled = counter.invoke(c -> c.conversions.cancel(converted, command.reason(),
                command.cancelledBy(), command.at()));
        return new ConversionCancellation(cancelled.conversionId(), cancelled.eurosMinor(), cancelled.unitsMinor(),
                cancelled.bonusMinor(), cancelled.donationMinor(), cancelled.paidBy(), cancelled.payout(),
                cancelled.notes());
    }

    /** The accounts concerned (nulls left out), loaded in the order of their ids. */
    private Map<AccountId, Aggregate<Account>> loadInOrder(AccountId... ids) {
        Map<String, AccountId> byId = new TreeMap<>();
        for (AccountId id : ids) {
            if (id != null) {
                byId.put(id.value(), id);
            }
        }
        Map<AccountId, Aggregate<Account>> loaded = new LinkedHashMap<>();
        byId.values().forEach(id -> loaded.put(id, Aggregates.load(accounts, id.value(), "account")));
        return loaded;
    }
}
