package org.mlc.ledger.aid;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Who may run an earmarked programme: a CCAS, a collectivité, an association or an employer (a
 * company or its CSE), with its own account in the programme's currency. Members and merchants
 * spend aid; they do not fund it.
 */
public final class Funders {

    public static final Set<ParticipantKind> KINDS = EnumSet.of(ParticipantKind.CCAS, ParticipantKind.COLLECTIVITE,
            ParticipantKind.ASSOCIATION, ParticipantKind.EMPLOYER);

    private Funders() {
    }

    public static boolean mayFund(ParticipantKind kind) {
        return kind != null && KINDS.contains(kind);
    }

    /**
     * Refuses a funder whose account is not its own, of a kind that does not fund
     * ({@code funder-not-allowed}), or in another currency ({@code currency-mismatch}); each names
     * {@code funder}.
     */
    static Optional<DomainException> refusal(ParticipantId funder, ParticipantId accountOwner, ParticipantKind kind,
                                             CurrencyCode accountCurrency, CurrencyCode currency) {
        if (!funder.equals(accountOwner) || !mayFund(kind)) {
            return Optional.of(DomainException.refused("funder-not-allowed", "aid.funder-not-allowed",
                    "participant {0} is a {1}: only a CCAS, a collectivité, an association or an employer runs an "
                            + "earmarked programme", funder, kind).naming("funder"));
        }
        if (!accountCurrency.equals(currency)) {
            return Optional.of(DomainException.refused("currency-mismatch", "aid.funder-currency-mismatch",
                    "the funder {0} is not in {1}", funder, currency).naming("funder"));
        }
        return Optional.empty();
    }
}
