package org.mlc.ledger.participant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;

/**
 * Numbers a participant registered before there were member numbers. It loads the currency first,
 * as a registration and a conversion do (the same order of locks), so that on one node it waits for
 * a registration of the same currency instead of racing it to create the currency's register.
 */
class MemberNumbering {

    private final Repository<Currency> currencies;
    private final Repository<Participant> participants;
    private final Repository<MemberNumbers> registers;

    MemberNumbering(Repository<Currency> currencies, Repository<Participant> participants,
                    Repository<MemberNumbers> registers) {
        this.currencies = currencies;
        this.participants = participants;
        this.registers = registers;
    }

    @CommandHandler
    public String handle(NumberParticipant command) throws Exception {
        Currencies.require(currencies, command.currency());
        Participant participant = Aggregates.load(participants, command.participantId().value(), "participant")
                .invoke(p -> p);
        if (!participant.currency().equals(command.currency())) {
            throw DomainException.invalid("participant.other-currency", "participant {0} is of {1}, not of {2}",
                    command.participantId(), participant.currency(), command.currency()).naming("currency");
        }
        return MemberNumbers.assign(registers, command.currency(), command.participantId(), command.at());
    }
}
