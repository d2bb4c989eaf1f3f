package org.mlc.ledger.common;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Loading an aggregate a command names: an unknown id is the client's error (404), not a crash. */
public final class Aggregates {

    private Aggregates() {
    }

    /** The aggregate, or {@code not-found} saying "unknown {@code what} {@code id}". */
    public static <T> Aggregate<T> load(Repository<T> repository, String id, String what) {
        return loadOr(repository, id, "unknown " + what + " " + id);
    }

    /** The aggregate, or {@code not-found} with this message. */
    public static <T> Aggregate<T> loadOr(Repository<T> repository, String id, String notFoundMessage) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound(notFoundMessage);
        }
    }
}
