package org.mlc.ledger.common;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Loading an aggregate a command names: an unknown id is the client's error (404), not a crash. */
public final class Aggregates {

    private Aggregates() {
    }

    /**
     * The aggregate, or {@code not-found} saying "unknown {@code what} {@code id}", with the id typed
     * (an account, a counter, a participant…) so that the API can name what it could not find.
     */
    public static <T> Aggregate<T> load(Repository<T> repository, String id, String what) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw unknown(what, id);
        }
    }

    /** The aggregate, or this {@code not-found} refusal. */
    public static <T> Aggregate<T> loadOr(Repository<T> repository, String id, DomainException notFound) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw notFound;
        }
    }

    private static DomainException unknown(String what, String id) {
        try {
            return switch (what) {
                case "account" -> DomainException.notFound("unknown.account", "unknown account {0}", AccountId.of(id));
                case "beneficiary account" -> DomainException.notFound("unknown.beneficiary-account",
                        "unknown beneficiary account {0}", AccountId.of(id));
                case "issuer account" -> DomainException.notFound("unknown.issuer-account",
                        "unknown issuer account {0}",
                        AccountId.of(id));
                case "participant" -> DomainException.notFound("unknown.participant", "unknown participant {0}",
                        ParticipantId.of(id));
                case "sponsor" -> DomainException.notFound("unknown.sponsor", "unknown sponsor {0}",
                        ParticipantId.of(id));
                case "counter" -> DomainException.notFound("unknown.counter", "unknown counter {0}", CounterId.of(id));
                case "currency" -> DomainException.notFound("unknown.currency", "unknown currency {0}",
                        CurrencyCode.of(id));
                case "aid programme" -> DomainException.notFound("unknown.aid-programme", "unknown aid programme {0}",
                        AidProgramId.of(id));
                case "budget" -> DomainException.notFound("unknown.budget", "unknown budget {0}", BudgetId.of(id));
                default -> DomainException.notFound("unknown.thing", "unknown {0} {1}", what, id);
            };
        } catch (IllegalArgumentException malformed) {
            return DomainException.notFound("unknown.thing", "unknown {0} {1}", what, id);
        }
    }
}
