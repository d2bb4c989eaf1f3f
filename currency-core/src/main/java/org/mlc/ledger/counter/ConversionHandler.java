package org.mlc.ledger.counter;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.bonus.BonusFunding;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;

/**
 * Converts euros to units in one unit of work over the counter, the account and the sponsor
 * budget that funds the bonus, so a conversion is never half-applied. Everything that can refuse
 * is checked before anything is recorded.
 *
 * <p>Parity units are backed by the euros received; the bonus above parity is issued only as far
 * as a sponsor budget funds it ({@link BonusFunding}), otherwise the conversion is at parity and
 * the answer says why. When the currency gives a donation share and the member names an
 * association, the issuer gives it in the same unit of work ({@link DonationPolicy}; through
 * in-transit, so both accounts record their side).
 */
class ConversionHandler {

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
        Aggregate<ExchangeCounter> counter = Aggregates.load(counters, command.counterId().value(), "counter");
        Aggregate<Account> account = Aggregates.load(accounts, command.accountId().value(), "account");
        CurrencyCode currencyCode = counter.invoke(ExchangeCounter::currency);
        if (!currencyCode.equals(account.invoke(Account::currency))) {
            throw DomainException.refused("currency-mismatch",
                    "account " + command.accountId() + " is not in " + currencyCode);
        }
        if (account.invoke(Account::status) != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen", "account " + command.accountId() + " cannot receive units");
        }
        Currency currency = Currencies.require(currencies, currencyCode);
        if (currency.membershipRequiredForConversion()) {
            LocalDate today = LocalDate.ofInstant(command.at(), CivilDay.ZONE);
            Aggregates.load(participants, account.invoke(Account::owner).value(), "participant")
                    .execute(owner -> owner.requireMemberToConvert(today, currencyCode));
        }
        ConversionPolicy ratio = currency.conversion();
        long eurosMinor = command.eurosMinor();
        // below parity (a ratio under 1) there is no bonus to fund
        long wantedBonusMinor = eurosMinor <= 0 ? 0 : ratio.bonusFor(eurosMinor);
        long baseUnitsMinor = eurosMinor <= 0 ? 0 : ratio.unitsFor(eurosMinor) - wantedBonusMinor;
        BonusFunding bonus = BonusFunding.of(budgets, wantedBonusMinor > 0 ? currency.budgetsActiveAt(command.at())
                : List.of(), command.accountId(), wantedBonusMinor, command.at());
        long unitsMinor = baseUnitsMinor + bonus.bonusMinor();
        SortedMap<Integer, Integer> notes = counter.invoke(c -> c.prepareConversion(eurosMinor, command.paidBy(),
                command.payout(), unitsMinor));
        Donation donation = donation(command, currency);

        // nothing above could refuse after recording: from here on everything is recorded together
        bonus.draw(command.conversionId(), command.accountId(), command.at());
        counter.execute(c -> c.conversions.noteFunding(command.counterId(), command.conversionId(), bonus.budgetId(),
                bonus.bonusMinor(), currency.issuerAccount(), command.donateTo(), donation.amountMinor(), command.at()));
        EurosConverted converted = counter.invoke(c -> c.convert(command.conversionId(), command.accountId(),
                eurosMinor, command.paidBy(), command.payout(), unitsMinor, bonus.bonusMinor(), notes, command.at()));
        if (command.payout() == Payout.ACCOUNT) {
            account.execute(a -> a.receiveIssuedUnits(command.conversionId(), command.counterId(),
                    converted.unitsMinor(), command.at()));
        }
        donation.give(command, currency);
        return new Conversion(converted.conversionId(), converted.eurosMinor(), converted.unitsMinor(),
                converted.bonusMinor(), bonus.reason(), command.payout(), notes, donation.amountMinor(),
                donation.reason());
    }

    /** The donation share a conversion gives, decided before anything is recorded. */
    private record Donation(Aggregate<Account> issuer, Aggregate<Account> association, long amountMinor,
                            String reason) {

        static final Donation NONE = new Donation(null, null, 0, null);

        void give(ConvertEuros command, Currency currency) {
            if (amountMinor > 0) {
                issuer.execute(a -> a.giveDonation(command.conversionId(), command.donateTo(), amountMinor,
                        command.at()));
                association.execute(a -> a.receiveDonation(command.conversionId(), currency.issuerAccount(),
                        amountMinor, command.at()));
            }
        }
    }

    private Donation donation(ConvertEuros command, Currency currency) {
        if (command.donateTo() == null) {
            return Donation.NONE;
        }
        Aggregate<Account> association = Aggregates.load(accounts, command.donateTo().value(), "account");
        DonationPolicy.Target target = association.invoke(a -> new DonationPolicy.Target(a.id(), a.ownerKind(),
                a.currency(), a.status()));
        DomainException.throwIfAny(DonationPolicy.onlyAnAssociationReceives(target, currency.code()));
        if (currency.donationBasisPoints() <= 0) {
            return Donation.NONE;
        }
        DomainException.throwIfAny(DonationPolicy.theAssociationCanReceive(target, currency.code(), currency.issuerAccount()));
        Aggregate<Account> issuer = Aggregates.load(accounts, currency.issuerAccount().value(), "issuer account");
        long share = DonationPolicy.shareMinor(command.eurosMinor(), currency.donationBasisPoints(),
                Currency.BASIS_POINTS);
        String reason = DonationPolicy.issuerCannotGive(share, issuer.invoke(Account::availableMinor),
                issuer.invoke(Account::status)).orElse(null);
        return new Donation(issuer, association, reason == null ? share : 0, reason);
    }
}
