package org.mlc.ledger.currency;

import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CurrencyCode;

/** Looks up a currency's policies for other handlers, with a clear error when it is unknown. */
public final class Currencies {

    private Currencies() {
    }

    public static Currency require(Repository<Currency> currencies, CurrencyCode code) {
        return Aggregates.load(currencies, code.value(), "currency").invoke(currency -> currency);
    }
}
