package org.mlc.ledger.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.AuthorizePayment;
import org.mlc.ledger.payment.CapturePayment;
import org.mlc.ledger.payment.CreditTransfer;
import org.mlc.ledger.payment.DebitForTransfer;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.payment.PaymentHold;

/**
 * Who may pay whom, decided before the payer is debited, so that a refused payment is answered at
 * once and nothing moves:
 * <ul>
 * <li>a frozen or closed account neither pays nor is paid ({@code account-frozen});</li>
 * <li>a merchant is paid only when approved and not suspended ({@code merchant-not-approved});
 *     collectivités and associations receive like merchants, without an agrément;</li>
 * <li>a member pays a member only if the currency allows it ({@code member-transfers-not-allowed});</li>
 * <li>earmarked aid pays only merchants of the filières its lots allow ({@code earmark-not-allowed});</li>
 * <li>a merchant pays a member only to refund a payment it received from that member, never more
 *     than is left of it ({@code refund-required}, {@code refund-exceeds-payment}).</li>
 * </ul>
 * A two-phase payment (authorize, then capture) follows the same rules at both phases.
 * Aggregates are loaded in one order (the two accounts by id, then the currency or the payee's
 * participant when a rule needs them; accounts before the currency as in the conversion handler),
 * so two payments in opposite directions never wait on each other in a cycle.
 */
class PaymentHandler {

    private final Repository<Currency> currencies;
    private final Repository<Account> accounts;
    private final Repository<Participant> participants;

    PaymentHandler(Repository<Currency> currencies, Repository<Account> accounts,
                          Repository<Participant> participants) {
        this.currencies = currencies;
        this.accounts = accounts;
        this.participants = participants;
    }

    @CommandHandler
    public TransferId handle(MakePayment command) {
        Pair pair = loadInOrder(command.from(), command.to(), command.currency());
        DebitForTransfer debit = new DebitForTransfer(command.from(), command.transferId(), command.to(),
                command.amountMinor(), command.reference(), command.at());
        if (command.refundOf() != null) {
            requirePayeeActive(pair.payee().invoke(a -> a));
            return credited(pair.payee(), command, pair.payer().invoke(a -> a.refundCreditFollows(debit,
                    command.refundOf())));
        }
        String filiere = requireMayPay(pair, command.currency());
        return credited(pair.payee(), command, pair.payer().invoke(a -> a.debitCreditFollows(debit, filiere)));
    }

    /** The first phase of a two-phase payment: the same rules as a payment, then the amount is held. */
    @CommandHandler
    public HoldId handle(AuthorizePayment command) {
        Pair pair = loadInOrder(command.from(), command.to(), command.currency());
        requireMayPay(pair, command.currency());
        return pair.payer().invoke(a -> a.authorize(command));
    }

    /**
     * The second phase: the payee must still be payable (a merchant suspended since the
     * authorization is not paid; the hold stays until voided or expired).
     */
    @CommandHandler
    public TransferId handle(CapturePayment command) {
        Aggregate<Account> payerFirst = command.from().value().compareTo(command.to().value()) < 0
                ? load(command.from(), "from") : null;
        Aggregate<Account> payee = load(command.to(), "to");
        Aggregate<Account> payer = payerFirst != null ? payerFirst : load(command.from(), "from");
        PaymentHold hold = payer.invoke(a -> a.openHold(command.holdId()));
        if (!hold.to().equals(command.to())) {
            throw DomainException.refused("hold-not-open", "hold " + command.holdId() + " is for " + hold.to()
                    + ", not " + command.to());
        }
        var currency = payer.invoke(Account::currency);
        String filiere = requireMayPay(new Pair(payer, payee), currency);
        TransferId transferId = payer.invoke(a -> a.capture(command, filiere));
        payee.execute(a -> a.creditWithDebit(new CreditTransfer(command.to(), transferId, command.from(), currency,
                command.amountMinor(), command.at())));
        return transferId;
    }

    private record Pair(Aggregate<Account> payer, Aggregate<Account> payee) {
    }

    /** Both accounts, locked in the order of their ids, in the payment's currency. */
    private Pair loadInOrder(AccountId from, AccountId to, CurrencyCode currency) {
        if (from.equals(to)) {
            throw DomainException.invalid("an account cannot pay itself");
        }
        Aggregate<Account> payer;
        Aggregate<Account> payee;
        if (from.value().compareTo(to.value()) < 0) {
            payer = load(from, "from");
            payee = load(to, "to");
        } else {
            payee = load(to, "to");
            payer = load(from, "from");
        }
        if (!payer.invoke(Account::currency).equals(currency) || !payee.invoke(Account::currency).equals(currency)) {
            throw DomainException.refused("currency-mismatch",
                    "accounts " + from + " and " + to + " are not both in " + currency);
        }
        return new Pair(payer, payee);
    }

    private static void requirePayeeActive(Account payee) {
        if (payee.status() != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen", "account " + payee.id() + " is "
                    + payee.status().name().toLowerCase() + " and cannot be paid");
        }
    }

    /**
     * The rules of who may pay whom, for a payment that is not a refund; returns the payee's
     * filière when it is a merchant (earmarked aid is spent only at merchants of its lots' filières).
     */
    private String requireMayPay(Pair pair, CurrencyCode currency) {
        Account payerAccount = pair.payer().invoke(a -> a);
        Account payeeAccount = pair.payee().invoke(a -> a);
        requirePayeeActive(payeeAccount);
        ParticipantKind payerKind = payerAccount.ownerKind();
        ParticipantKind payeeKind = payeeAccount.ownerKind();
        String payeeFiliere = null;
        if (payeeKind == ParticipantKind.MERCHANT) {
            Participant merchant = participants.load(payeeAccount.owner().value()).invoke(p -> p);
            if (!merchant.receivesLikeAMerchant()) {
                throw DomainException.refused("merchant-not-approved", "merchant " + merchant.id() + " is "
                        + merchant.merchantStatus().name().toLowerCase() + ", not approved: it cannot be paid");
            }
            payeeFiliere = merchant.filiere();
        }
        if (payeeKind == ParticipantKind.MEMBER && payerKind == ParticipantKind.MEMBER
                && !Currencies.require(currencies, currency).memberTransfersAllowed()) {
            throw DomainException.refused("member-transfers-not-allowed",
                    "members do not pay members in " + currency);
        }
        if (payeeKind == ParticipantKind.MEMBER && payerKind == ParticipantKind.MERCHANT) {
            throw DomainException.refused("refund-required",
                    "a merchant pays a member only to refund a payment: name it in refundOf");
        }
        return payeeFiliere;
    }

    /**
     * Both accounts are loaded, locked and checked here, so the payee is credited in the same unit of
     * work as the payer's debit: one transaction holds both steps (debit to in-transit, then credit
     * out of it), and the payment is complete when the command returns, with no saga hop on the
     * client's path. The debit says so in its metadata, and the transfer saga ends at once on it.
     */
    private static TransferId credited(Aggregate<Account> payee, MakePayment command, TransferId transferId) {
        payee.execute(a -> a.creditWithDebit(new CreditTransfer(command.to(), transferId, command.from(), command.currency(),
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
