package org.mlc.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.MerchantApproved;
import org.mlc.ledger.participant.MerchantProfilePublished;
import org.mlc.ledger.participant.MerchantStatus;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.participant.ParticipantKind;

class ApplicationsTest {

    /** A SIRET with a valid Luhn check digit (the one of a well-known company). */
    static final String SIRET = "73282932000074";
    private static final ParticipantId SHOP = ParticipantId.of("p-shop");
    private static final AccountId SHOP_ACCOUNT = AccountId.of("acc-shop");

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineBousol();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    static SubmitMerchantApplication application(String id, String siret, boolean charter) {
        return new SubmitMerchantApplication(id, BOUSOL, "Épicerie du Port", siret, "1 quai Est", "17000",
                "La Rochelle", "46.1591", "-1.1520", "ALIMENTATION", "epicerie@example.org", null, null, null,
                charter, T0);
    }

    @Test
    void siretChecksTheLuhnDigitAndLaPostesSumOfDigitsRule() {
        assertThat(ApplicationPolicy.validSiret(SIRET)).isTrue();
        assertThat(ApplicationPolicy.validSiret("73282932000075")).isFalse();
        assertThat(ApplicationPolicy.validSiret("7328293200007")).isFalse();
        assertThat(ApplicationPolicy.validSiret("7328293200007A")).isFalse();
        // La Poste's head office passes Luhn; an office numbered past it only by the sum of its digits
        assertThat(ApplicationPolicy.validSiret("35600000000048")).isTrue();
        assertThat(ApplicationPolicy.luhn("35600000049837")).isFalse();
        assertThat(ApplicationPolicy.validSiret("35600000049837")).isTrue();
        assertThat(ApplicationPolicy.validSiret("35600000049838")).isFalse();
    }

    @Test
    void anApplicationWithABadSiretOrWithoutTheCharterIsRefusedNamingItsField() {
        assertThatThrownBy(() -> ledger.send(application("a-1", "73282932000075", true)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("siret"));
        assertThatThrownBy(() -> ledger.send(application("a-1", SIRET, false)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("charterAccepted"));
        assertThat(ledger.eventsOf("a-1")).isEmpty();
    }

    @Test
    void anApprovalRegistersTheMerchantApprovedByWhoDecidedAndCannotBeRepeated() {
        ledger.send(application("a-2", SIRET, true));

        ApplicationAccepted accepted = ledger.send(new ApproveMerchantApplication("a-2", SHOP, SHOP_ACCOUNT,
                "ALIMENTATION", "alice", T0));

        assertThat(accepted).isEqualTo(new ApplicationAccepted(SHOP, SHOP_ACCOUNT));
        assertThat(ledger.inspect(Participant.class, SHOP.value(), Participant::merchantStatus))
                .isEqualTo(MerchantStatus.APPROVED);
        assertThat(ledger.inspect(Participant.class, SHOP.value(), Participant::kind))
                .isEqualTo(ParticipantKind.MERCHANT);
        assertThat(ledger.eventsOf(SHOP.value())).contains(new MerchantApproved(SHOP, BOUSOL, "ALIMENTATION",
                "alice", "application a-2", T0));
        assertThat(ledger.eventsOf(SHOP.value())).last().isEqualTo(new MerchantProfilePublished(SHOP, BOUSOL,
                "1 quai Est", "17000", "La Rochelle", "46.1591", "-1.1520", null, null, null, "alice", T0));
        assertThat(ledger.eventsOf("a-2")).last().isEqualTo(new MerchantApplicationApproved("a-2", SHOP,
                SHOP_ACCOUNT, "ALIMENTATION", "alice", T0));
        assertThatThrownBy(() -> ledger.send(new RejectMerchantApplication("a-2", "too late", "bob", T0)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void aRejectionKeepsWhoAndWhyAndRegistersNobody() {
        ledger.send(application("a-3", SIRET, true));

        ledger.send(new RejectMerchantApplication("a-3", "outside the territory", "alice", T0));

        assertThat(ledger.eventsOf("a-3")).last().isEqualTo(new MerchantApplicationRejected("a-3", "alice",
                "outside the territory", T0));
        assertThatThrownBy(() -> ledger.send(new ApproveMerchantApplication("a-3", SHOP, SHOP_ACCOUNT,
                "ALIMENTATION", "bob", T0))).isInstanceOf(DomainException.class);
        assertThat(ledger.eventsOf(SHOP.value())).isEmpty();
    }

    @Test
    void anAcceptedMembershipApplicationRegistersTheMember() {
        ledger.send(new SubmitMembershipApplication("m-1", BOUSOL, "Jeanne Martin", "jeanne@example.org",
                "La Rochelle", T0));

        ledger.send(new AcceptMembershipApplication("m-1", SHOP, SHOP_ACCOUNT, "agent", T0));

        assertThat(ledger.inspect(Participant.class, SHOP.value(), Participant::kind))
                .isEqualTo(ParticipantKind.MEMBER);
        assertThat(ledger.eventsOf("m-1")).last().isEqualTo(new MembershipApplicationAccepted("m-1", SHOP,
                SHOP_ACCOUNT, "agent", T0));
    }
}
