package org.mlc.ledger.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.RegisterParticipant;

/**
 * Registers a participant and opens its account in the same unit of work, so that a participant
 * never exists without its account. The currency must exist.
 */
class ParticipantRegistration {

    private final Repository<Currency> currencies;
    private final Repository<Participant> participants;
    private final Repository<Account> accounts;

    ParticipantRegistration(Repository<Currency> currencies, Repository<Participant> participants,
                                   Repository<Account> accounts) {
        this.currencies = currencies;
        this.participants = participants;
        this.accounts = accounts;
    }

    @CommandHandler
    public Registration handle(RegisterParticipant command) throws Exception {
        Currencies.require(currencies, command.currency());
        participants.newInstance(() -> new Participant(command));
        accounts.newInstance(() -> new Account(new OpenAccount(command.accountId(), command.participantId(),
                command.kind(), command.currency(), 0, command.registeredAt())));
        return new Registration(command.participantId(), command.accountId());
    }
}
