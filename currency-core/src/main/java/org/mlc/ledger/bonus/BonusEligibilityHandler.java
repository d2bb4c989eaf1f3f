package org.mlc.ledger.bonus;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currency;

/**
 * Sets who may get the bonus on the currency. Here rather than on {@link Currency} itself:
 * participant kinds are the participant package's, which the currency package comes before.
 */
class BonusEligibilityHandler {

    private final Repository<Currency> currencies;

    BonusEligibilityHandler(Repository<Currency> currencies) {
        this.currencies = currencies;
    }

    @CommandHandler
    public CurrencyCode handle(SetBonusEligibility command) {
        if (command.kinds() == null || command.kinds().stream().anyMatch(Objects::isNull)) {
            throw DomainException.invalid("bonus.kinds-required",
                    "kinds is required, e.g. [\"MEMBER\"]").naming("kinds");
        }
        Aggregates.load(currencies, command.currency().value(), "currency").execute(currency ->
                currency.setBonusEligibility(command.kinds().stream().map(Enum::name).toList(), command.at()));
        return command.currency();
    }
}
