package org.mlc.ledger.account;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.MemberNumbers;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.RegisterParticipant;

/**
 * Registers a participant with its account and member number, for the handlers that do it as part
 * of a larger step (an application approved) as well as for {@link ParticipantRegistration}.
 */
public final class Registrations {

    private Registrations() {
    }

    /** The participant registered, its account opened and numbered; the caller's unit of work records it. */
    public static Aggregate<Participant> register(Repository<Currency> currencies, Repository<Participant> participants,
                                                  Repository<Account> accounts, Repository<MemberNumbers> numbers,
                                                  RegisterParticipant command) throws Exception {
        Currencies.require(currencies, command.currency());
        // Refused before the register is even loaded.
        Participant.check(command);
        // First, so that two nodes numbering at once conflict as a retried concurrency conflict (MemberNumbers).
        MemberNumbers.assign(numbers, command.currency(), command.participantId(), command.registeredAt());
        Aggregate<Participant> participant = participants.newInstance(() -> new Participant(command));
        accounts.newInstance(() -> new Account(new OpenAccount(command.accountId(), command.participantId(),
                command.kind(), command.currency(), 0, command.registeredAt())));
        return participant;
    }
}
