package org.mlc.ledger.participant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.regex.Pattern;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;

/** A member, merchant, association, collectivité or CCAS. Created by {@link ParticipantRegistration}. */
@AggregateRoot
public class Participant {

    public static final int MAX_NAME_LENGTH = 200;
    public static final Pattern FILIERE = Pattern.compile("[A-Z][A-Z_]{1,39}");

    @AggregateIdentifier
    private ParticipantId id;
    private ParticipantKind kind;

    protected Participant() {
        // for Axon
    }

    Participant(RegisterParticipant command) {
        if (command.kind() == null) {
            throw DomainException.invalid("kind is required: MEMBER, MERCHANT, ASSOCIATION, COLLECTIVITE or CCAS");
        }
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("name is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        if (command.filiere() != null && !FILIERE.matcher(command.filiere()).matches()) {
            throw DomainException.invalid("filiere must be a code like ALIMENTATION");
        }
        apply(new ParticipantRegistered(command.participantId(), command.kind(), command.name().strip(),
                command.currency(), command.accountId(), command.filiere(), command.registeredAt()));
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        id = event.participantId();
        kind = event.kind();
    }

    public ParticipantId id() {
        return id;
    }

    public ParticipantKind kind() {
        return kind;
    }
}
