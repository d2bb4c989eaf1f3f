package org.mlc.ledger.counter;

import java.util.List;
import java.util.SortedMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Membership;
import org.mlc.ledger.participant.Participant;
import java.time.LocalDate;

/**
 * Converts euros to units in one unit of work over the counter, the account and the sponsor
 * budget that funds the bonus, so a conversion is never half-applied. Everything that can refuse
 * is checked before anything is recorded.
 *
 * <p>Parity units are backed by the euros received; the bonus above parity is issued only as far
 * as a sponsor budget funds it (the oldest active budget with something left for this member),
 * otherwise the conversion is at parity and the answer says why. When the currency gives a
 * donation share and the member names an association, the issuer gives it in the same unit of
 * work (through in-transit, so both accounts record their side).
 */
class ConversionHandler {

    /** Why a conversion got less bonus than its currency's ratio gives; null when it got it all. */
    public static final String NO_BUDGET = "no-budget";
    public static final String BUDGET_EXHAUSTED = "budget-exhausted";
    public static final String MONTHLY_CAP_REACHED = "monthly-cap-reached";

    private final Repository<Currency> currencies;
    private final Repository<ExchangeCounter> counters;
    private final Repository<Account> accounts;
    private final Repository<BonusBudget> budgets;
    private final Repository<Participant> participants;

    ConversionHandler(Repository<Currency> currencies, Repository<ExchangeCounter> counters,
                             Repository<Account> accounts, Repository<BonusBudget> budgets,
                             Repository<Participant> participants) {
        this.currencies = currencies;
        this.counters = counters;
        this.accounts = accounts;
        this.budgets = budgets;
        this.participants = participants;
    }

    @CommandHandler
    public Conversion handle(ConvertEuros command) {
        Aggregate<ExchangeCounter> counter = load(counters, command.counterId().value(), "counter");
        Aggregate<Account> account = load(accounts, command.accountId().value(), "account");
        var counterCurrency = counter.invoke(ExchangeCounter::currency);
        if (!counterCurrency.equals(account.invoke(Account::currency))) {
            throw DomainException.refused("currency-mismatch",
                    "account " + command.accountId() + " is not in " + counterCurrency);
        }
        if (account.invoke(Account::status) != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen", "account " + command.accountId() + " cannot receive units");
        }
        Currency currency = Currencies.require(currencies, counterCurrency);
        if (currency.membershipRequiredForConversion() && Membership.appliesTo(account.invoke(Account::ownerKind))) {
            LocalDate today = LocalDate.ofInstant(command.at(), CivilDay.ZONE);
            Participant owner = load(participants, account.invoke(Account::owner).value(), "participant").invoke(p -> p);
            if (!owner.memberOn(today)) {
                throw DomainException.refused("membership-expired", "participant " + owner.id() + (owner
                        .membershipValidUntil() == null ? " has not paid its membership"
                        : " was a member until " + owner.membershipValidUntil()) + ": " + counterCurrency
                        + " converts only for members; the balance stays usable");
            }
        }
        ConversionPolicy policy = currency.conversion();
        long eurosMinor = command.eurosMinor();
        // below parity (a ratio under 1) there is no bonus to fund
        long wantedBonusMinor = eurosMinor <= 0 ? 0 : policy.bonusFor(eurosMinor);
        long baseUnitsMinor = eurosMinor <= 0 ? 0 : policy.unitsFor(eurosMinor) - wantedBonusMinor;

        Aggregate<BonusBudget> funder = null;
        long bonusMinor = 0;
        String reason = null;
        if (wantedBonusMinor > 0) {
            List<BudgetId> active = currency.budgetsActiveAt(command.at());
            reason = active.isEmpty() ? NO_BUDGET : null;
            for (BudgetId budgetId : active) {
                Aggregate<BonusBudget> budget = budgets.load(budgetId.value());
                long available = budget.invoke(b -> b.availableFor(command.accountId(), command.at()));
                long remaining = budget.invoke(BonusBudget::remainingMinor);
                if (available > 0) {
                    funder = budget;
                    bonusMinor = Math.min(wantedBonusMinor, available);
                    reason = bonusMinor == wantedBonusMinor ? null
                            : remaining < wantedBonusMinor ? BUDGET_EXHAUSTED : MONTHLY_CAP_REACHED;
                    break;
                }
                if (reason == null || reason.equals(BUDGET_EXHAUSTED)) {
                    reason = remaining > 0 ? MONTHLY_CAP_REACHED : BUDGET_EXHAUSTED;
                }
            }
        }
        long unitsMinor = baseUnitsMinor + bonusMinor;
        SortedMap<Integer, Integer> notes = counter.invoke(c -> c.prepareConversion(eurosMinor, command.paidBy(),
                command.payout(), unitsMinor));

        // the donation share: given by the issuer, in units, to the association the member chose
        Aggregate<Account> issuer = null;
        Aggregate<Account> association = null;
        long donationMinor = 0;
        String donationReason = null;
        if (command.donateTo() != null && currency.donationBasisPoints() > 0) {
            association = load(accounts, command.donateTo().value(), "account");
            if (!counterCurrency.equals(association.invoke(Account::currency))
                    || association.invoke(Account::status) != AccountStatus.ACTIVE) {
                throw DomainException.refused("donation-refused", "account " + command.donateTo()
                        + " cannot receive a donation in " + counterCurrency);
            }
            if (command.donateTo().equals(currency.issuerAccount())) {
                throw DomainException.refused("donation-refused", "the issuer cannot donate to itself");
            }
            issuer = load(accounts, currency.issuerAccount().value(), "issuer account");
            long share = Math.multiplyExact(eurosMinor, currency.donationBasisPoints()) / Currency.BASIS_POINTS;
            if (share > 0 && issuer.invoke(Account::availableMinor) >= share
                    && issuer.invoke(Account::status) == AccountStatus.ACTIVE) {
                donationMinor = share;
            } else if (share > 0) {
                donationReason = "issuer-balance-insufficient";
            }
        }

        // nothing above could refuse after recording: from here on everything is recorded together
        long granted = bonusMinor;
        if (funder != null) {
            funder.execute(b -> b.draw(command.conversionId(), command.accountId(), granted, command.at()));
        }
        EurosConverted converted = counter.invoke(c -> c.convert(command.conversionId(), command.accountId(),
                eurosMinor, command.paidBy(), command.payout(), unitsMinor, granted, notes, command.at()));
        if (command.payout() == Payout.ACCOUNT) {
            account.execute(a -> a.receiveIssuedUnits(command.conversionId(), command.counterId(),
                    converted.unitsMinor(), command.at()));
        }
        if (donationMinor > 0) {
            long donated = donationMinor;
            issuer.execute(a -> a.giveDonation(command.conversionId(), command.donateTo(), donated, command.at()));
            association.execute(a -> a.receiveDonation(command.conversionId(), currency.issuerAccount(), donated,
                    command.at()));
        }
        return new Conversion(converted.conversionId(), converted.eurosMinor(), converted.unitsMinor(),
                converted.bonusMinor(), reason, command.payout(), notes, donationMinor, donationReason);
    }

    private static <T> Aggregate<T> load(Repository<T> repository, String id, String what) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("unknown " + what + " " + id);
        }
    }
}
