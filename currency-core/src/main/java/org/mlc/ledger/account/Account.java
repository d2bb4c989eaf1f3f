package org.mlc.ledger.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DemurrageRunId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.currency.Demurrage;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.payment.AuthorizePayment;
import org.mlc.ledger.payment.CapturePayment;
import org.mlc.ledger.payment.CheckBatchPayer;
import org.mlc.ledger.payment.CreditTransfer;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.payment.PaymentAuthorized;
import org.mlc.ledger.payment.PaymentCaptured;
import org.mlc.ledger.payment.PaymentHold;
import org.mlc.ledger.payment.PaymentHoldReleased;
import org.mlc.ledger.payment.RefundRecorded;
import org.mlc.ledger.payment.ReleaseExpiredHold;
import org.mlc.ledger.payment.ReturnTransfer;
import org.mlc.ledger.payment.TransferCreditRefused;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferMetaData;
import org.mlc.ledger.payment.TransferReturned;
import org.mlc.ledger.payment.VoidPayment;

/**
 * One participant's account in one currency. Its balance never goes below its floor; a frozen
 * or closed account neither pays nor is paid. This class decides; what its events made of it is
 * {@link AccountState}, with the parts it owns, each with its state and decisions: the holds of
 * two-phase payments ({@link Holds}), the earmarked lots of aid ({@link EarmarkedLots}), the
 * payments it may still refund ({@link ReceivedPayments}).
 */
@AggregateRoot
public class Account extends AccountState {

    public static final int MAX_REASON_LENGTH = 500;

    protected Account() {
        // for Axon
    }

    @CommandHandler
    public Account(OpenAccount command) {
        if (command.floorMinor() > 0) {
            throw DomainException.invalid("account.floor-above-zero", "the floor of an account cannot be above zero");
        }
        apply(new AccountOpened(command.accountId(), command.owner(), command.ownerKind(), command.currency(),
                command.floorMinor(), command.openedAt()));
    }

    /**
     * The payer's step of a payment whose rules were checked ({@link PaymentPolicy}), the payee
     * credited in the same unit of work ({@link #credit}). Earmarked lots that allow the payee's
     * filière and have not expired pay first, soonest expiry first, then free units; a refund must
     * fit what is left of the payment it gives back.
     */
    TransferId pay(MakePayment payment, String payeeFiliere) {
        requireMayPay(payment);
        List<EarmarkedUnitsSpent.Draw> draws = lots.draws(id, currency, payment.amountMinor(), payeeFiliere,
                LocalDate.ofInstant(payment.at(), CivilDay.ZONE), availableMinor());
        apply(new TransferDebited(payment.transferId(), id, payment.to(), currency, payment.amountMinor(),
                payment.reference(), Postings.builder().move(ledgerAccount(), inTransit(), payment.amountMinor())
                .build(), payment.at()), MetaData.with(TransferMetaData.CREDIT_FOLLOWS, Boolean.TRUE));
        if (!draws.isEmpty()) {
            apply(new EarmarkedUnitsSpent(id, payment.transferId(), payment.to(), payeeFiliere, draws, payment.at()));
        }
        if (payment.refundOf() != null) {
            apply(new RefundRecorded(id, payment.transferId(), payment.refundOf(), payment.amountMinor(),
                    payment.at()));
        }
        return payment.transferId();
    }

    /**
     * The payer's own checks of a payment (refundable, active, funds), which look at nothing of the
     * payee: {@link PaymentHandler} asks them before it says anything about the payee.
     */
    void requireMayPay(MakePayment payment) {
        if (payment.refundOf() != null) {
            received.requireRefundable(id, payment);
        }
        requirePayable(payment.to(), payment.amountMinor(), payment.reference());
        // the whole balance may pay (earmarked lots at their filières), less what holds reserve
        requireFunds(balanceMinor - holds.heldMinor() - floorMinor, payment.amountMinor());
    }

    /** The payee's step of a payment, in the unit of work of its debit (which says so, as does the credit). */
    void credit(MakePayment payment) {
        credit(payment.transferId(), payment.from(), payment.currency(), payment.amountMinor(), payment.at(),
                MetaData.with(TransferMetaData.CREDITED_WITH_DEBIT, Boolean.TRUE));
    }

    /**
     * The saga's credit of a transfer an older version debited without crediting in the same
     * commit. A transfer already credited here is not credited twice.
     */
    @CommandHandler
    public void handle(CreditTransfer command) {
        credit(command.transferId(), command.from(), command.currency(), command.amountMinor(), command.at(),
                MetaData.emptyInstance());
    }

    private void credit(TransferId transferId, AccountId from, CurrencyCode in, long amountMinor, Instant at,
                        MetaData metaData) {
        if (received.contains(transferId)) {
            return;
        }
        // A refusal is an outcome, not an error: the saga reads it and sends the money back.
        String refusal = status != AccountStatus.ACTIVE ? "account-frozen"
                : !currency.equals(in) ? "currency-mismatch" : null;
        if (refusal != null) {
            apply(new TransferCreditRefused(transferId, from, id, amountMinor, refusal, at));
            return;
        }
        apply(new TransferCredited(transferId, from, id, currency, amountMinor,
                Postings.builder().move(inTransit(), ledgerAccount(), amountMinor).build(), at), metaData);
    }

    @CommandHandler
    public void handle(ReturnTransfer command) {
        // Money coming back from in-transit is accepted whatever the status: it must land somewhere.
        apply(new TransferReturned(command.transferId(), id, command.amountMinor(), command.reason(),
                Postings.builder().move(inTransit(), ledgerAccount(), command.amountMinor()).build(), command.at()));
    }

    /** Whether this account may pay in bulk: its id, or the refusal each line of its upload would get. */
    @CommandHandler
    public AccountId handle(CheckBatchPayer command) {
        DomainException.throwIfAny(PaymentPolicy.onlyACollectivitePaysInBulk.refusal(new PaymentCase(id, ownerKind,
                null, null, currency, () -> true, false, true)).map(refusal -> refusal.naming("id")));
        return id;
    }

    /** Holds an amount for a payee (first phase of a two-phase payment) whose rules were checked. */
    HoldId authorize(AuthorizePayment command) {
        requireMayAuthorize(command);
        apply(new PaymentAuthorized(command.holdId(), id, command.to(), currency, command.amountMinor(),
                command.reference(), command.expiresAt(), command.at()));
        return command.holdId();
    }

    /** The payer's own checks of a hold, asked before anything about the payee (as {@link #requireMayPay}). */
    void requireMayAuthorize(AuthorizePayment command) {
        requirePayable(command.to(), command.amountMinor(), command.reference());
        holds.requireRoomFor(id, command);
        requireFunds(availableMinor(), command.amountMinor());
    }

    /** The open hold for {@code to}, or a refusal saying it is not open (or not for that payee). */
    PaymentHold openHold(HoldId holdId, AccountId to) {
        PaymentHold hold = holds.open(id, holdId);
        if (!hold.to().equals(to)) {
            throw DomainException.refused("hold-not-open", "hold.other-payee", "hold {0} is for {1}, not {2}", holdId,
                    hold.to(), to);
        }
        return hold;
    }

    /** Pays part or all of a hold to its payee (second phase) and releases the rest; the payee is credited next. */
    TransferId capture(CapturePayment command, String payeeFiliere) {
        PaymentHold hold = holds.open(id, command.holdId());
        Holds.requireCapturable(hold, command, currency);
        requireActive("pay");
        apply(new PaymentCaptured(command.holdId(), id, hold.to(), command.transferId(), command.amountMinor(),
                hold.amountMinor() - command.amountMinor(), command.at()));
        return pay(new MakePayment(currency, command.transferId(), id, hold.to(), command.amountMinor(),
                hold.reference(), null, command.at()), payeeFiliere);
    }

    @CommandHandler
    public HoldId handle(VoidPayment command) {
        PaymentHold hold = holds.open(id, command.holdId());
        apply(new PaymentHoldReleased(command.holdId(), id, hold.amountMinor(), PaymentHold.VOIDED, command.at()));
        return command.holdId();
    }

    /** True when the hold was released now; false when it is no longer open or not yet expired. */
    @CommandHandler
    public boolean handle(ReleaseExpiredHold command) {
        PaymentHold hold = holds.find(command.holdId());
        if (hold == null || !hold.expiredAt(command.at())) {
            return false;
        }
        apply(new PaymentHoldReleased(command.holdId(), id, hold.amountMinor(), PaymentHold.EXPIRED, command.at()));
        return true;
    }

    @CommandHandler
    public AccountId handle(FreezeAccount command) {
        requireOpen(command.reason());
        if (status == AccountStatus.ACTIVE) {
            apply(new AccountFrozen(id, command.reason(), command.at()));
        }
        return id;
    }

    @CommandHandler
    public AccountId handle(UnfreezeAccount command) {
        requireOpen(command.reason());
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
            throw DomainException.refused("balance-not-zero", "account.balance-not-zero", "account {0} still holds {1}",
                    id, Money.of(balanceMinor, currency.value()));
        }
        apply(new AccountClosed(id, command.reason(), command.at()));
        return id;
    }

    /** Credits the units a member bought at a counter. Called by the conversion handler. */
    public void receiveIssuedUnits(ConversionId conversionId, CounterId counterId, long unitsMinor, Instant at) {
        requireActive("receive units");
        apply(new UnitsIssued(id, currency, conversionId, counterId, unitsMinor, Postings.builder()
                .move(book(LedgerAccountKind.ISSUANCE), ledgerAccount(), unitsMinor).build(), at));
    }

    /**
     * Takes back the units of a cancelled conversion, whatever the account's status (a correction, not
     * a payment). The cancellation handler checked they are still there.
     */
    public void takeBackIssuedUnits(ConversionId conversionId, CounterId counterId, long unitsMinor, String reason,
                                    Instant at) {
        if (unitsMinor <= 0 || unitsMinor > availableMinor()) {
            throw new IllegalStateException("cannot take back " + unitsMinor + " from account " + id);
        }
        apply(new IssuedUnitsTakenBack(id, currency, conversionId, counterId, unitsMinor, reason, Postings.builder()
                .move(ledgerAccount(), book(LedgerAccountKind.ISSUANCE), unitsMinor).build(), at));
    }

    /** Credits paper notes a member brought back to a counter. Called by the note deposit handler. */
    public void receivePaperNotes(DepositId depositId, CounterId counterId, long unitsMinor, Instant at) {
        requireActive("receive units");
        apply(new PaperNotesDeposited(id, currency, depositId, counterId, unitsMinor, Postings.builder()
                .move(book(LedgerAccountKind.PAPER_IN_CIRCULATION), ledgerAccount(), unitsMinor).build(), at));
    }

    /**
     * Credits the units of a closed series' notes that never came back, released to this account
     * (the association's projects fund). Called by the notes' release handler, which checked the kind.
     */
    public void receiveReleasedNotes(org.mlc.ledger.common.NoteSeriesId seriesId, java.time.LocalDate on,
                                     long unitsMinor, Instant at) {
        requireActive("receive units");
        apply(new ReleasedNotesReceived(id, currency, seriesId, on, unitsMinor, Postings.builder()
                .move(book(LedgerAccountKind.PAPER_IN_CIRCULATION), ledgerAccount(), unitsMinor).build(), at));
    }

    /**
     * Credits the fee of paper notes revalidated at a counter, paid there in euros: issuance to this
     * account (the fonte's beneficiary). Called by the revalidation handler, which checked the kind.
     */
    public void receiveRevalidationFee(org.mlc.ledger.common.RevalidationId revalidationId, CounterId counterId,
                                       LocalDate periodFrom, LocalDate dueOn, long feeMinor, Instant at) {
        requireActive("receive units");
        apply(new RevalidationFeeReceived(id, currency, revalidationId, counterId, periodFrom, dueOn, feeMinor,
                Postings.builder().move(book(LedgerAccountKind.ISSUANCE), ledgerAccount(), feeMinor).build(), at));
    }

    /** Refuses ({@code account-frozen}) unless the account can receive units now; records nothing. */
    public void requireCanReceive() {
        requireActive("receive units");
    }

    /**
     * Credits the revalidation fee deducted from unstamped notes deposited at a counter, from paper
     * in circulation. Called by the deposit handlers (UnstampedNotes), before the depositor's credit.
     */
    public void receiveUnstampedNotesFee(DepositId depositId, CounterId counterId, LocalDate periodFrom,
                                         LocalDate dueOn, long feeMinor, Instant at) {
        requireActive("receive units");
        apply(new UnstampedNotesFeeReceived(id, currency, depositId, counterId, periodFrom, dueOn, feeMinor,
                Postings.builder().move(book(LedgerAccountKind.PAPER_IN_CIRCULATION), ledgerAccount(), feeMinor)
                        .build(), at));
    }

    /** Gives a conversion's donation share; the donation policy checked the balance, the association is credited next. */
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

    /** Gives back a cancelled conversion's donation share (checked by the handler); the issuer receives it next. */
    public void returnDonation(ConversionId conversionId, AccountId to, long amountMinor, Instant at) {
        if (amountMinor <= 0 || amountMinor > availableMinor()) {
            throw new IllegalStateException("cannot return " + amountMinor + " from account " + id);
        }
        apply(new DonationReturned(id, currency, conversionId, to, amountMinor, Postings.builder()
                .move(ledgerAccount(), inTransit(), amountMinor).build(), at));
    }

    /** The issuer's side of {@link #returnDonation}: what comes back from in transit lands whatever the status. */
    public void receiveReturnedDonation(ConversionId conversionId, AccountId from, long amountMinor, Instant at) {
        apply(new DonationReturnReceived(id, currency, conversionId, from, amountMinor, Postings.builder()
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
        requireFunds(availableMinor(), unitsMinor);
        apply(new UnitsReconverted(id, currency, reconversionId, unitsMinor, feeMinor, unitsMinor - feeMinor,
                Postings.builder().move(ledgerAccount(), book(LedgerAccountKind.FEES), feeMinor)
                        .move(ledgerAccount(), book(LedgerAccountKind.ISSUANCE), unitsMinor - feeMinor).build(), at));
    }

    /** Pays a membership fee in units to the issuer's fee account. Called by the membership handler. */
    public void payMembershipFee(MembershipId membershipId, long unitsMinor, Instant at) {
        requireActive("pay");
        requireFunds(availableMinor(), unitsMinor);
        apply(new MembershipFeePaid(id, currency, membershipId, unitsMinor, Postings.builder()
                .move(ledgerAccount(), book(LedgerAccountKind.FEES), unitsMinor).build(), at));
    }

    /**
     * Takes this account's fonte of a demurrage run: {@code policy}'s rate of what it holds above the
     * threshold (earmarked and held units exempt unless the policy includes them), rounded down to
     * the cent, never more than its free units (earmarked units themselves never leave). Answers the
     * amount taken in that run, the same if asked again: an account gives once per run. Nothing for
     * the beneficiary itself or an owner of a kind the policy does not list. Whatever the account's
     * status: the fonte is the currency's rule, not a payment. The beneficiary is credited next.
     */
    public long chargeDemurrage(DemurrageRunId runId, LocalDate periodFrom, LocalDate dueOn, Demurrage policy,
                                Instant at) {
        Long charged = demurrageRuns.get(runId);
        if (charged != null) {
            return charged;
        }
        if (!policy.kinds().contains(ownerKind.name()) || id.equals(policy.beneficiaryAccount())) {
            return 0;
        }
        long base = policy.includeEarmarked() ? balanceMinor : balanceMinor - earmarkedMinor() - heldMinor();
        long amountMinor = Math.min(policy.chargeOn(base), Math.max(0, freeMinor()));
        if (amountMinor <= 0) {
            return 0;
        }
        apply(new DemurrageCharged(id, currency, runId, periodFrom, dueOn, policy.beneficiaryAccount(), amountMinor,
                Postings.builder().move(ledgerAccount(), inTransit(), amountMinor).build(), at));
        return amountMinor;
    }

    /** The beneficiary's side of {@link #chargeDemurrage}: what comes out of transit lands whatever the status. */
    public void receiveDemurrage(DemurrageRunId runId, LocalDate periodFrom, LocalDate dueOn, AccountId from,
                                 long amountMinor, Instant at) {
        apply(new DemurrageReceived(id, currency, runId, periodFrom, dueOn, from, amountMinor, Postings.builder()
                .move(inTransit(), ledgerAccount(), amountMinor).build(), at));
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

    /** Credits a line of a direct issuance; the issuance booked the units' move. */
    public void receiveIssuance(IssuanceId issuanceId, String key, long unitsMinor, Instant at) {
        requireActive("receive units");
        if (unitsMinor <= 0) {
            throw new IllegalArgumentException("an issuance line has units");
        }
        apply(new IssuanceUnitsReceived(id, issuanceId, key, unitsMinor, at));
    }

    /** Drops an expired lot; its programme takes the units back in the same unit of work. */
    public void expireLot(GrantId grantId, Instant at) {
        EarmarkedLot lot = lots.get(id, grantId);
        // Whatever the status: a frozen account's expired aid still goes back to its programme.
        apply(new EarmarkExpired(id, grantId, lot.programId(), lot.remainingMinor(), at));
    }
}
