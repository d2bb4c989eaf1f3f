package org.mlc.ledger.account;

import java.util.List;
import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.payment.PaymentAuthorized;
import org.mlc.ledger.payment.PaymentCaptured;
import org.mlc.ledger.payment.PaymentHoldReleased;
import org.mlc.ledger.payment.RefundRecorded;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferReturned;

/**
 * What an {@link Account}'s events made of it (the event-sourcing handlers), what it tells others,
 * and the checks every decision of the account starts with. The account decides; this only
 * follows its events, so a replay gives the same state.
 */
abstract class AccountState {

    @AggregateIdentifier
    protected AccountId id;
    protected ParticipantId owner;
    protected CurrencyCode currency;
    protected AccountStatus status;
    protected long balanceMinor;
    protected long floorMinor;
    protected ParticipantKind ownerKind;
    protected final Holds holds = new Holds();
    protected final EarmarkedLots lots = new EarmarkedLots();
    protected final ReceivedPayments received = new ReceivedPayments();
    /** What each demurrage run took from this account: a run never takes twice. */
    protected final java.util.Map<org.mlc.ledger.common.DemurrageRunId, Long> demurrageRuns = new java.util.HashMap<>();

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
        received.credited(event.transferId(), event.from(), event.amountMinor());
    }

    @EventSourcingHandler
    void on(RefundRecorded event) {
        received.refunded(event.refundOf(), event.amountMinor());
    }

    @EventSourcingHandler
    void on(TransferReturned event) {
        balanceMinor += event.amountMinor();
    }

    @EventSourcingHandler
    void on(PaymentAuthorized event) {
        holds.authorized(event);
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        holds.closed(event.holdId());
    }

    @EventSourcingHandler
    void on(PaymentHoldReleased event) {
        holds.closed(event.holdId());
    }

    @EventSourcingHandler
    void on(UnitsIssued event) {
        balanceMinor += event.unitsMinor();
    }

    @EventSourcingHandler
    void on(IssuedUnitsTakenBack event) {
        balanceMinor -= event.unitsMinor();
    }

    @EventSourcingHandler
    void on(PaperNotesDeposited event) {
        balanceMinor += event.unitsMinor();
    }

    @EventSourcingHandler
    void on(ReleasedNotesReceived event) {
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
    void on(DonationReturned event) {
        balanceMinor -= event.amountMinor();
    }

    @EventSourcingHandler
    void on(DonationReturnReceived event) {
        balanceMinor += event.amountMinor();
    }

    @EventSourcingHandler
    void on(MembershipFeePaid event) {
        balanceMinor -= event.unitsMinor();
    }

    @EventSourcingHandler
    void on(UnitsReconverted event) {
        balanceMinor -= event.unitsMinor();
    }

    @EventSourcingHandler
    void on(DemurrageCharged event) {
        balanceMinor -= event.amountMinor();
        demurrageRuns.put(event.runId(), event.amountMinor());
    }

    @EventSourcingHandler
    void on(UnstampedNotesFeeReceived event) {
        balanceMinor += event.feeMinor();
    }

    @EventSourcingHandler
    void on(RevalidationFeeReceived event) {
        balanceMinor += event.feeMinor();
    }

    @EventSourcingHandler
    void on(DemurrageReceived event) {
        balanceMinor += event.amountMinor();
    }

    @EventSourcingHandler
    void on(EarmarkedLotReceived event) {
        balanceMinor += event.unitsMinor();
        lots.received(event);
    }

    @EventSourcingHandler
    void on(IssuanceUnitsReceived event) {
        balanceMinor += event.unitsMinor();
    }

    @EventSourcingHandler
    void on(EarmarkedUnitsSpent event) {
        lots.spent(event);
    }

    @EventSourcingHandler
    void on(EarmarkExpired event) {
        balanceMinor -= event.unitsMinor();
        lots.expired(event);
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

    void requireActive(String action) {
        if (status != AccountStatus.ACTIVE) {
            throw switch (action) {
                case "pay" -> DomainException.refused("account-frozen", "account.inactive.pay",
                        "account {0} is {1} and cannot pay", id, status);
                case "receive units" -> DomainException.refused("account-frozen", "account.inactive.receive-units",
                        "account {0} is {1} and cannot receive units", id, status);
                case "give" -> DomainException.refused("account-frozen", "account.inactive.give",
                        "account {0} is {1} and cannot give", id, status);
                case "receive a donation" -> DomainException.refused("account-frozen",
                        "account.inactive.receive-donation", "account {0} is {1} and cannot receive a donation", id,
                        status);
                case "reconvert" -> DomainException.refused("account-frozen", "account.inactive.reconvert",
                        "account {0} is {1} and cannot reconvert", id, status);
                case "receive a grant" -> DomainException.refused("account-frozen", "account.inactive.receive-grant",
                        "account {0} is {1} and cannot receive a grant", id, status);
                default -> DomainException.refused("account-frozen", "account.inactive",
                        "account {0} is {1} and cannot {2}", id, status, action);
            };
        }
    }

    /** A freeze or unfreeze says why, and a closed account stays closed. */
    void requireOpen(String reason) {
        requireReason(reason);
        if (status == AccountStatus.CLOSED) {
            throw DomainException.conflict("account-closed", "account.closed", "account {0} is closed", id);
        }
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > Account.MAX_REASON_LENGTH) {
            throw DomainException.invalid("account.reason-required", "reason is required, at most {0} characters",
                    Account.MAX_REASON_LENGTH);
        }
    }

    /** The checks of any payment out of this account, before its balance is looked at. */
    void requirePayable(AccountId to, long amountMinor, String reference) {
        requireActive("pay");
        if (amountMinor <= 0) {
            throw DomainException.invalid("payment.amount-not-positive", "amount must be greater than zero");
        }
        if (to.equals(id)) {
            throw DomainException.invalid("payment.to-self", "an account cannot pay itself");
        }
        if (reference != null && reference.length() > MakePayment.MAX_REFERENCE_LENGTH) {
            throw DomainException.invalid("payment.reference-too-long", "reference is at most {0} characters",
                    MakePayment.MAX_REFERENCE_LENGTH);
        }
    }

    void requireFunds(long availableMinor, long amountMinor) {
        if (amountMinor > availableMinor) {
            throw holds.heldMinor() > 0
                    ? DomainException.refused("insufficient-funds", "account.insufficient-funds-held",
                            "account {0} holds {1} available ({2} more held for authorized payments), less than {3}",
                                    id,
                            Money.of(availableMinor, currency.value()), Money.of(holds.heldMinor(), currency.value()),
                            Money.of(amountMinor, currency.value()))
                    : DomainException.refused("insufficient-funds", "account.insufficient-funds",
                            "account {0} holds {1} available, less than {2}", id,
                            Money.of(availableMinor, currency.value()), Money.of(amountMinor, currency.value()));
        }
    }

    LedgerAccount ledgerAccount() {
        return LedgerAccount.of(currency.value(), LedgerAccountKind.PARTICIPANT, id.value());
    }

    LedgerAccount book(LedgerAccountKind kind) {
        return LedgerAccount.of(currency.value(), kind);
    }

    LedgerAccount inTransit() {
        return book(LedgerAccountKind.IN_TRANSIT);
    }

    /** Refuses a grant of aid to this account unless {@code beneficiary}'s, a member's, active, in {@code currency}. */
    public void requireGrantable(ParticipantId beneficiary, CurrencyCode in) {
        if (ownerKind != ParticipantKind.MEMBER || !owner.equals(beneficiary)) {
            throw DomainException.refused("beneficiary-not-member", "aid.beneficiary-not-member",
                    "beneficiary {0} is not a member holding account {1}", beneficiary, id);
        }
        if (!currency.equals(in)) {
            throw DomainException.refused("currency-mismatch", "account.currency-mismatch", "account {0} is not in {1}",
                    id, in);
        }
        if (status != AccountStatus.ACTIVE) {
            throw DomainException.refused("account-frozen", "account.inactive.receive-grant",
                    "account {0} is {1} and cannot receive a grant", id, status);
        }
    }

    /**
     * A recipient of a direct issuance: a member, an association or a merchant holding this account
     * in {@code in} ({@code recipient-not-allowed}, {@code currency-mismatch}).
     */
    public void requireIssuanceRecipient(ParticipantId recipient, CurrencyCode in) {
        if (!owner.equals(recipient) || !(ownerKind == ParticipantKind.MEMBER || ownerKind == ParticipantKind.ASSOCIATION
                || ownerKind == ParticipantKind.MERCHANT)) {
            throw DomainException.refused("recipient-not-allowed", "issuance.recipient-not-allowed",
                    "recipient {0} is not a member, an association or a merchant holding account {1}", recipient, id);
        }
        if (!currency.equals(in)) {
            throw DomainException.refused("currency-mismatch", "account.currency-mismatch", "account {0} is not in {1}",
                    id, in);
        }
        requireActive("receive units");
    }

    /** The payee's side, as the payer's rules see it. */
    PaymentCase.Payee asPayee() {
        return new PaymentCase.Payee(id, ownerKind, status);
    }

    /**
     * What the account may still pay out anywhere, above its floor: neither its earmarked units
     * nor what authorized payments hold (holds reserve free units only).
     */
    public long availableMinor() {
        return freeMinor() - holds.heldMinor() - floorMinor;
    }

    public long heldMinor() {
        return holds.heldMinor();
    }

    /** Units held under an earmark (expired or not, until they are returned). */
    public long earmarkedMinor() {
        return lots.earmarkedMinor();
    }

    /** Units held free of any earmark (may be below zero only down to the floor). */
    public long freeMinor() {
        return balanceMinor - earmarkedMinor();
    }

    /** The lots with units left, in the order they were granted. */
    public List<EarmarkedLot> lots() {
        return lots.list();
    }

    /** The lots with units left whose expiry date is before {@code today}, soonest first. */
    public List<EarmarkedLot> expiredLots(LocalDate today) {
        return lots.expired(today);
    }

    /** What this account gave to the demurrage run {@code runId} (0: nothing). */
    public long demurrageGivenIn(org.mlc.ledger.common.DemurrageRunId runId) {
        return demurrageRuns.getOrDefault(runId, 0L);
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
