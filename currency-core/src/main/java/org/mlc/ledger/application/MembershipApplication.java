package org.mlc.ledger.application;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;

/** A person's application to join: pending until an agent or the administrator accepts it. */
@AggregateRoot
public class MembershipApplication {

    @AggregateIdentifier
    private String id;
    private CurrencyCode currency;
    private String name;
    private ApplicationStatus status;

    protected MembershipApplication() {
        // for Axon
    }

    @CommandHandler
    public MembershipApplication(SubmitMembershipApplication c) {
        DomainException.throwIfAny(ApplicationPolicy.membershipRefusal(c));
        apply(new MembershipApplicationSubmitted(c.applicationId(), c.currency(), c.name().strip(),
                c.email().strip(), c.commune().strip(), c.at()));
    }

    void accept(AcceptMembershipApplication c) {
        apply(new MembershipApplicationAccepted(id, c.participantId(), c.accountId(), c.decidedBy(), c.at()));
    }

    void requirePending() {
        if (status != ApplicationStatus.PENDING) {
            throw DomainException.conflict("application-decided", "application.already-decided",
                    "application {0} is {1} already", id, status);
        }
    }

    CurrencyCode currency() {
        return currency;
    }

    String name() {
        return name;
    }

    @EventSourcingHandler
    void on(MembershipApplicationSubmitted event) {
        id = event.applicationId();
        currency = event.currency();
        name = event.name();
        status = ApplicationStatus.PENDING;
    }

    @EventSourcingHandler
    void on(MembershipApplicationAccepted event) {
        status = ApplicationStatus.APPROVED;
    }
}
