package org.mlc.ledger.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.CreditTransfer;
import org.mlc.ledger.payment.RefundRecorded;
import org.mlc.ledger.payment.DebitForTransfer;
import org.mlc.ledger.payment.ReturnTransfer;
import org.mlc.ledger.payment.TransferCreditRefused;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferReturned;

/**
 * One participant's account in one currency. Its balance never goes below its floor; a frozen
 * or closed account neither pays nor is paid.
 */
@AggregateRoot
public class Account {

    public static final int MAX_REASON_LENGTH = 500;
    /**
     * Metadata of a {@link TransferDebited} whose credit is recorded in the same unit of work, right
     * after it: the transfer saga ends at once instead of crediting.
     */
    public static final String CREDIT_FOLLOWS = "creditFollows";

    @AggregateIdentifier
    private AccountId id;
    private ParticipantId owner;
    private CurrencyCode currency;
    private AccountStatus status;
    private long balanceMinor;
    private long floorMinor;
    private ParticipantKind ownerKind;
    /**
     * Payments this account received that may still be refunded: what came from whom and how
     * much is left. Kept on the payee's account so that two refunds of one payment are decided
     * one after the other and never exceed it.
     */
    private final Map<TransferId, Refundable> refundable = new HashMap<>();

    private record Refundable(AccountId payer, long leftMinor) {
    }

    protected Account() {
        // for Axon
    }

    @CommandHandler
    public Account(OpenAccount command) {
        if (command.floorMinor() > 0) {
            throw DomainException.invalid("the floor of an account cannot be above zero");
        }
        apply(new AccountOpened(command.accountId(), command.owner(), command.ownerKind(), command.currency(),
                command.floorMinor(), command.openedAt()));
    }

    @CommandHandler
    public TransferId handle(DebitForTransfer command) {
        return debit(command);
    }

    /** The payer's step of a payment; the rules of who may pay whom were checked by the caller. */
    public TransferId debit(DebitForTransfer command) {
        return debit(command, false);
    }

    /**
     * The payer's step, when the caller credits the payee in the same unit of work: the debit's
     * metadata says so ({@link #CREDIT_FOLLOWS}), and the transfer saga has nothing to do for it.
     */
    public TransferId debitCreditFollows(DebitForTransfer command) {
        return debit(command, true);
    }

    private TransferId debit(DebitForTransfer command, boolean creditFollows) {
        requireActive("pay");
        if (command.amountMinor() <= 0) {
            throw DomainException.invalid("amount must be greater than zero");
        }
        if (command.to().equals(id)) {
            throw DomainException.invalid("an account cannot pay itself");
        }
        if (command.reference() != null && command.reference().length() > DebitForTransfer.MAX_REFERENCE_LENGTH) {
            throw DomainException.invalid(
                    "reference is at most " + DebitForTransfer.MAX_REFERENCE_LENGTH + " characters");
        }
        if (Math.subtractExact(balanceMinor, command.amountMinor()) < floorMinor) {
            throw DomainException.refused("insufficient-funds",
                    "account " + id + " holds " + Amounts.format(balanceMinor - floorMinor)
                            + " available, less than " + Amounts.format(command.amountMinor()));
        }
        Postings postings = Postings.builder()
                .move(ledgerAccount(), inTransit(), command.amountMinor())
                .build();
        apply(new TransferDebited(command.transferId(), id, command.to(), currency, command.amountMinor(),
                command.reference(), postings, command.at()),
                creditFollows ? MetaData.with(CREDIT_FOLLOWS, Boolean.TRUE) : MetaData.emptyInstance());
        return command.transferId();
    }

    /**
     * A refund of part of a payment this account received: it goes back to that payment's payer
     * and, with the earlier refunds of it, never exceeds it.
     */
    public TransferId refund(DebitForTransfer command, TransferId refundOf) {
        return refund(command, refundOf, false);
    }

    /** A refund whose credit the caller makes in the same unit of work (see {@link #debitCreditFollows}). */
    public TransferId refundCreditFollows(DebitForTransfer command, TransferId refundOf) {
        return refund(command, refundOf, true);
    }

    private TransferId refund(DebitForTransfer command, TransferId refundOf, boolean creditFollows) {
        Refundable original = refundable.get(refundOf);
        if (original == null) {
            throw DomainException.notFound("account " + id + " received no payment " + refundOf + " to refund");
        }
        if (!original.payer().equals(command.to())) {
            throw DomainException.refused("refund-not-to-payer",
                    "payment " + refundOf + " came from " + original.payer() + ": a refund goes back to it");
        }
        if (command.amountMinor() > original.leftMinor()) {
            throw DomainException.refused("refund-exceeds-payment", "only " + Amounts.format(original.leftMinor())
                    + " of payment " + refundOf + " is left to refund, less than " + Amounts.format(command.amountMinor()));
        }
        TransferId transferId = debit(command, creditFollows);
        apply(new RefundRecorded(id, transferId, refundOf, command.amountMinor(), command.at()));
        return transferId;
    }

    @CommandHandler
    public void handle(CreditTransfer command) {
        credit(command);
    }

    /**
     * The payee's step of a payment: by the saga, or by the payment handler in the payer's unit of
     * work. A transfer already credited here is not credited twice (the saga that follows a payment
     * credited at once finds nothing left to do); every credited transfer is in {@code refundable}.
     */
    public void credit(CreditTransfer command) {
        if (refundable.containsKey(command.transferId())) {
            return;
        }
        // A refusal is an outcome, not an error: the saga reads it and sends the money back.
        if (status != AccountStatus.ACTIVE) {
            apply(new TransferCreditRefused(command.transferId(), command.from(), id, command.amountMinor(),
                    "account-frozen", command.at()));
            return;
        }
        if (!currency.equals(command.currency())) {
            apply(new TransferCreditRefused(command.transferId(), command.from(), id, command.amountMinor(),
                    "currency-mismatch", command.at()));
            return;
        }
        Postings postings = Postings.builder()
                .move(inTransit(), ledgerAccount(), command.amountMinor())
                .build();
        apply(new TransferCredited(command.transferId(), command.from(), id, currency, command.amountMinor(),
                postings, command.at()));
    }

    @CommandHandler
    public void handle(ReturnTransfer command) {
        // Money coming back from in-transit is accepted whatever the status: it must land somewhere.
        Postings postings = Postings.builder()
                .move(inTransit(), ledgerAccount(), command.amountMinor())
                .build();
        apply(new TransferReturned(command.transferId(), id, command.amountMinor(), command.reason(), postings,
                command.at()));
    }

    /** Credits the units a member bought at a counter. Called by the conversion handler. */
    public void receiveIssuedUnits(ConversionId conversionId, CounterId counterId, long unitsMinor, Instant at) {
        requireActive("receive units");
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.ISSUANCE), ledgerAccount(), unitsMinor)
                .build();
        apply(new UnitsIssued(id, currency, conversionId, counterId, unitsMinor, postings, at));
    }

    /** Gives a conversion's donation share; the caller checked the balance and credits the association. */
    public void giveDonation(ConversionId conversionId, AccountId to, long amountMinor, Instant at) {
        requireActive("give");
        if (Math.subtractExact(balanceMinor, amountMinor) < floorMinor) {
            throw new IllegalStateException("donation above the issuer's balance");
        }
        apply(new DonationGiven(id, currency, conversionId, to, amountMinor, Postings.builder()
                .move(ledgerAccount(), inTransit(), amountMinor).build(), at));
    }

    public void receiveDonation(ConversionId conversionId, AccountId from, long amountMinor, Instant at) {
        requireActive("receive a donation");
        apply(new DonationReceived(id, currency, conversionId, from, amountMinor, Postings.builder()
                .move(inTransit(), ledgerAccount(), amountMinor).build(), at));
    }

    /**
     * Takes units back to euros: the units leave the account, the fee goes to the fee account and
     * the rest is burnt (back to issuance). The caller checked who may reconvert and the fund.
     */
    public void reconvert(ReconversionId reconversionId, long unitsMinor, long feeMinor, Instant at) {
        requireActive("reconvert");
        if (unitsMinor <= 0 || feeMinor < 0 || feeMinor > unitsMinor) {
            throw new IllegalArgumentException("a reconversion needs positive units and a fee within them");
        }
        if (Math.subtractExact(balanceMinor, unitsMinor) < floorMinor) {
            throw DomainException.refused("insufficient-funds", "account " + id + " holds "
                    + Amounts.format(balanceMinor - floorMinor) + " available, less than " + Amounts.format(unitsMinor));
        }
        long eurosMinor = unitsMinor - feeMinor;
        Postings postings = Postings.builder()
                .move(ledgerAccount(), LedgerAccount.of(currency.value(), LedgerAccountKind.FEES), feeMinor)
                .move(ledgerAccount(), LedgerAccount.of(currency.value(), LedgerAccountKind.ISSUANCE), eurosMinor)
                .build();
        apply(new UnitsReconverted(id, currency, reconversionId, unitsMinor, feeMinor, eurosMinor, postings, at));
    }

    @EventSourcingHandler
    void on(UnitsReconverted event) {
        balanceMinor -= event.unitsMinor();
    }

    /** What the account may still pay out, above its floor. */
    public long availableMinor() {
        return balanceMinor - floorMinor;
    }

    /** Credits paper notes a member brought back to a counter. Called by the note deposit handler. */
    public void receivePaperNotes(DepositId depositId, CounterId counterId, long unitsMinor, Instant at) {
        requireActive("receive units");
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.PAPER_IN_CIRCULATION), ledgerAccount(),
                        unitsMinor)
                .build();
        apply(new PaperNotesDeposited(id, currency, depositId, counterId, unitsMinor, postings, at));
    }

    @CommandHandler
    public AccountId handle(FreezeAccount command) {
        requireReason(command.reason());
        if (status == AccountStatus.CLOSED) {
            throw DomainException.conflict("account-closed", "account " + id + " is closed");
        }
        if (status == AccountStatus.ACTIVE) {
            apply(new AccountFrozen(id, command.reason(), command.at()));
        }
        return id;
    }

    @CommandHandler
    public AccountId handle(UnfreezeAccount command) {
        requireReason(command.reason());
        if (status == AccountStatus.CLOSED) {
            throw DomainException.conflict("account-closed", "account " + id + " is closed");
        }
        if (status == AccountStatus.FROZEN) {
            apply(new AccountUnfrozen(id, command.reason(), command.at()));
        }
        return id;
    }

    @CommandHandler
    public AccountId handle(CloseAccount command) {
        requireReason(command.reason());
        if (status == AccountStatus.CLOSED) {
            return id;
        }
        if (balanceMinor != 0) {
            throw DomainException.refused("balance-not-zero",
                    "account " + id + " still holds " + Amounts.format(balanceMinor));
        }
        apply(new AccountClosed(id, command.reason(), command.at()));
        return id;
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        id = event.accountId();
        owner = event.owner();
        currency = event.currency();
        floorMinor = event.floorMinor();
        ownerKind = event.ownerKind();
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TransferDebited event) {
        balanceMinor -= event.amountMinor();
    }

    @EventSourcingHandler
    void on(TransferCredited event) {
        balanceMinor += event.amountMinor();
        refundable.put(event.transferId(), new Refundable(event.from(), event.amountMinor()));
    }

    @EventSourcingHandler
    void on(RefundRecorded event) {
        refundable.computeIfPresent(event.refundOf(),
                (k, r) -> new Refundable(r.payer(), r.leftMinor() - event.amountMinor()));
    }

    @EventSourcingHandler
    void on(TransferReturned event) {
        balanceMinor += event.amountMinor();
    }

    @EventSourcingHandler
    void on(UnitsIssued event) {
        balanceMinor += event.unitsMinor();
    }

    @EventSourcingHandler
    void on(DonationGiven event) {
        balanceMinor -= event.amountMinor();
    }

    @EventSourcingHandler
    void on(DonationReceived event) {
        balanceMinor += event.amountMinor();
    }

    @EventSourcingHandler
    void on(PaperNotesDeposited event) {
        balanceMinor += event.unitsMinor();
    }

    @EventSourcingHandler
    void on(AccountFrozen event) {
        status = AccountStatus.FROZEN;
    }

    @EventSourcingHandler
    void on(AccountUnfrozen event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccountClosed event) {
        status = AccountStatus.CLOSED;
    }

    private void requireActive(String action) {
        if (status != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen",
                    "account " + id + " is " + status.name().toLowerCase() + " and cannot " + action);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw DomainException.invalid("reason is required, at most " + MAX_REASON_LENGTH + " characters");
        }
    }

    private LedgerAccount ledgerAccount() {
        return LedgerAccount.of(currency.value(), LedgerAccountKind.PARTICIPANT, id.value());
    }

    private LedgerAccount inTransit() {
        return LedgerAccount.of(currency.value(), LedgerAccountKind.IN_TRANSIT);
    }

    public AccountId id() {
        return id;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public AccountStatus status() {
        return status;
    }

    public long balanceMinor() {
        return balanceMinor;
    }

    public ParticipantKind ownerKind() {
        return ownerKind;
    }

    public ParticipantId owner() {
        return owner;
    }
}
