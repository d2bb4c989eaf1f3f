package org.mlc.ledger.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.MemberNumbers;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.RegisterParticipant;

/**
 * Registers a participant and opens its account in the same unit of work, so that a participant
 * never exists without its account, nor without its member number. The currency must exist.
 */
class ParticipantRegistration {

    private final Repository<Currency> currencies;
    private final Repository<Participant> participants;
    private final Repository<Account> accounts;
    private final Repository<MemberNumbers> numbers;

    ParticipantRegistration(Repository<Currency> currencies, Repository<Participant> participants,
                            Repository<Account> accounts, Repository<MemberNumbers> numbers) {
        this.currencies = currencies;
        this.participants = participants;
        this.accounts = accounts;
        this.numbers = numbers;
    }

    @CommandHandler
    public Registration handle(RegisterParticipant command) throws Exception {
        Registrations.register(currencies, participants, accounts, numbers, command);
        return new Registration(command.participantId(), command.accountId());
    }
}
