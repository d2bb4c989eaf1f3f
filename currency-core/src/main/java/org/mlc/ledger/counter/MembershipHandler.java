package org.mlc.ledger.counter;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.participant.FeePaidWith;
import org.mlc.ledger.participant.MembershipRenewed;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.PayMembership;

/**
 * A membership fee paid at a counter, in one unit of work over the counter (euros into its
 * drawer) or the participant's account (units to the fee account), and the participant (its
 * membership renewed). Units are their holder's to spend: taken by someone else (an administrator,
 * the API decides who may), the reason is recorded with the membership ({@code
 * MembershipPaidOnBehalf}). Everything that can refuse is checked before anything is recorded. Loads
 * the counter, the account, the currency, then the participant, the order the conversion handler
 * uses, so the two never wait on each other.
 */
class MembershipHandler {

    private final Repository<ExchangeCounter> counters;
    private final Repository<Account> accounts;
    private final Repository<Currency> currencies;
    private final Repository<Participant> participants;

    MembershipHandler(Repository<ExchangeCounter> counters, Repository<Account> accounts,
                             Repository<Currency> currencies, Repository<Participant> participants) {
        this.counters = counters;
        this.accounts = accounts;
        this.currencies = currencies;
        this.participants = participants;
    }

    @CommandHandler
    public MembershipRenewed handle(PayMembership command) {
        if (command.paidWith() == null) {
            throw DomainException.invalid("membership.paid-with-required",
                    "paidWith is required: CASH, CARD, CHEQUE or UNITS");
        }
        boolean onBehalf = command.onBehalfReason() != null;
        if (onBehalf && command.paidWith() != FeePaidWith.UNITS) {
            throw DomainException.invalid("membership.reason-only-for-units",
                    "reason is for units taken on their holder's behalf, not for euros")
                    .naming("reason");
        }
        if (onBehalf) {
            Participant.requireOnBehalfReason(command.onBehalfReason());
        }
        Aggregate<ExchangeCounter> counter = Aggregates.load(counters, command.counterId().value(), "counter");
        counter.execute(ExchangeCounter::checkOpen);
        Aggregate<Account> account = Aggregates.load(accounts, command.accountId().value(), "account");
        if (!command.participantId().equals(account.invoke(Account::owner))) {
            throw DomainException.invalid("membership.account-not-participants", "account {0} is not the participant's",
                    command.accountId());
        }
        var currencyCode = account.invoke(Account::currency);
        if (!currencyCode.equals(counter.invoke(ExchangeCounter::currency))) {
            throw DomainException.refused("currency-mismatch", "membership.currency-mismatch",
                    "participant {0} is not in the counter's currency", command.participantId());
        }
        Currency currency = Currencies.require(currencies, currencyCode);
        long feeMinor = currency.membershipFeeMinor(account.invoke(Account::ownerKind).name());
        if (command.paidWith() == FeePaidWith.UNITS && account.invoke(Account::status) != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen", "membership.account-inactive", "account {0} cannot pay",
                    command.accountId());
        }
        if (command.paidWith() == FeePaidWith.UNITS && account.invoke(Account::availableMinor) < feeMinor) {
            throw DomainException.refused("insufficient-funds", "membership.insufficient-funds",
                    "account {0} holds {1} available, less than the fee of {2}", command.accountId(),
                    Money.of(account.invoke(Account::availableMinor), currencyCode.value()),
                    Money.of(feeMinor, currencyCode.value()));
        }
        Aggregate<Participant> participant = Aggregates.load(participants, command.participantId().value(), "participant");
        LocalDate today = LocalDate.ofInstant(command.at(), CivilDay.ZONE);
        MembershipRenewed renewed = participant.invoke(p -> p.renewMembership(command.membershipId(),
                command.counterId(), feeMinor, command.paidWith(), today, command.at()));
        if (onBehalf) {
            participant.execute(p -> p.recordPaidOnBehalf(command.membershipId(), command.accountId(), feeMinor,
                    command.onBehalfReason(), command.at()));
        }
        if (feeMinor > 0 && command.paidWith() == FeePaidWith.UNITS) {
            account.execute(a -> a.payMembershipFee(command.membershipId(), feeMinor, command.at()));
        } else if (feeMinor > 0) {
            counter.execute(c -> c.receiveMembershipFee(command.membershipId(), command.participantId(),
                    PaidBy.valueOf(command.paidWith().name()), feeMinor, command.at()));
        }
        return renewed;
    }

}
