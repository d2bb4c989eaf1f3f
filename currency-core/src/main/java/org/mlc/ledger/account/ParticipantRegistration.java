package org.mlc.ledger.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.currency.Currencies;
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
        Currencies.require(currencies, command.currency());
        // Refused before the register is even loaded.
        Participant.check(command);
        // First, so that two nodes numbering at once conflict as a retried concurrency conflict (MemberNumbers).
        MemberNumbers.assign(numbers, command.currency(), command.participantId(), command.registeredAt());
        participants.newInstance(() -> new Participant(command));
        accounts.newInstance(() -> new Account(new OpenAccount(command.accountId(), command.participantId(),
                command.kind(), command.currency(), 0, command.registeredAt())));
        return new Registration(command.participantId(), command.accountId());
    }
}
