package org.mlc.ledger.bonus;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Commits a sponsor's budget and attaches it to its currency in one unit of work: the currency
 * keeps the order in which budgets are drawn on (oldest first), each budget keeps its own figures.
 */
class BonusBudgetHandler {

    private final Repository<Currency> currencies;
    private final Repository<Participant> participants;
    private final Repository<BonusBudget> budgets;

    BonusBudgetHandler(Repository<Currency> currencies, Repository<Participant> participants,
                              Repository<BonusBudget> budgets) {
        this.currencies = currencies;
        this.participants = participants;
        this.budgets = budgets;
    }

    @CommandHandler
    public BudgetId handle(CommitBonusBudget command) throws Exception {
        Currencies.require(currencies, command.currency());
        ParticipantKind sponsorKind = Aggregates.load(participants, command.sponsor().value(), "sponsor")
                .invoke(Participant::kind);
        if (sponsorKind != ParticipantKind.ASSOCIATION && sponsorKind != ParticipantKind.COLLECTIVITE) {
            throw DomainException.refused("sponsor-not-allowed", "bonus.sponsor-not-allowed",
                    "a bonus sponsor is an association or a collectivité, not a {0}", sponsorKind);
        }
        budgets.newInstance(() -> new BonusBudget(command));
        currencies.load(command.currency().value())
                .execute(currency -> currency.attachBudget(command.budgetId(), command.from(), command.to(),
                        command.at()));
        return command.budgetId();
    }
}
