package org.mlc.ledger.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.domainException;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;

class MerchantApprovalTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");
    private static final ParticipantId SHOP = ParticipantId.of("p-shop");
    private static final AccountId SHOP_ACCOUNT = AccountId.of("acc-shop");

    private FixtureConfiguration<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    private static ParticipantRegistered registered(ParticipantKind kind) {
        return new ParticipantRegistered(SHOP, kind, "Epicerie", BOUSOL, SHOP_ACCOUNT, null, T0);
    }

    private static MerchantApproved approved(String filiere) {
        return new MerchantApproved(SHOP, BOUSOL, filiere, "admin", "visit ok", T0);
    }

    @Test
    void theIssuerApprovesARegisteredMerchantInAFiliereSayingWhoAndWhy() {
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(new ApproveMerchant(SHOP, "ALIMENTATION", "admin", "visit ok", T1))
                .expectEvents(new MerchantApproved(SHOP, BOUSOL, "ALIMENTATION", "admin", "visit ok", T1))
                .expectState(p -> {
                    assertThat(p.merchantStatus()).isEqualTo(MerchantStatus.APPROVED);
                    assertThat(p.receivesLikeAMerchant()).isTrue();
                    assertThat(p.mayReconvert()).isTrue();
                });
    }

    @Test
    void aFiliereOfTheCurrencysOwnIsAccepted() {
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(new ApproveMerchant(SHOP, "ARTISANAT_LOCAL", "admin", "new filière", T1))
                .expectEvents(new MerchantApproved(SHOP, BOUSOL, "ARTISANAT_LOCAL", "admin", "new filière", T1));
    }

    @Test
    void approvingAgainInTheSameFiliereChangesNothingButAnotherFiliereIsRecorded() {
        fixture.given(registered(ParticipantKind.MERCHANT), approved("ALIMENTATION"))
                .when(new ApproveMerchant(SHOP, "ALIMENTATION", "admin", "again", T1))
                .expectNoEvents();
        fixture.given(registered(ParticipantKind.MERCHANT), approved("ALIMENTATION"))
                .when(new ApproveMerchant(SHOP, "HABITAT_DURABLE", "admin", "moved to building", T1))
                .expectEvents(new MerchantApproved(SHOP, BOUSOL, "HABITAT_DURABLE", "admin", "moved to building", T1));
    }

    @Test
    void aSuspendedMerchantCannotBePaidNorReconvertUntilApprovedAgain() {
        fixture.given(registered(ParticipantKind.MERCHANT), approved("ALIMENTATION"))
                .when(new SuspendMerchant(SHOP, "admin", "unpaid membership", T1))
                .expectEvents(new MerchantSuspended(SHOP, "admin", "unpaid membership", T1))
                .expectState(p -> {
                    assertThat(p.receivesLikeAMerchant()).isFalse();
                    assertThat(p.mayReconvert()).isFalse();
                });
        fixture.given(registered(ParticipantKind.MERCHANT), approved("ALIMENTATION"),
                        new MerchantSuspended(SHOP, "admin", "unpaid membership", T0))
                .when(new ApproveMerchant(SHOP, "ALIMENTATION", "admin", "membership paid", T1))
                .expectEvents(new MerchantApproved(SHOP, BOUSOL, "ALIMENTATION", "admin", "membership paid", T1));
    }

    @Test
    void aWithdrawnApprovalIsRecordedOnceAndOnlyForAnApprovedOrSuspendedMerchant() {
        fixture.given(registered(ParticipantKind.MERCHANT), approved("ALIMENTATION"),
                        new MerchantSuspended(SHOP, "admin", "audit", T0))
                .when(new WithdrawMerchant(SHOP, "board", "charter breached", T1))
                .expectEvents(new MerchantApprovalWithdrawn(SHOP, "board", "charter breached", T1))
                .expectState(p -> {
                    assertThat(p.merchantStatus()).isEqualTo(MerchantStatus.WITHDRAWN);
                });
        fixture.given(registered(ParticipantKind.MERCHANT), approved("ALIMENTATION"),
                        new MerchantApprovalWithdrawn(SHOP, "board", "charter breached", T0))
                .when(new WithdrawMerchant(SHOP, "board", "again", T1))
                .expectNoEvents();
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(new WithdrawMerchant(SHOP, "board", "never approved", T1))
                .expectException(domainException(Kind.REFUSED, "merchant-not-approved"));
    }

    @Test
    void onlyAnApprovedMerchantCanBeSuspended() {
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(new SuspendMerchant(SHOP, "admin", "why", T1))
                .expectException(domainException(Kind.REFUSED, "merchant-not-approved"));
    }

    @Test
    void onlyMerchantsHaveAnAgrement() {
        fixture.given(registered(ParticipantKind.MEMBER))
                .when(new ApproveMerchant(SHOP, "ALIMENTATION", "admin", "why", T1))
                .expectException(domainException(Kind.REFUSED, "not-a-merchant"));
    }

    @Test
    void aDecisionNeedsWhoAndWhyAndAValidFiliere() {
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(new ApproveMerchant(SHOP, "ALIMENTATION", "admin", " ", T1))
                .expectException(domainException(Kind.INVALID, "validation"));
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(new ApproveMerchant(SHOP, "ALIMENTATION", null, "ok", T1))
                .expectException(domainException(Kind.INVALID, "validation"));
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(new ApproveMerchant(SHOP, "alimentation", "admin", "ok", T1))
                .expectException(domainException(Kind.INVALID, "validation"));
    }

    @Test
    void collectivitesAndAssociationsHaveNoAgrementToSuspend() {
        // they receive like merchants without one (PaymentRulesTest) and collectivités reconvert
        fixture.given(registered(ParticipantKind.COLLECTIVITE))
                .when(new SuspendMerchant(SHOP, "admin", "n/a", T1))
                .expectException(domainException(Kind.REFUSED, "not-a-merchant"));
        fixture.given(registered(ParticipantKind.ASSOCIATION))
                .when(new WithdrawMerchant(SHOP, "admin", "n/a", T1))
                .expectException(domainException(Kind.REFUSED, "not-a-merchant"));
    }
}
