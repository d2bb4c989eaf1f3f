package org.mlc.ledger.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.bonus.BonusFunding;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.participant.Participant;

/**
 * Converts euros to units in one unit of work over the counter, the account and the sponsor
 * budget that funds the bonus, so a conversion is never half-applied. Everything that can refuse
 * is checked before anything is recorded.
 *
 * <p>Parity units are backed by the euros received; the bonus above parity is issued only as far
 * as a sponsor budget funds it ({@link BonusFunding}), otherwise the conversion is at parity and
 * the answer says why; a participant of a kind the currency does not make eligible (by default
 * anyone but a member) converts at parity ({@code not-eligible}). When the currency gives a
 * donation share and the member names an association, the issuer gives it in the same unit of
 * work ({@link DonationPolicy}; through in-transit, so both accounts record their side).
 * {@link QuoteConversion} asks the same decision and records nothing.
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
        Decision decision = decide(command.counterId(), command.accountId(), command.eurosMinor(), command.paidBy(),
                command.payout(), command.at(), command.donateTo());

        // nothing above could refuse after recording: from here on everything is recorded together
        BonusFunding bonus = decision.bonus();
        bonus.draw(command.conversionId(), command.accountId(), command.at());
        decision.counter().execute(c -> c.conversions.noteFunding(command.counterId(), command.conversionId(),
                bonus.budgetId(), bonus.bonusMinor(), decision.currency().issuerAccount(), command.donateTo(),
                decision.donation().amountMinor(), command.at()));
        EurosConverted converted = decision.counter().invoke(c -> c.convert(command.conversionId(),
                command.accountId(), command.eurosMinor(), command.paidBy(), command.payout(), decision.unitsMinor(),
                bonus.bonusMinor(), decision.notes(), command.at()));
        if (command.payout() == Payout.ACCOUNT) {
            decision.account().execute(a -> a.receiveIssuedUnits(command.conversionId(), command.counterId(),
                    converted.unitsMinor(), command.at()));
        }
        Donation donation = decision.donation();
        donation.give(command.conversionId(), command.donateTo(), decision.currency(), command.at());
        return new Conversion(converted.conversionId(), converted.eurosMinor(), converted.unitsMinor(),
                converted.bonusMinor(), bonus.reason(), command.payout(), decision.notes(), donation.amountMinor(),
                donation.reason());
    }

    /** The conversion's decision, recording nothing: the quote is the conversion, short of doing it. */
    @CommandHandler
    public ConversionQuote handle(QuoteConversion command) {
        Decision decision = decide(command.counterId(), command.accountId(), command.eurosMinor(), command.paidBy(),
                command.payout(), command.at(), command.donateTo());
        return new ConversionQuote(command.eurosMinor(), decision.unitsMinor(), decision.bonus().bonusMinor(),
                decision.bonus().reason());
    }

    /** Everything a conversion decided before recording anything, with the aggregates it records on. */
    private record Decision(Aggregate<ExchangeCounter> counter, Aggregate<Account> account, Currency currency,
                            long unitsMinor, BonusFunding bonus, SortedMap<Integer, Integer> notes,
                            Donation donation) {
    }

    /**
     * Loads what a conversion records on and decides it: every refusal is here, and nothing is
     * recorded. The conversion and its quote both ask this, so a quote is what the conversion gives.
     */
    private Decision decide(CounterId counterId, AccountId accountId, long eurosMinor, PaidBy paidBy, Payout payout,
                            Instant at, AccountId donateTo) {
        Aggregate<ExchangeCounter> counter = Aggregates.load(counters, counterId.value(), "counter");
        Aggregate<Account> account = Aggregates.load(accounts, accountId.value(), "account");
        CurrencyCode currencyCode = counter.invoke(ExchangeCounter::currency);
        if (!currencyCode.equals(account.invoke(Account::currency))) {
            throw DomainException.refused("currency-mismatch", "account.currency-mismatch", "account {0} is not in {1}",
                    accountId, currencyCode);
        }
        if (account.invoke(Account::status) != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen", "conversion.account-inactive",
                    "account {0} cannot receive units", accountId);
        }
        Currency currency = Currencies.require(currencies, currencyCode);
        if (currency.membershipRequiredForConversion()) {
            LocalDate today = LocalDate.ofInstant(at, CivilDay.ZONE);
            Aggregates.load(participants, account.invoke(Account::owner).value(), "participant")
                    .execute(owner -> owner.requireMemberToConvert(today, currencyCode));
        }
        ConversionPolicy ratio = currency.conversion();
        // below parity (a ratio under 1) there is no bonus to fund
        long wantedBonusMinor = eurosMinor <= 0 ? 0 : ratio.bonusFor(eurosMinor);
        long baseUnitsMinor = eurosMinor <= 0 ? 0 : ratio.unitsFor(eurosMinor) - wantedBonusMinor;
        if (baseUnitsMinor + wantedBonusMinor > Amounts.MAX_AMOUNT_MINOR) {
            throw DomainException.invalid("conversion.units-too-large", "euros: the units they buy would exceed {0}",
                    Money.of(Amounts.MAX_AMOUNT_MINOR, currencyCode.value())).naming("euros");
        }
        BonusFunding bonus = BonusFunding.of(budgets, currency, account.invoke(Account::ownerKind), accountId,
                wantedBonusMinor, at);
        long unitsMinor = baseUnitsMinor + bonus.bonusMinor();
        SortedMap<Integer, Integer> notes = counter.invoke(c -> c.prepareConversion(eurosMinor, paidBy, payout,
                unitsMinor, at));
        Donation donation = donation(donateTo, eurosMinor, currency);
        return new Decision(counter, account, currency, unitsMinor, bonus, notes, donation);
    }

    /** The donation share a conversion gives, decided before anything is recorded. */
    private record Donation(Aggregate<Account> issuer, Aggregate<Account> association, long amountMinor,
                            String reason) {

        static final Donation NONE = new Donation(null, null, 0, null);

        void give(ConversionId conversionId, AccountId donateTo, Currency currency, Instant at) {
            if (amountMinor > 0) {
                issuer.execute(a -> a.giveDonation(conversionId, donateTo, amountMinor, at));
                association.execute(a -> a.receiveDonation(conversionId, currency.issuerAccount(), amountMinor, at));
            }
        }
    }

    private Donation donation(AccountId donateTo, long eurosMinor, Currency currency) {
        if (donateTo == null) {
            return Donation.NONE;
        }
        Aggregate<Account> association = Aggregates.load(accounts, donateTo.value(), "account");
        DonationPolicy.Target target = association.invoke(a -> new DonationPolicy.Target(a.id(), a.ownerKind(),
                a.currency(), a.status()));
        DomainException.throwIfAny(DonationPolicy.onlyAnAssociationReceives(target, currency.code()));
        if (currency.donationBasisPoints() <= 0) {
            return Donation.NONE;
        }
        DomainException.throwIfAny(DonationPolicy.theAssociationCanReceive(target, currency.code(), currency.issuerAccount()));
        Aggregate<Account> issuer = Aggregates.load(accounts, currency.issuerAccount().value(), "issuer account");
        long share = DonationPolicy.shareMinor(eurosMinor, currency.donationBasisPoints(),
                Currency.BASIS_POINTS);
        String reason = DonationPolicy.issuerCannotGive(share, issuer.invoke(Account::availableMinor),
                issuer.invoke(Account::status)).orElse(null);
        return new Donation(issuer, association, reason == null ? share : 0, reason);
    }
}
