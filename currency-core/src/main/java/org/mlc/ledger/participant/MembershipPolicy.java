package org.mlc.ledger.participant;

import java.time.LocalDate;
import java.util.Optional;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;

/** The rules of the yearly membership (adhésion), as small functions. */
final class MembershipPolicy {

    /** A membership runs for a year from the day it starts. */
    public static final int YEARS_PER_FEE = 1;
    /**
     * Paying ahead is allowed until the membership would run past this many years from today: a
     * renewal a little early is normal, a third year paid by mistake is not.
     */
    public static final int MAX_YEARS_AHEAD = 2;

    private MembershipPolicy() {
    }

    /**
     * Everyone may adhere (collectivités and employers too, each at its kind's fee) but a CCAS,
     * which the association exempts.
     */
    public static boolean mayAdhere(ParticipantKind kind) {
        return kind != null && kind != ParticipantKind.CCAS;
    }

    /**
     * Whom a membership binds (a currency converting only for members): members, merchants and
     * associations; public bodies and employers may adhere without being bound.
     */
    public static boolean appliesTo(ParticipantKind kind) {
        return kind == ParticipantKind.MEMBER || kind == ParticipantKind.MERCHANT
                || kind == ParticipantKind.ASSOCIATION;
    }

    /** A renewal starts the day after the current membership ends, or today if it has ended. */
    public static LocalDate renewalStart(LocalDate currentUntil, LocalDate today) {
        return currentUntil != null && !currentUntil.isBefore(today) ? currentUntil.plusDays(1) : today;
    }

    public static LocalDate validUntil(LocalDate start) {
        return start.plusYears(YEARS_PER_FEE).minusDays(1);
    }

    public static boolean tooFarAhead(LocalDate until, LocalDate today) {
        return until.isAfter(today.plusYears(MAX_YEARS_AHEAD));
    }

    /**
     * Units paid for a membership by someone acting for their holder need the reason, kept in
     * the record: the holder did not spend them.
     */
    static Optional<DomainException> onBehalfReasonRefusal(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > Participant.MAX_REASON_LENGTH) {
            return Optional.of(DomainException.invalid("membership.on-behalf-reason-required",
                    "reason is required when units are taken on the holder's behalf, at most {0} characters",
                    Participant.MAX_REASON_LENGTH).naming("reason"));
        }
        return Optional.empty();
    }

    /**
     * Where a currency converts only for members: a participant the rule applies to converts only
     * while a member; its balance stays usable either way.
     */
    static Optional<DomainException> convertsOnlyAsAMember(ParticipantId participant, ParticipantKind kind,
                                                            LocalDate validUntil, LocalDate today,
                                                            CurrencyCode currency) {
        if (!appliesTo(kind) || validUntil != null && !today.isAfter(validUntil)) {
            return Optional.empty();
        }
        return Optional.of(validUntil == null
                ? DomainException.refused("membership-expired", "membership.never-paid",
                        "participant {0} has not paid its membership: {1} converts only for members; the balance "
                                + "stays usable", participant, currency)
                : DomainException.refused("membership-expired", "membership.expired",
                        "participant {0} was a member until {1}: {2} converts only for members; the balance stays "
                                + "usable", participant, validUntil, currency));
    }
}
