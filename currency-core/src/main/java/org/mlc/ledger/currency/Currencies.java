package org.mlc.ledger.currency;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;

/** Looks up a currency's policies for other handlers, with a clear error when it is unknown. */
public final class Currencies {

    private Currencies() {
    }

    public static Currency require(Repository<Currency> currencies, CurrencyCode code) {
        try {
            return currencies.load(code.value()).invoke(currency -> currency);
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("unknown currency " + code);
        }
    }
}
