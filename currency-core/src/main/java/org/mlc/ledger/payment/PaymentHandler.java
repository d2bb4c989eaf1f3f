package org.mlc.ledger.payment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Who may pay whom, decided before the payer is debited, so that a refused payment is answered at
 * once and nothing moves:
 * <ul>
 * <li>a frozen or closed account neither pays nor is paid ({@code account-frozen});</li>
 * <li>a merchant is paid only when approved and not suspended ({@code merchant-not-approved});
 *     collectivités and associations receive like merchants, without an agrément;</li>
 * <li>a member pays a member only if the currency allows it ({@code member-transfers-not-allowed});</li>
 * <li>a merchant pays a member only to refund a payment it received from that member, never more
 *     than is left of it ({@code refund-required}, {@code refund-exceeds-payment}).</li>
 * </ul>
 * Aggregates are loaded in one order (the two accounts by id, then the currency or the payee's
 * participant when a rule needs them; accounts before the currency as in the conversion handler),
 * so two payments in opposite directions never wait on each other in a cycle.
 */
public class PaymentHandler {

    private final Repository<Currency> currencies;
    private final Repository<Account> accounts;
    private final Repository<Participant> participants;

    public PaymentHandler(Repository<Currency> currencies, Repository<Account> accounts,
                          Repository<Participant> participants) {
        this.currencies = currencies;
        this.accounts = accounts;
        this.participants = participants;
    }

    @CommandHandler
    public TransferId handle(MakePayment command) {
        if (command.from().equals(command.to())) {
            throw DomainException.invalid("an account cannot pay itself");
        }
        boolean payerFirst = command.from().value().compareTo(command.to().value()) < 0;
        Aggregate<Account> payer;
        Aggregate<Account> payee;
        if (payerFirst) {
            payer = load(command.from(), "from");
            payee = load(command.to(), "to");
        } else {
            payee = load(command.to(), "to");
            payer = load(command.from(), "from");
        }
        Account payerAccount = payer.invoke(a -> a);
        Account payeeAccount = payee.invoke(a -> a);
        if (!payerAccount.currency().equals(command.currency()) || !payeeAccount.currency().equals(command.currency())) {
            throw DomainException.refused("currency-mismatch",
                    "accounts " + command.from() + " and " + command.to() + " are not both in " + command.currency());
        }
        if (payeeAccount.status() != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen", "account " + command.to() + " is "
                    + payeeAccount.status().name().toLowerCase() + " and cannot be paid");
        }
        ParticipantKind payerKind = payerAccount.ownerKind();
        ParticipantKind payeeKind = payeeAccount.ownerKind();
        DebitForTransfer debit = new DebitForTransfer(command.from(), command.transferId(), command.to(),
                command.amountMinor(), command.reference(), command.at());
        if (command.refundOf() != null) {
            return credited(payee, command, payer.invoke(a -> a.refundCreditFollows(debit, command.refundOf())));
        }
        if (payeeKind == ParticipantKind.MERCHANT) {
            Participant merchant = participants.load(payeeAccount.owner().value()).invoke(p -> p);
            if (!merchant.receivesLikeAMerchant()) {
                throw DomainException.refused("merchant-not-approved", "merchant " + merchant.id() + " is "
                        + merchant.merchantStatus().name().toLowerCase() + ", not approved: it cannot be paid");
            }
        }
        if (payeeKind == ParticipantKind.MEMBER && payerKind == ParticipantKind.MEMBER
                && !Currencies.require(currencies, command.currency()).memberTransfersAllowed()) {
            throw DomainException.refused("member-transfers-not-allowed",
                    "members do not pay members in " + command.currency());
        }
        if (payeeKind == ParticipantKind.MEMBER && payerKind == ParticipantKind.MERCHANT) {
            throw DomainException.refused("refund-required",
                    "a merchant pays a member only to refund a payment: name it in refundOf");
        }
        return credited(payee, command, payer.invoke(a -> a.debitCreditFollows(debit)));
    }

    /**
     * Both accounts are loaded, locked and checked here, so the payee is credited in the same unit of
     * work as the payer's debit: one transaction holds both steps (debit to in-transit, then credit
     * out of it), and the payment is complete when the command returns, with no saga hop on the
     * client's path. The debit says so in its metadata, and the transfer saga ends at once on it.
     */
    private static TransferId credited(Aggregate<Account> payee, MakePayment command, TransferId transferId) {
        payee.execute(a -> a.credit(new CreditTransfer(command.to(), transferId, command.from(), command.currency(),
                command.amountMinor(), command.at())));
        return transferId;
    }

    private Aggregate<Account> load(AccountId accountId, String field) {
        try {
            return accounts.load(accountId.value());
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("unknown account " + accountId + " (" + field + ")");
        }
    }
}
