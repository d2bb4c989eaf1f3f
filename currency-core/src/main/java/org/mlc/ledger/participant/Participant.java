package org.mlc.ledger.participant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import java.time.Instant;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.Filieres;

/**
 * A member, merchant, association, collectivité or CCAS. Created by {@link ParticipantRegistration}.
 * A merchant's agrément (approval in a filière, suspension, withdrawal) is decided by the issuer;
 * each decision is an event naming who decided it and why.
 */
@AggregateRoot
public class Participant {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_DECIDED_BY_LENGTH = 64;
    /** Who decided an approval given together with the registration, when the command names nobody. */
    public static final String AT_REGISTRATION = "registration";

    @AggregateIdentifier
    private ParticipantId id;
    private ParticipantKind kind;
    private CurrencyCode currency;
    private MerchantStatus merchantStatus;
    private String filiere;
    /** The last day of the current membership (Paris time), null if it never paid one. */
    private java.time.LocalDate membershipValidUntil;
    /** Whether the merchant's public profile is published (the directory shows it once approved). */
    private boolean profilePublished;

    protected Participant() {
        // for Axon
    }

    /** Registered with its account in one unit of work (see the account package's registration). */
    public Participant(RegisterParticipant command) {
        check(command);
        apply(new ParticipantRegistered(command.participantId(), command.kind(), command.name().strip(),
                command.currency(), command.accountId(), command.filiere(), command.registeredAt()));
        // The issuer registering a merchant with its filière approves it in the same step.
        if (command.kind() == ParticipantKind.MERCHANT && command.filiere() != null) {
            apply(new MerchantApproved(command.participantId(), command.currency(), command.filiere(),
                    AT_REGISTRATION, "approved at registration", command.registeredAt()));
        }
    }

    /** Refuses a registration this participant could not be made from, before anything is recorded. */
    public static void check(RegisterParticipant command) {
        if (command.kind() == null) {
            throw DomainException.invalid("participant.kind-required",
                    "kind is required: MEMBER, MERCHANT, ASSOCIATION, COLLECTIVITE or CCAS");
        }
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("participant.name-required", "name is required, at most {0} characters",
                    MAX_NAME_LENGTH);
        }
        if (command.filiere() != null && !Filieres.PATTERN.matcher(command.filiere()).matches()) {
            throw DomainException.invalid("participant.filiere-malformed", "filiere must be a code like ALIMENTATION");
        }
    }

    @CommandHandler
    public ParticipantId handle(ApproveMerchant command) {
        requireMerchant();
        requireDecision(command.decidedBy(), command.reason());
        if (command.filiere() == null || !Filieres.PATTERN.matcher(command.filiere()).matches()) {
            throw DomainException.invalid("participant.filiere-malformed", "filiere must be a code like ALIMENTATION");
        }
        if (merchantStatus != MerchantStatus.APPROVED || !command.filiere().equals(filiere)) {
            apply(new MerchantApproved(id, currency, command.filiere(), command.decidedBy(), command.reason(),
                    command.at()));
        }
        return id;
    }

    @CommandHandler
    public ParticipantId handle(SuspendMerchant command) {
        requireMerchant();
        requireDecision(command.decidedBy(), command.reason());
        if (merchantStatus == MerchantStatus.SUSPENDED) {
            return id;
        }
        if (merchantStatus != MerchantStatus.APPROVED) {
            throw DomainException.refused("merchant-not-approved", "merchant.suspend-not-approved",
                    "merchant {0} is {1}: only an approved merchant can be suspended", id, merchantStatus);
        }
        apply(new MerchantSuspended(id, command.decidedBy(), command.reason(), command.at()));
        return id;
    }

    @CommandHandler
    public ParticipantId handle(WithdrawMerchant command) {
        requireMerchant();
        requireDecision(command.decidedBy(), command.reason());
        if (merchantStatus == MerchantStatus.WITHDRAWN) {
            return id;
        }
        if (merchantStatus == MerchantStatus.REGISTERED) {
            throw DomainException.refused("merchant-not-approved", "merchant.withdraw-never-approved",
                    "merchant {0} was never approved: there is no approval to withdraw", id);
        }
        apply(new MerchantApprovalWithdrawn(id, command.decidedBy(), command.reason(), command.at()));
        return id;
    }

    /** A merchant, whatever its agrément, publishes what the public directory shows once it is approved. */
    @CommandHandler
    public ParticipantId handle(PublishMerchantProfile command) {
        requireMerchant();
        requireAuthor(command.publishedBy());
        DomainException.throwIfAny(MerchantProfilePolicy.refusal(command));
        apply(new MerchantProfilePublished(id, currency, command.address().strip(), command.postcode(),
                command.commune().strip(), command.latitude(), command.longitude(), stripped(command.description()),
                stripped(command.website()), stripped(command.openingHours()), command.publishedBy(), command.at()));
        return id;
    }

    @CommandHandler
    public ParticipantId handle(WithdrawMerchantProfile command) {
        requireMerchant();
        requireAuthor(command.withdrawnBy());
        if (profilePublished) {
            apply(new MerchantProfileWithdrawn(id, command.withdrawnBy(), command.at()));
        }
        return id;
    }

    private static void requireAuthor(String author) {
        if (author == null || author.isBlank() || author.length() > MAX_DECIDED_BY_LENGTH) {
            throw DomainException.invalid("profile.author-required",
                    "who publishes is required, at most {0} characters", MAX_DECIDED_BY_LENGTH);
        }
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    @EventSourcingHandler
    void on(MerchantProfilePublished event) {
        profilePublished = true;
    }

    @EventSourcingHandler
    void on(MerchantProfileWithdrawn event) {
        profilePublished = false;
    }

    /**
     * Records a membership paid today (the caller recorded the fee itself): it starts the day
     * after the current one ends, or today, and runs for a year.
     */
    public MembershipRenewed renewMembership(MembershipId membershipId, CounterId counterId, long feeMinor,
                                             FeePaidWith paidWith, java.time.LocalDate today, Instant at) {
        if (!MembershipPolicy.appliesTo(kind)) {
            throw DomainException.refused("membership-not-applicable", "membership.not-applicable",
                    "participant {0} is a {1}: only members, merchants and associations adhere", id, kind);
        }
        java.time.LocalDate from = MembershipPolicy.renewalStart(membershipValidUntil, today);
        java.time.LocalDate until = MembershipPolicy.validUntil(from);
        if (MembershipPolicy.tooFarAhead(until, today)) {
            throw DomainException.refused("membership-already-paid", "membership.already-paid",
                    "participant {0} is a member until {1}: a renewal would run past {2}", id, membershipValidUntil,
                    today.plusYears(MembershipPolicy.MAX_YEARS_AHEAD));
        }
        MembershipRenewed event = new MembershipRenewed(id, currency, membershipId, from, until, feeMinor, paidWith,
                counterId, at);
        apply(event);
        return event;
    }

    /**
     * Records, with the membership it paid, that its units were taken by someone acting for this
     * participant, and why; the caller checked the reason first ({@link #requireOnBehalfReason}).
     */
    public void recordPaidOnBehalf(MembershipId membershipId, AccountId accountId, long feeMinor, String reason,
                                   Instant at) {
        apply(new MembershipPaidOnBehalf(id, membershipId, accountId, feeMinor, reason, at));
    }

    /** Refuses a missing or overlong reason for units taken on their holder's behalf. */
    public static void requireOnBehalfReason(String reason) {
        DomainException.throwIfAny(MembershipPolicy.onBehalfReasonRefusal(reason));
    }

    /** Whether this participant is a member on that day (always true where membership does not apply). */
    public boolean memberOn(java.time.LocalDate day) {
        return !MembershipPolicy.appliesTo(kind) || (membershipValidUntil != null && !day.isAfter(membershipValidUntil));
    }

    /** Refuses a conversion in a currency that converts only for members, when this participant is not one. */
    public void requireMemberToConvert(java.time.LocalDate today, CurrencyCode currency) {
        DomainException.throwIfAny(MembershipPolicy.convertsOnlyAsAMember(id, kind, membershipValidUntil, today,
                currency));
    }

    public java.time.LocalDate membershipValidUntil() {
        return membershipValidUntil;
    }

    @EventSourcingHandler
    void on(MembershipRenewed event) {
        membershipValidUntil = event.validUntil();
    }

    public CurrencyCode currency() {
        return currency;
    }

    private void requireMerchant() {
        if (kind != ParticipantKind.MERCHANT) {
            throw DomainException.refused("not-a-merchant", "merchant.not-a-merchant",
                    "participant {0} is a {1}, not a merchant: only merchants have an agrément", id, kind);
        }
    }

    private static void requireDecision(String decidedBy, String reason) {
        if (decidedBy == null || decidedBy.isBlank() || decidedBy.length() > MAX_DECIDED_BY_LENGTH) {
            throw DomainException.invalid("merchant.decided-by-required",
                    "decidedBy is required, at most {0} characters",
                    MAX_DECIDED_BY_LENGTH);
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw DomainException.invalid("merchant.reason-required", "reason is required, at most {0} characters",
                    MAX_REASON_LENGTH);
        }
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        id = event.participantId();
        kind = event.kind();
        currency = event.currency();
        filiere = event.filiere();
        merchantStatus = event.kind() == ParticipantKind.MERCHANT ? MerchantStatus.REGISTERED : null;
    }

    @EventSourcingHandler
    void on(MerchantApproved event) {
        merchantStatus = MerchantStatus.APPROVED;
        filiere = event.filiere();
    }

    @EventSourcingHandler
    void on(MerchantSuspended event) {
        merchantStatus = MerchantStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MerchantApprovalWithdrawn event) {
        merchantStatus = MerchantStatus.WITHDRAWN;
    }

    /**
     * Whether this participant may be paid as a merchant is: an approved, not suspended merchant,
     * or a collectivité or association, which receive like merchants without an agrément.
     */
    public boolean receivesLikeAMerchant() {
        return switch (kind) {
            case MERCHANT -> merchantStatus == MerchantStatus.APPROVED;
            case COLLECTIVITE, ASSOCIATION -> true;
            default -> false;
        };
    }

    /** Refuses a reconversion by a participant that may not reconvert ({@link #mayReconvert}). */
    public void requireMayReconvert() {
        if (!mayReconvert()) {
            throw DomainException.refused("reconversion-not-allowed", "reconversion.not-allowed",
                    "participant {0} may not reconvert: only approved merchants and collectivités take units back to "
                            + "euros", id);
        }
    }

    /** Only approved merchants and collectivités take units back to euros. */
    public boolean mayReconvert() {
        return (kind == ParticipantKind.MERCHANT && merchantStatus == MerchantStatus.APPROVED)
                || kind == ParticipantKind.COLLECTIVITE;
    }

    public ParticipantId id() {
        return id;
    }

    public ParticipantKind kind() {
        return kind;
    }

    public MerchantStatus merchantStatus() {
        return merchantStatus;
    }

    public String filiere() {
        return filiere;
    }
}
