package org.mlc.ledger.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.AuthorizePayment;
import org.mlc.ledger.payment.CapturePayment;
import org.mlc.ledger.payment.CreditTransfer;
import org.mlc.ledger.payment.PaymentAuthorized;
import org.mlc.ledger.payment.PaymentCaptured;
import org.mlc.ledger.payment.PaymentHold;
import org.mlc.ledger.payment.PaymentHoldReleased;
import org.mlc.ledger.payment.ReleaseExpiredHold;
import org.mlc.ledger.payment.VoidPayment;
import org.mlc.ledger.payment.RefundRecorded;
import org.mlc.ledger.payment.DebitForTransfer;
import org.mlc.ledger.payment.ReturnTransfer;
import org.mlc.ledger.payment.TransferCreditRefused;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferMetaData;
import org.mlc.ledger.payment.TransferReturned;

/**
 * One participant's account in one currency. Its balance never goes below its floor; a frozen
 * or closed account neither pays nor is paid.
 */
@AggregateRoot
public class Account {

    public static final int MAX_REASON_LENGTH = 500;
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
    /** Earmarked lots of aid with units left, in the order they were granted. */
    private final List<Lot> lots = new ArrayList<>();

    private record Refundable(AccountId payer, long leftMinor) {
    }

    /** Open holds of two-phase payments: the balance keeps them but cannot spend them elsewhere. */
    private final Map<HoldId, PaymentHold> holds = new HashMap<>();
    private long heldMinor;

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
        return debit(command, null, false);
    }

    /** The payer's step of a payment to a merchant of {@code payeeFiliere}, credited later by the saga. */
    public TransferId debit(DebitForTransfer command, String payeeFiliere) {
        return debit(command, payeeFiliere, false);
    }

    /**
     * The payer's step, when the caller credits the payee in the same unit of work: the debit's
     * metadata says so ({@link TransferMetaData#CREDIT_FOLLOWS}), and the transfer saga has nothing to do for it.
     */
    public TransferId debitCreditFollows(DebitForTransfer command, String payeeFiliere) {
        return debit(command, payeeFiliere, true);
    }

    /**
     * The payer's step of a payment to a merchant of {@code payeeFiliere} (null: the payee is not a
     * merchant). Earmarked lots that allow that filière and have not expired pay first, soonest
     * expiry first, then free units; elsewhere only free units pay ({@code earmark-not-allowed}
     * when the balance would do but its earmarks may not go there). Which lot paid what is
     * recorded next to the debit ({@link EarmarkedUnitsSpent}).
     */
    private TransferId debit(DebitForTransfer command, String payeeFiliere, boolean creditFollows) {
        requireActive("pay");
        if (command.amountMinor() <= 0) {
            throw DomainException.invalid("amount must be greater than zero");
        }
        if (command.to().equals(id)) {
            throw DomainException.invalid("an account cannot pay itself");
        }
        requireReference(command.reference());
        // the whole balance may pay (earmarked lots at their filières), less what holds reserve
        if (command.amountMinor() > balanceMinor - heldMinor - floorMinor) {
            throw DomainException.refused("insufficient-funds", "account " + id + " holds "
                    + Amounts.format(balanceMinor - heldMinor - floorMinor) + " available" + (heldMinor > 0 ? " ("
                    + Amounts.format(heldMinor) + " more held for authorized payments)" : "") + ", less than "
                    + Amounts.format(command.amountMinor()));
        }
        List<EarmarkedUnitsSpent.Draw> draws = earmarkDraws(command.amountMinor(), payeeFiliere,
                LocalDate.ofInstant(command.at(), CivilDay.ZONE));
        Postings postings = Postings.builder()
                .move(ledgerAccount(), inTransit(), command.amountMinor())
                .build();
        apply(new TransferDebited(command.transferId(), id, command.to(), currency, command.amountMinor(),
                command.reference(), postings, command.at()),
                creditFollows ? MetaData.with(TransferMetaData.CREDIT_FOLLOWS, Boolean.TRUE) : MetaData.emptyInstance());
        if (!draws.isEmpty()) {
            apply(new EarmarkedUnitsSpent(id, command.transferId(), command.to(), payeeFiliere, draws, command.at()));
        }
        return command.transferId();
    }

    private void requireAvailable(long amountMinor) {
        if (amountMinor > availableMinor()) {
            throw DomainException.refused("insufficient-funds", "account " + id + " holds "
                    + Amounts.format(availableMinor()) + " available" + (heldMinor > 0 ? " (" + Amounts.format(heldMinor)
                    + " more held for authorized payments)" : "") + ", less than " + Amounts.format(amountMinor));
        }
    }

    private void requireReference(String reference) {
        if (reference != null && reference.length() > DebitForTransfer.MAX_REFERENCE_LENGTH) {
            throw DomainException.invalid(
                    "reference is at most " + DebitForTransfer.MAX_REFERENCE_LENGTH + " characters");
        }
    }

    /**
     * Holds an amount for a payee (first phase of a two-phase payment); the rules of who may pay
     * whom were checked by the caller.
     */
    public HoldId authorize(AuthorizePayment command) {
        requireActive("pay");
        if (command.amountMinor() <= 0) {
            throw DomainException.invalid("amount must be greater than zero");
        }
        if (command.to().equals(id)) {
            throw DomainException.invalid("an account cannot pay itself");
        }
        requireReference(command.reference());
        if (command.expiresAt() == null || !command.expiresAt().isAfter(command.at())
                || command.expiresAt().isAfter(command.at().plus(PaymentHold.MAX_DURATION))) {
            throw DomainException.invalid("a hold expires after now and within " + PaymentHold.MAX_DURATION.toDays()
                    + " days");
        }
        if (holds.containsKey(command.holdId())) {
            throw DomainException.conflict("hold-exists", "hold " + command.holdId() + " already exists");
        }
        if (holds.size() >= PaymentHold.MAX_OPEN_PER_ACCOUNT) {
            throw DomainException.refused("too-many-holds", "account " + id + " already has "
                    + PaymentHold.MAX_OPEN_PER_ACCOUNT + " authorized payments open: capture or void some first");
        }
        requireAvailable(command.amountMinor());
        apply(new PaymentAuthorized(command.holdId(), id, command.to(), currency, command.amountMinor(),
                command.reference(), command.expiresAt(), command.at()));
        return command.holdId();
    }

    /** The open hold, or a refusal saying it is not (captured, voided, expired or unknown). */
    public PaymentHold openHold(HoldId holdId) {
        PaymentHold hold = holds.get(holdId);
        if (hold == null) {
            throw DomainException.refused("hold-not-open", "account " + id + " has no open hold " + holdId
                    + ": it was captured, voided or released, or never authorized");
        }
        return hold;
    }

    /**
     * Pays part or all of a hold to its payee (second phase) and releases the rest; the caller
     * checked that the payee may still be paid, and credits it in the same unit of work.
     */
    public TransferId capture(CapturePayment command, String payeeFiliere) {
        PaymentHold hold = openHold(command.holdId());
        if (command.amountMinor() <= 0) {
            throw DomainException.invalid("amount must be greater than zero");
        }
        if (hold.expiredAt(command.at())) {
            throw DomainException.refused("hold-expired", "hold " + command.holdId() + " expired at "
                    + hold.expiresAt() + ": authorize the payment again");
        }
        if (command.amountMinor() > hold.amountMinor()) {
            throw DomainException.refused("capture-exceeds-hold", "hold " + command.holdId() + " is "
                    + Amounts.format(hold.amountMinor()) + ", less than " + Amounts.format(command.amountMinor()));
        }
        requireActive("pay");
        apply(new PaymentCaptured(command.holdId(), id, hold.to(), command.transferId(), command.amountMinor(),
                hold.amountMinor() - command.amountMinor(), command.at()));
        return debit(new DebitForTransfer(id, command.transferId(), hold.to(), command.amountMinor(),
                hold.reference(), command.at()), payeeFiliere, true);
    }

    @CommandHandler
    public HoldId handle(VoidPayment command) {
        PaymentHold hold = openHold(command.holdId());
        apply(new PaymentHoldReleased(command.holdId(), id, hold.amountMinor(), PaymentHold.VOIDED, command.at()));
        return command.holdId();
    }

    /** True when the hold was released now; false when it is no longer open or not yet expired. */
    @CommandHandler
    public boolean handle(ReleaseExpiredHold command) {
        PaymentHold hold = holds.get(command.holdId());
        if (hold == null || !hold.expiredAt(command.at())) {
            return false;
        }
        apply(new PaymentHoldReleased(command.holdId(), id, hold.amountMinor(), PaymentHold.EXPIRED, command.at()));
        return true;
    }

    @EventSourcingHandler
    void on(PaymentAuthorized event) {
        holds.put(event.holdId(), new PaymentHold(event.to(), event.amountMinor(), event.reference(),
                event.expiresAt()));
        heldMinor += event.amountMinor();
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        PaymentHold hold = holds.remove(event.holdId());
        heldMinor -= hold.amountMinor();
    }

    @EventSourcingHandler
    void on(PaymentHoldReleased event) {
        PaymentHold hold = holds.remove(event.holdId());
        heldMinor -= hold.amountMinor();
    }

    /** The lots a payment of {@code amountMinor} to {@code filiere} takes, or the refusal. */
    private List<EarmarkedUnitsSpent.Draw> earmarkDraws(long amountMinor, String filiere, LocalDate today) {
        if (lots.isEmpty()) {
            return List.of();
        }
        // free units reserved by holds are not free for this payment
        long freeMinor = freeMinor() - heldMinor - floorMinor;
        if (amountMinor <= freeMinor && filiere == null) {
            return List.of();
        }
        List<Lot> usable = lots.stream()
                .filter(lot -> filiere != null && lot.filieres().contains(filiere) && !today.isAfter(lot.expiresOn()))
                .sorted(Comparator.comparing(Lot::expiresOn))
                .toList();
        long usableMinor = usable.stream().mapToLong(Lot::remainingMinor).sum();
        if (amountMinor > Math.addExact(usableMinor, Math.max(0, freeMinor))) {
            throw DomainException.refused("earmark-not-allowed", "account " + id + " may spend "
                    + Amounts.format(Math.max(0, usableMinor + Math.max(0, freeMinor)))
                    + (filiere == null ? " outside a merchant" : " at a merchant of " + filiere)
                    + ", less than " + Amounts.format(amountMinor)
                    + ": the rest of its balance is earmarked to other filières or expired");
        }
        List<EarmarkedUnitsSpent.Draw> draws = new ArrayList<>();
        long left = amountMinor;
        for (Lot lot : usable) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remainingMinor());
            draws.add(new EarmarkedUnitsSpent.Draw(lot.grantId(), lot.programId(), take));
            left -= take;
        }
        return draws;
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
        TransferId transferId = debit(command, null, creditFollows);
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
        credit(command, MetaData.emptyInstance());
    }

    /**
     * The payee's step recorded in the unit of work of the payer's debit (which carries
     * {@link TransferMetaData#CREDIT_FOLLOWS}): the credit's metadata says so ({@link TransferMetaData#CREDITED_WITH_DEBIT}).
     */
    public void creditWithDebit(CreditTransfer command) {
        credit(command, MetaData.with(TransferMetaData.CREDITED_WITH_DEBIT, Boolean.TRUE));
    }

    private void credit(CreditTransfer command, MetaData creditMetaData) {
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
                postings, command.at()), creditMetaData);
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
        if (amountMinor > availableMinor()) {
            throw new IllegalStateException("donation above the issuer's free balance");
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
        requireAvailable(unitsMinor);
        long eurosMinor = unitsMinor - feeMinor;
        Postings postings = Postings.builder()
                .move(ledgerAccount(), LedgerAccount.of(currency.value(), LedgerAccountKind.FEES), feeMinor)
                .move(ledgerAccount(), LedgerAccount.of(currency.value(), LedgerAccountKind.ISSUANCE), eurosMinor)
                .build();
        apply(new UnitsReconverted(id, currency, reconversionId, unitsMinor, feeMinor, eurosMinor, postings, at));
    }

    /** Pays a membership fee in units to the issuer's fee account. Called by the membership handler. */
    public void payMembershipFee(MembershipId membershipId, long unitsMinor, Instant at) {
        requireActive("pay");
        requireAvailable(unitsMinor);
        apply(new MembershipFeePaid(id, currency, membershipId, unitsMinor, Postings.builder()
                .move(ledgerAccount(), LedgerAccount.of(currency.value(), LedgerAccountKind.FEES), unitsMinor)
                .build(), at));
    }

    @EventSourcingHandler
    void on(MembershipFeePaid event) {
        balanceMinor -= event.unitsMinor();
    }

    @EventSourcingHandler
    void on(UnitsReconverted event) {
        balanceMinor -= event.unitsMinor();
    }

    /**
     * What the account may still pay out anywhere, above its floor: neither its earmarked units
     * nor what authorized payments hold (holds reserve free units only).
     */
    public long availableMinor() {
        return freeMinor() - heldMinor - floorMinor;
    }

    public long heldMinor() {
        return heldMinor;
    }

    // Earmarked lots of CCAS aid: received, spent (see debit), returned at expiry.

    /** An earmarked lot: what is left of one grant, where it may be spent, until when. */
    public record Lot(GrantId grantId, AidProgramId programId, long remainingMinor, List<String> filieres,
                      LocalDate expiresOn) {
    }

    /** Credits a grant as an earmarked lot; the aid programme booked the units' move. */
    public void receiveEarmarkedLot(GrantId grantId, AidProgramId programId, long unitsMinor, List<String> filieres,
                                    LocalDate expiresOn, Instant at) {
        requireActive("receive a grant");
        if (unitsMinor <= 0 || filieres == null || filieres.isEmpty() || expiresOn == null) {
            throw new IllegalArgumentException("a lot needs units, filières and an expiry date");
        }
        apply(new EarmarkedLotReceived(id, grantId, programId, unitsMinor, List.copyOf(filieres), expiresOn, at));
    }

    /** The lots with units left whose expiry date is before {@code today}, soonest first. */
    public List<Lot> expiredLots(LocalDate today) {
        return lots.stream().filter(lot -> lot.expiresOn().isBefore(today) && lot.remainingMinor() > 0)
                .sorted(Comparator.comparing(Lot::expiresOn)).toList();
    }

    /** Drops an expired lot; its programme takes the units back in the same unit of work. */
    public void expireLot(GrantId grantId, Instant at) {
        Lot lot = lots.stream().filter(l -> l.grantId().equals(grantId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("account " + id + " holds no lot " + grantId));
        // Whatever the status: a frozen account's expired aid still goes back to its programme.
        apply(new EarmarkExpired(id, grantId, lot.programId(), lot.remainingMinor(), at));
    }

    /** The lots with units left, in the order they were granted. */
    public List<Lot> lots() {
        return List.copyOf(lots);
    }

    /** Units held under an earmark (expired or not, until they are returned). */
    public long earmarkedMinor() {
        return lots.stream().mapToLong(Lot::remainingMinor).sum();
    }

    /** Units held free of any earmark (may be below zero only down to the floor). */
    public long freeMinor() {
        return balanceMinor - earmarkedMinor();
    }

    @EventSourcingHandler
    void on(EarmarkedLotReceived event) {
        balanceMinor += event.unitsMinor();
        lots.add(new Lot(event.grantId(), event.programId(), event.unitsMinor(), event.filieres(),
                event.expiresOn()));
    }

    @EventSourcingHandler
    void on(EarmarkedUnitsSpent event) {
        for (EarmarkedUnitsSpent.Draw draw : event.draws()) {
            for (int i = 0; i < lots.size(); i++) {
                Lot lot = lots.get(i);
                if (lot.grantId().equals(draw.grantId())) {
                    long left = lot.remainingMinor() - draw.unitsMinor();
                    if (left == 0) {
                        lots.remove(i);
                    } else {
                        lots.set(i, new Lot(lot.grantId(), lot.programId(), left, lot.filieres(), lot.expiresOn()));
                    }
                    break;
                }
            }
        }
    }

    @EventSourcingHandler
    void on(EarmarkExpired event) {
        balanceMinor -= event.unitsMinor();
        lots.removeIf(lot -> lot.grantId().equals(event.grantId()));
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
