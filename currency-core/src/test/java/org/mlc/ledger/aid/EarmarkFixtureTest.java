package org.mlc.ledger.aid;

import static org.mlc.ledger.DomainExceptions.domainException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.account.AccountFixtures;
import org.mlc.ledger.account.AccountOpened;
import org.mlc.ledger.account.EarmarkExpired;
import org.mlc.ledger.account.EarmarkedLotReceived;
import org.mlc.ledger.account.EarmarkedUnitsSpent;
import org.mlc.ledger.account.UnitsIssued;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.payment.TransferDebited;

/** The aggregates' own rules, given/when/then: lots on an account, fundings of a programme. */
class EarmarkFixtureTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId BOB = AccountId.of("acc-bob");
    private static final AidProgramId PROGRAM = AidProgramId.of("prog-1");
    private static final LedgerAccount ALICE_LEDGER =
            LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, ALICE.value());
    private static final LedgerAccount IN_TRANSIT = LedgerAccount.of("BOUSOL", LedgerAccountKind.IN_TRANSIT);
    private static final LedgerAccount ISSUANCE = LedgerAccount.of("BOUSOL", LedgerAccountKind.ISSUANCE);

    private static AccountOpened opened() {
        return new AccountOpened(ALICE, ParticipantId.of("p-alice"), ParticipantKind.MEMBER, BOUSOL, 0, T0);
    }

    private static EarmarkedLotReceived lot(String grant, long unitsMinor, LocalDate expiresOn) {
        return new EarmarkedLotReceived(ALICE, GrantId.of(grant), PROGRAM, unitsMinor, List.of("ALIMENTATION"),
                expiresOn, T0);
    }

    private static UnitsIssued issued(long unitsMinor) {
        return new UnitsIssued(ALICE, BOUSOL, ConversionId.of("c-1"), CounterId.of("counter-1"), unitsMinor,
                Postings.builder().move(ISSUANCE, ALICE_LEDGER, unitsMinor).build(), T0);
    }

    @Test
    void aPaymentOutsideAMerchantUsesFreeUnitsOnly() {
        AccountFixtures.payerFixture()
                .given(opened(), lot("g-1", 50_00, LocalDate.of(2025, 5, 30)), issued(10_00))
                .when(new MakePayment(BOUSOL, TransferId.of("t-1"), ALICE, BOB, 10_00, null, null, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransferDebited(TransferId.of("t-1"), ALICE, BOB, BOUSOL, 10_00, null,
                        Postings.builder().move(ALICE_LEDGER, IN_TRANSIT, 10_00).build(), T0));
    }

    @Test
    void earmarkedUnitsDoNotPayOutsideTheirFilieres() {
        AccountFixtures.payerFixture()
                .given(opened(), lot("g-1", 50_00, LocalDate.of(2025, 5, 30)), issued(10_00))
                .when(new MakePayment(BOUSOL, TransferId.of("t-1"), ALICE, BOB, 10_01, null, null, T0))
                .expectNoEvents()
                .expectException(domainException(Kind.REFUSED, "earmark-not-allowed"));
    }

    @Test
    void spentAndExpiredLotsAreGoneFromTheAccountState() {
        AccountFixtures.payerFixture()
                .given(opened(), lot("g-1", 50_00, LocalDate.of(2025, 5, 30)),
                        new TransferDebited(TransferId.of("t-1"), ALICE, BOB, BOUSOL, 30_00, null,
                                Postings.builder().move(ALICE_LEDGER, IN_TRANSIT, 30_00).build(), T0),
                        new EarmarkedUnitsSpent(ALICE, TransferId.of("t-1"), BOB, "ALIMENTATION",
                                List.of(new EarmarkedUnitsSpent.Draw(GrantId.of("g-1"), PROGRAM, 30_00)), T0),
                        new EarmarkExpired(ALICE, GrantId.of("g-1"), PROGRAM, 20_00, T0))
                // nothing is left: even a cent is more than the balance
                .when(new MakePayment(BOUSOL, TransferId.of("t-2"), ALICE, BOB, 1, null, null, T0))
                .expectNoEvents()
                .expectException(domainException(Kind.REFUSED, "insufficient-funds"));
    }

    @Test
    void aFundingIsConfirmedOnceAndIssuesItsUnitsAtParity() {
        AidProgramCreated created = new AidProgramCreated(PROGRAM, ParticipantId.of("p-ccas"),
                AccountId.of("acc-ccas"), BOUSOL, "Aide", List.of("ALIMENTATION"), 90, null, T0);
        AidFundingAnnounced announced = new AidFundingAnnounced(FundingId.of("f-1"), PROGRAM, BOUSOL, 1_000_00,
                null, T0);
        Postings postings = Postings.builder()
                .move(LedgerAccount.of("BOUSOL", LedgerAccountKind.OUTSIDE),
                        LedgerAccount.of("BOUSOL", LedgerAccountKind.GUARANTEE_FUND), 1_000_00)
                .move(ISSUANCE, LedgerAccount.of("BOUSOL", LedgerAccountKind.AID_PROGRAM, PROGRAM.value()), 1_000_00)
                .build();
        AidFundingReceived received = new AidFundingReceived(FundingId.of("f-1"), PROGRAM, BOUSOL, 1_000_00, "r-1",
                postings, T0);
        var fixture = new AggregateTestFixture<>(AidProgram.class);
        // the confirmation goes through AidProgramHandler, which records the inflow on the fund too
        // (AidProgramTest); here the programme's own rule, on the programme alone
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            FundingId handle(ConfirmAidFunding command) {
                return fixture.getRepository().load(command.programId().value()).invoke(p -> p.handle(command));
            }
        });
        fixture.given(created, announced)
                .when(new ConfirmAidFunding(PROGRAM, FundingId.of("f-1"), "r-1", T0))
                .expectEvents(received);
        fixture.given(created, announced, received)
                .when(new ConfirmAidFunding(PROGRAM, FundingId.of("f-1"), "r-1", T0))
                .expectNoEvents()
                .expectException(domainException(Kind.CONFLICT, "already-confirmed"));
        fixture.given(created)
                .when(new AnnounceAidFunding(PROGRAM, FundingId.of("f-2"), 0, null, T0))
                .expectNoEvents()
                .expectException(domainException(Kind.INVALID, "validation"));
    }
}
