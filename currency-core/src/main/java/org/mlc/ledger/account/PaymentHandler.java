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
import org.mlc.ledger.payment.MakePayment;

/**
 * Runs payments: every movement between two accounts (a payment, a refund, a line of a bulk
 * upload, the capture of a hold) loads both accounts, checks the rules of who may pay whom
 * ({@link PaymentPolicy}), debits the payer and credits the payee in one unit of work, so one
 * transaction holds both steps (debit to in-transit, then credit out of it) and the payment is
 * complete when the command returns. The debit and the credit say so in their metadata, and the
 * transfer saga passes them by. Aggregates are loaded in one order (the two accounts by id, then
 * the payee's participant or the currency when a rule needs them), so two payments in opposite
 * directions never wait on each other in a cycle.
 * <p>
 * The payer's own case is decided before anything about the payee is answered: its currency, its
 * right to pay (in bulk, active) and its funds. Both accounts are still loaded in id order (the
 * payee's lock, when it exists, is taken where the order puts it), but a payee that does not exist
 * or is in another currency is refused only after the payer's checks passed: a payer without the
 * funds gets {@code insufficient-funds} whatever id it names, so account ids cannot be probed by
 * paying more than one holds.
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
        requireTwoAccounts(command.from(), command.to());
        Pair pair = loadInOrder(command.from(), command.to());
        requirePayer(pair, command.from(), command.currency(), command.inBatch());
        pair.payer().execute(a -> a.requireMayPay(command));
        requirePayee(pair, command.to(), command.currency());
        PaymentCase payment = paymentCase(pair, command.currency(), command.refundOf() != null, command.inBatch());
        PaymentPolicy.require(payment);
        TransferId transferId = pair.payer().invoke(a -> a.pay(command, payment.payeeFiliere()));
        pair.payee().execute(a -> a.credit(command));
        return transferId;
    }

    /** The first phase of a two-phase payment: the same rules as a payment, then the amount is held. */
    @CommandHandler
    public HoldId handle(AuthorizePayment command) {
        requireTwoAccounts(command.from(), command.to());
        Pair pair = loadInOrder(command.from(), command.to());
        requirePayer(pair, command.from(), command.currency(), false);
        pair.payer().execute(a -> a.requireMayAuthorize(command));
        requirePayee(pair, command.to(), command.currency());
        PaymentPolicy.require(paymentCase(pair, command.currency(), false, false));
        return pair.payer().invoke(a -> a.authorize(command));
    }

    /**
     * The second phase: the payee must still be payable (a merchant suspended since the
     * authorization is not paid; the hold stays until voided or expired).
     */
    @CommandHandler
    public TransferId handle(CapturePayment command) {
        Pair pair = loadInOrder(command.from(), command.to());
        pair.payer().invoke(a -> a.openHold(command.holdId(), command.to()));
        // the payer already learnt of this payee when its hold was authorized: nothing is probed here
        requirePayee(pair, command.to(), pair.payer().invoke(Account::currency));
        CurrencyCode currency = pair.payer().invoke(Account::currency);
        PaymentCase payment = paymentCase(pair, currency, false, false);
        PaymentPolicy.require(payment);
        TransferId transferId = pair.payer().invoke(a -> a.capture(command, payment.payeeFiliere()));
        pair.payee().execute(a -> a.credit(new MakePayment(currency, transferId, command.from(), command.to(),
                command.amountMinor(), null, null, command.at())));
        return transferId;
    }

    /** The two accounts of a payment; {@code payee} is null when no account has its id (refused later). */
    private record Pair(Aggregate<Account> payer, Aggregate<Account> payee) {
    }

    private static void requireTwoAccounts(AccountId from, AccountId to) {
        if (from.equals(to)) {
            throw DomainException.invalid("payment.to-self", "an account cannot pay itself");
        }
    }

    /**
     * Both accounts, locked in the order of their ids (a capture names the hold's, whatever they
     * are). An unknown payer is answered at once (its own account); an unknown payee is not, yet.
     */
    private Pair loadInOrder(AccountId from, AccountId to) {
        boolean payerFirst = from.value().compareTo(to.value()) < 0;
        Aggregate<Account> first = loadIfExists(payerFirst ? from : to);
        Aggregate<Account> second = loadIfExists(payerFirst ? to : from);
        Aggregate<Account> payer = payerFirst ? first : second;
        if (payer == null) {
            throw DomainException.notFound("payment.unknown-payer", "unknown account {0} (from)", from).naming("from");
        }
        return new Pair(payer, payerFirst ? second : first);
    }

    /** The payer's own case: its currency, and whether it may pay in bulk. */
    private static void requirePayer(Pair pair, AccountId from, CurrencyCode currency, boolean inBatch) {
        if (!pair.payer().invoke(Account::currency).equals(currency)) {
            throw DomainException.refused("currency-mismatch", "account.currency-mismatch", "account {0} is not in {1}",
                    from, currency).naming("from");
        }
        DomainException.throwIfAny(PaymentPolicy.onlyACollectivitePaysInBulk.refusal(new PaymentCase(
                pair.payer().invoke(Account::id), pair.payer().invoke(Account::ownerKind), null, null, currency,
                () -> true, false, inBatch)));
    }

    /**
     * The payee exists and is in the payment's currency: asked only once the payer may pay. An
     * account of another currency is answered as an unknown one: the associations hosted on one
     * deployment learn nothing of each other's accounts (not even a name).
     */
    private static void requirePayee(Pair pair, AccountId to, CurrencyCode currency) {
        if (pair.payee() == null || !pair.payee().invoke(Account::currency).equals(currency)) {
            throw DomainException.notFound("payment.unknown-payee", "unknown account {0} (to)", to).naming("to");
        }
    }

    /** The payment as its rules see it: the payee's standing as a merchant, the currency only if asked. */
    private PaymentCase paymentCase(Pair pair, CurrencyCode currency, boolean refund, boolean inBatch) {
        PaymentCase.Payee payee = pair.payee().invoke(Account::asPayee);
        PaymentCase.Merchant merchant = payee.kind() != ParticipantKind.MERCHANT ? null
                : participants.load(pair.payee().invoke(Account::owner).value()).invoke(p -> new PaymentCase.Merchant(
                        p.id(), p.merchantStatus(), p.receivesLikeAMerchant(), p.filiere()));
        return new PaymentCase(pair.payer().invoke(Account::id), pair.payer().invoke(Account::ownerKind), payee,
                merchant, currency, () -> Currencies.require(currencies, currency).memberTransfersAllowed(), refund,
                inBatch);
    }

    private Aggregate<Account> loadIfExists(AccountId accountId) {
        try {
            return accounts.load(accountId.value());
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }
}
