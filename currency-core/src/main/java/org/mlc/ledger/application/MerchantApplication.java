package org.mlc.ledger.application;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.participant.Participant;

/** A merchant's application for its agrément: pending until the association approves or rejects it. */
@AggregateRoot
public class MerchantApplication {

    @AggregateIdentifier
    private String id;
    private CurrencyCode currency;
    private String name;
    private ApplicationStatus status;
    /** What the merchant's public profile is made of at approval. */
    private MerchantApplicationSubmitted submitted;

    protected MerchantApplication() {
        // for Axon
    }

    @CommandHandler
    public MerchantApplication(SubmitMerchantApplication c) {
        DomainException.throwIfAny(ApplicationPolicy.merchantRefusal(c));
        apply(new MerchantApplicationSubmitted(c.applicationId(), c.currency(), c.name().strip(), c.siret(),
                c.address().strip(), c.postcode(), c.commune().strip(), c.lat(), c.lon(), c.filiere(),
                c.email().strip(), c.phone(), c.description(), c.website(), c.at()));
    }

    @CommandHandler
    public String handle(RejectMerchantApplication c) {
        requirePending();
        if (c.reason() == null || c.reason().isBlank() || c.reason().length() > Participant.MAX_REASON_LENGTH) {
            throw DomainException.invalid("merchant.reason-required", "reason is required, at most {0} characters",
                    Participant.MAX_REASON_LENGTH).naming("reason");
        }
        apply(new MerchantApplicationRejected(id, c.decidedBy(), c.reason().strip(), c.at()));
        return id;
    }

    /** Records the approval; the handler registered the merchant in the same unit of work. */
    void approve(ApproveMerchantApplication c) {
        apply(new MerchantApplicationApproved(id, c.participantId(), c.accountId(), c.filiere(), c.decidedBy(),
                c.at()));
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
    void on(MerchantApplicationSubmitted event) {
        id = event.applicationId();
        currency = event.currency();
        name = event.name();
        status = ApplicationStatus.PENDING;
        submitted = event;
    }

    MerchantApplicationSubmitted submitted() {
        return submitted;
    }

    @EventSourcingHandler
    void on(MerchantApplicationApproved event) {
        status = ApplicationStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(MerchantApplicationRejected event) {
        status = ApplicationStatus.REJECTED;
    }
}
