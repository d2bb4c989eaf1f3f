package org.mlc.ledger.common;

import org.axonframework.modelling.command.Repository;

/**
 * The aggregates' repositories, as the application configured them (cached, on its event store):
 * what a command handler that loads several aggregates is made with.
 */
@FunctionalInterface
public interface Repositories {

    <T> Repository<T> of(Class<T> aggregateType);
}
