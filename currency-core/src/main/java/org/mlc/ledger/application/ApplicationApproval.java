package org.mlc.ledger.application;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.Registrations;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.ApproveMerchant;
import org.mlc.ledger.participant.MemberNumbers;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.PublishMerchantProfile;
import org.mlc.ledger.participant.RegisterParticipant;

/**
 * Accepts an application: registers the participant with its account (and, for a merchant,
 * approves it in its filière, naming who decided) and records the decision on the application,
 * in one unit of work, so that an application is never approved without its participant.
 */
class ApplicationApproval {

    private final Repository<Currency> currencies;
    private final Repository<Participant> participants;
    private final Repository<Account> accounts;
    private final Repository<MemberNumbers> numbers;
    private final Repository<MerchantApplication> merchantApplications;
    private final Repository<MembershipApplication> membershipApplications;

    ApplicationApproval(Repository<Currency> currencies, Repository<Participant> participants,
                        Repository<Account> accounts, Repository<MemberNumbers> numbers,
                        Repository<MerchantApplication> merchantApplications,
                        Repository<MembershipApplication> membershipApplications) {
        this.currencies = currencies;
        this.participants = participants;
        this.accounts = accounts;
        this.numbers = numbers;
        this.merchantApplications = merchantApplications;
        this.membershipApplications = membershipApplications;
    }

    @CommandHandler
    public ApplicationAccepted handle(ApproveMerchantApplication c) throws Exception {
        Aggregate<MerchantApplication> application = Aggregates.loadOr(merchantApplications, c.applicationId(),
                unknown(c.applicationId()));
        application.execute(MerchantApplication::requirePending);
        Aggregate<Participant> merchant = Registrations.register(currencies, participants, accounts, numbers,
                new RegisterParticipant(c.participantId(), ParticipantKind.MERCHANT,
                        application.invoke(MerchantApplication::name), application.invoke(MerchantApplication::currency),
                        c.accountId(), null, c.at()));
        merchant.execute(participant -> participant.handle(new ApproveMerchant(c.participantId(), c.filiere(),
                c.decidedBy(), "application " + c.applicationId(), c.at())));
        // the fields the applicant gave to be shown (they applied to be in the public directory)
        MerchantApplicationSubmitted applied = application.invoke(MerchantApplication::submitted);
        merchant.execute(participant -> participant.handle(new PublishMerchantProfile(c.participantId(),
                applied.address(), applied.postcode(), applied.commune(), applied.lat(), applied.lon(),
                applied.description(), applied.website(), null, c.decidedBy(), c.at())));
        application.execute(pending -> pending.approve(c));
        return new ApplicationAccepted(c.participantId(), c.accountId());
    }

    @CommandHandler
    public ApplicationAccepted handle(AcceptMembershipApplication c) throws Exception {
        Aggregate<MembershipApplication> application = Aggregates.loadOr(membershipApplications, c.applicationId(),
                unknown(c.applicationId()));
        application.execute(MembershipApplication::requirePending);
        Registrations.register(currencies, participants, accounts, numbers,
                new RegisterParticipant(c.participantId(), ParticipantKind.MEMBER,
                        application.invoke(MembershipApplication::name),
                        application.invoke(MembershipApplication::currency), c.accountId(), null, c.at()));
        application.execute(pending -> pending.accept(c));
        return new ApplicationAccepted(c.participantId(), c.accountId());
    }

    private static DomainException unknown(String id) {
        return DomainException.notFound("application.unknown", "unknown application {0}", id);
    }
}
