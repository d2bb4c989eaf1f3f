package org.mlc.ledger.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.EarmarkedLot;
import org.mlc.ledger.account.EarmarkExpired;
import org.mlc.ledger.account.EarmarkedUnitsSpent;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.currency.AddFiliere;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.Reconversion;
import org.mlc.ledger.reconversion.Reconvert;
import org.mlc.ledger.reconversion.PayoutRequested;

/** Aid programmes: funding, grants as earmarked lots, spending, expiry with a moved clock, closing. */
class AidProgramTest {

    private static final Instant T1 = T0.plus(Duration.ofHours(1));
    private static final AidProgramId PROGRAM = AidProgramId.of("prog-1");
    private static final ParticipantId CCAS = ParticipantId.of("p-ccas");
    private static final AccountId CCAS_ACCOUNT = AccountId.of("acc-ccas");
    private static final ParticipantId ALICE = ParticipantId.of("p-alice");
    private static final AccountId ALICE_ACCOUNT = AccountId.of("acc-alice");
    private static final AccountId GROCER_ACCOUNT = AccountId.of("acc-grocer");
    private static final AccountId CINEMA_ACCOUNT = AccountId.of("acc-cinema");
    private static final AccountId SHOP_ACCOUNT = AccountId.of("acc-shop");
    private static final AccountId TOWN_ACCOUNT = AccountId.of("acc-town");

    private InMemoryLedger ledger;
    private int next;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.startWithTransferSaga();
        ledger.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(2000, 2100));
        ledger.register(CCAS, ParticipantKind.CCAS, CCAS_ACCOUNT, BOUSOL, null);
        ledger.registerMember(ALICE, ALICE_ACCOUNT, BOUSOL);
        ledger.register(ParticipantId.of("p-grocer"), ParticipantKind.MERCHANT, GROCER_ACCOUNT, BOUSOL, "ALIMENTATION");
        ledger.register(ParticipantId.of("p-cinema"), ParticipantKind.MERCHANT, CINEMA_ACCOUNT, BOUSOL,
                "LOISIRS_CULTURE");
        ledger.register(ParticipantId.of("p-shop"), ParticipantKind.MERCHANT, SHOP_ACCOUNT, BOUSOL, "HABITAT_DURABLE");
        ledger.register(ParticipantId.of("p-town"), ParticipantKind.COLLECTIVITE, TOWN_ACCOUNT, BOUSOL, null);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void createProgram(List<String> filieres, Long monthlyCapMinor) {
        ledger.send(new CreateAidProgram(PROGRAM, CCAS, CCAS_ACCOUNT, BOUSOL, "Aide alimentaire", filieres, 90,
                monthlyCapMinor, T0));
    }

    private void fund(long eurosMinor) {
        FundingId funding = FundingId.of("f-" + next++);
        ledger.send(new AnnounceAidFunding(PROGRAM, funding, eurosMinor, "virement CCAS", T0));
        ledger.send(new ConfirmAidFunding(PROGRAM, funding, "releve 12", T0));
    }

    private GrantResult grant(String grant, long unitsMinor, LocalDate expiresOn, Instant at) {
        return ledger.send(new GrantAid(PROGRAM, GrantId.of(grant), ALICE, ALICE_ACCOUNT, unitsMinor, expiresOn, at));
    }

    private TransferId pay(AccountId to, long amountMinor, Instant at) {
        return ledger.send(new MakePayment(BOUSOL, TransferId.of("t-" + next++), ALICE_ACCOUNT, to, amountMinor, null,
                null, at));
    }

    private long balance(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::balanceMinor);
    }

    private long programBalance() {
        return ledger.inspect(AidProgram.class, PROGRAM.value(), AidProgram::balanceMinor);
    }

    private static long net(List<Object> events, LedgerAccount account) {
        return events.stream().flatMap(e -> postingsOf(e).stream())
                .filter(p -> p.account().equals(account)).mapToLong(Posting::amountMinor).sum();
    }

    private static List<Posting> postingsOf(Object event) {
        try {
            var accessor = event.getClass().getMethod("postings");
            return ((org.mlc.ledger.ledger.Postings) accessor.invoke(event)).lines();
        } catch (NoSuchMethodException e) {
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fundingIssuesUnitsAtParityOnlyOnceTheEurosAreInTheFund() {
        createProgram(List.of("ALIMENTATION"), null);
        ledger.send(new AnnounceAidFunding(PROGRAM, FundingId.of("f-1"), 1_000_00, null, T0));
        assertThat(programBalance()).isZero();
        ledger.send(new ConfirmAidFunding(PROGRAM, FundingId.of("f-1"), "releve", T0));
        assertThat(programBalance()).isEqualTo(1_000_00);
        List<Object> events = ledger.allEvents();
        assertThat(net(events, LedgerAccount.of("BOUSOL", LedgerAccountKind.GUARANTEE_FUND))).isEqualTo(1_000_00);
        assertThat(net(events, LedgerAccount.of("BOUSOL", LedgerAccountKind.AID_PROGRAM, PROGRAM.value())))
                .isEqualTo(1_000_00);
        assertRefused(() -> ledger.send(new ConfirmAidFunding(PROGRAM, FundingId.of("f-1"), null, T0)),
                Kind.CONFLICT, "already-confirmed");
        assertRefused(() -> ledger.send(new ConfirmAidFunding(PROGRAM, FundingId.of("f-9"), null, T0)),
                Kind.NOT_FOUND, "not-found");
    }

    @Test
    void onlyAFunderRunsAProgrammeInFilieresThatExist() {
        assertRefused(() -> ledger.send(new CreateAidProgram(PROGRAM, ALICE, ALICE_ACCOUNT, BOUSOL, "x",
                List.of("ALIMENTATION"), 90, null, T0)), Kind.REFUSED, "funder-not-allowed");
        assertRefused(() -> createProgram(List.of("BOULANGERIE"), null), Kind.REFUSED, "unknown-filiere");
        ledger.send(new AddFiliere(BOUSOL, "BOULANGERIE", T0));
        createProgram(List.of("BOULANGERIE"), null);
        assertThat(ledger.inspect(AidProgram.class, PROGRAM.value(), AidProgram::filieres))
                .containsExactly("BOULANGERIE");
        assertRefused(() -> ledger.send(new CreateAidProgram(AidProgramId.of("prog-2"), CCAS, CCAS_ACCOUNT, BOUSOL,
                "x", List.of("ALIMENTATION"), 0, null, T0)), Kind.INVALID, "validation");
    }

    @Test
    void aCollectiviteAnAssociationAndAnEmployerEachRunAProgrammeGrantAndCloseIt() {
        int n = 0;
        for (ParticipantKind kind : List.of(ParticipantKind.COLLECTIVITE, ParticipantKind.ASSOCIATION,
                ParticipantKind.EMPLOYER)) {
            ParticipantId funder = ParticipantId.of("p-funder-" + kind);
            AccountId funderAccount = AccountId.of("acc-funder-" + kind);
            AidProgramId program = AidProgramId.of("prog-" + kind);
            ledger.register(funder, kind, funderAccount, BOUSOL, null);

            ledger.send(new CreateAidProgram(program, funder, funderAccount, BOUSOL, "Transition", List.of(
                    "ALIMENTATION"), 90, null, T0));
            ledger.send(new AnnounceAidFunding(program, FundingId.of("f-" + kind), 100_00, null, T0));
            ledger.send(new ConfirmAidFunding(program, FundingId.of("f-" + kind), null, T0));
            ledger.send(new GrantAid(program, GrantId.of("g-" + kind), ALICE, ALICE_ACCOUNT, 30_00, null, T1));
            Closing closing = ledger.send(new CloseAidProgram(program, ReconversionId.of("close-" + kind), T1));

            n++;
            assertThat(closing.unitsMinor()).isEqualTo(70_00);
            assertThat(balance(ALICE_ACCOUNT)).isEqualTo(n * 30_00L);
            assertThat(ledger.inspect(AidProgram.class, program.value(), AidProgram::ccas)).isEqualTo(funder);
        }
    }

    @Test
    void aMemberOrAMerchantDoesNotFundAProgrammeAndTheRefusalNamesTheFunder() {
        ledger.register(ParticipantId.of("p-grocer-2"), ParticipantKind.MERCHANT, AccountId.of("acc-grocer-2"),
                BOUSOL, "ALIMENTATION");
        for (var funder : List.of(new Object[] {ALICE, ALICE_ACCOUNT},
                new Object[] {ParticipantId.of("p-grocer-2"), AccountId.of("acc-grocer-2")})) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.send(new CreateAidProgram(PROGRAM,
                    (ParticipantId) funder[0], (AccountId) funder[1], BOUSOL, "x", List.of("ALIMENTATION"), 90, null,
                    T0))).isInstanceOfSatisfying(org.mlc.ledger.common.DomainException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo("funder-not-allowed");
                        assertThat(refusal.field()).isEqualTo("funder");
                    });
        }
        assertThat(ledger.eventsOf(PROGRAM.value())).isEmpty();
    }

    @Test
    void aFunderNamingAnotherParticipantsAccountIsRefused() {
        assertRefused(() -> ledger.send(new CreateAidProgram(PROGRAM, CCAS, TOWN_ACCOUNT, BOUSOL, "x",
                List.of("ALIMENTATION"), 90, null, T0)), Kind.REFUSED, "funder-not-allowed");
    }

    @Test
    void aFunderOfAnotherCurrencyIsRefusedNamingTheFunder() {
        ledger.defineLaRoue();
        ParticipantId employer = ParticipantId.of("p-employer-roue");
        AccountId employerAccount = AccountId.of("acc-employer-roue");
        ledger.register(employer, ParticipantKind.EMPLOYER, employerAccount, org.mlc.ledger.InMemoryLedger.LAROUE,
                null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.send(new CreateAidProgram(PROGRAM, employer,
                employerAccount, BOUSOL, "x", List.of("ALIMENTATION"), 90, null, T0)))
                .isInstanceOfSatisfying(org.mlc.ledger.common.DomainException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("currency-mismatch");
                    assertThat(refusal.field()).isEqualTo("funder");
                });
    }

    @Test
    void aGrantIsAnEarmarkedLotTakenFromTheProgramme() {
        createProgram(List.of("ALIMENTATION"), null);
        fund(1_000_00);
        GrantResult result = grant("g-1", 50_00, null, T1);
        assertThat(result.outcome()).isEqualTo(GrantOutcome.GRANTED);
        assertThat(result.expiresOn()).isEqualTo(LocalDate.of(2025, 5, 30)); // 90 days after 2025-03-01
        assertThat(programBalance()).isEqualTo(950_00);
        assertThat(balance(ALICE_ACCOUNT)).isEqualTo(50_00);
        List<EarmarkedLot> lots = ledger.inspect(Account.class, ALICE_ACCOUNT.value(), Account::lots);
        assertThat(lots).containsExactly(new EarmarkedLot(GrantId.of("g-1"), PROGRAM, 50_00, List.of("ALIMENTATION"),
                LocalDate.of(2025, 5, 30)));
        assertThat(ledger.inspect(Account.class, ALICE_ACCOUNT.value(), Account::freeMinor)).isZero();
        // the same grant again grants nothing more
        assertThat(grant("g-1", 50_00, null, T1).outcome()).isEqualTo(GrantOutcome.ALREADY_GRANTED);
        assertThat(balance(ALICE_ACCOUNT)).isEqualTo(50_00);
    }

    @Test
    void badGrantsAreRefusedAndChangeNothing() {
        createProgram(List.of("ALIMENTATION"), 80_00L);
        fund(100_00);
        assertRefused(() -> grant("g-1", 100_01, null, T1), Kind.REFUSED, "insufficient-programme-funds");
        assertRefused(() -> grant("g-2", 10_00, LocalDate.of(2025, 2, 28), T1), Kind.INVALID, "validation");
        assertRefused(() -> ledger.send(new GrantAid(PROGRAM, GrantId.of("g-3"), ParticipantId.of("p-grocer"),
                GROCER_ACCOUNT, 10_00, null, T1)), Kind.REFUSED, "beneficiary-not-member");
        assertRefused(() -> ledger.send(new GrantAid(PROGRAM, GrantId.of("g-4"), ALICE, AccountId.of("nobody"),
                10_00, null, T1)), Kind.NOT_FOUND, "not-found");
        assertRefused(() -> ledger.send(new GrantAid(AidProgramId.of("nope"), GrantId.of("g-5"), ALICE,
                ALICE_ACCOUNT, 10_00, null, T1)), Kind.NOT_FOUND, "not-found");
        grant("g-6", 60_00, null, T1);
        assertRefused(() -> grant("g-7", 20_01, null, T1), Kind.REFUSED, "monthly-cap-reached");
        // next month the cap starts again
        assertThat(grant("g-8", 20_01, null, T1.plus(Duration.ofDays(31))).outcome()).isEqualTo(GrantOutcome.GRANTED);
        assertThat(programBalance()).isEqualTo(100_00 - 60_00 - 20_01);
        assertThat(balance(ALICE_ACCOUNT)).isEqualTo(60_00 + 20_01);
    }

    @Test
    void aBatchGrantsTheGoodLinesAndReportsTheBadOnes() {
        createProgram(List.of("ALIMENTATION"), null);
        fund(100_00);
        List<GrantResult> results = ledger.send(new GrantAidBatch(PROGRAM, List.of(
                new GrantAid(PROGRAM, GrantId.of("b-1"), ALICE, ALICE_ACCOUNT, 30_00, null, T1),
                new GrantAid(PROGRAM, GrantId.of("b-2"), ALICE, AccountId.of("nobody"), 30_00, null, T1),
                new GrantAid(PROGRAM, GrantId.of("b-3"), ALICE, ALICE_ACCOUNT, 80_00, null, T1),
                new GrantAid(PROGRAM, GrantId.of("b-1"), ALICE, ALICE_ACCOUNT, 30_00, null, T1),
                new GrantAid(PROGRAM, GrantId.of("b-4"), ALICE, ALICE_ACCOUNT, 70_00, null, T1))));
        assertThat(results).extracting(GrantResult::outcome).containsExactly(GrantOutcome.GRANTED, GrantOutcome.REFUSED,
                GrantOutcome.REFUSED, GrantOutcome.ALREADY_GRANTED, GrantOutcome.GRANTED);
        assertThat(results.get(1).code()).isEqualTo("not-found");
        assertThat(results.get(2).code()).isEqualTo("insufficient-programme-funds");
        assertThat(programBalance()).isZero();
        assertThat(balance(ALICE_ACCOUNT)).isEqualTo(100_00);
    }

    @Test
    void earmarkedUnitsPayOnlyMerchantsOfTheirFilieresSoonestExpiryFirst() {
        createProgram(List.of("ALIMENTATION"), null);
        fund(1_000_00);
        grant("late", 30_00, LocalDate.of(2025, 6, 30), T1);
        grant("soon", 20_00, LocalDate.of(2025, 4, 30), T1);
        // a payment elsewhere may use free units only
        assertRefused(() -> pay(CINEMA_ACCOUNT, 10_00, T1), Kind.REFUSED, "earmark-not-allowed");
        assertRefused(() -> pay(TOWN_ACCOUNT, 10_00, T1), Kind.REFUSED, "earmark-not-allowed");
        assertRefused(() -> pay(GROCER_ACCOUNT, 50_01, T1), Kind.REFUSED, "insufficient-funds");
        TransferId paid = pay(GROCER_ACCOUNT, 25_00, T1);
        EarmarkedUnitsSpent spent = ledger.eventsOf(ALICE_ACCOUNT.value()).stream()
                .filter(EarmarkedUnitsSpent.class::isInstance).map(EarmarkedUnitsSpent.class::cast)
                .filter(e -> e.transferId().equals(paid)).findFirst().orElseThrow();
        assertThat(spent.draws()).containsExactly(
                new EarmarkedUnitsSpent.Draw(GrantId.of("soon"), PROGRAM, 20_00),
                new EarmarkedUnitsSpent.Draw(GrantId.of("late"), PROGRAM, 5_00));
        assertThat(balance(GROCER_ACCOUNT)).isEqualTo(25_00);
        assertThat(ledger.inspect(Account.class, ALICE_ACCOUNT.value(), Account::lots))
                .extracting(EarmarkedLot::grantId, EarmarkedLot::remainingMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GrantId.of("late"), 25_00L));
    }

    @Test
    void freeUnitsPayAnywhereAndAfterTheEarmarkedOnes() {
        createProgram(List.of("ALIMENTATION"), null);
        fund(1_000_00);
        grant("g-1", 20_00, null, T1);
        // Alice gets 15.00 of free units back from the grocer as a refund of an earmarked payment
        TransferId bought = pay(GROCER_ACCOUNT, 15_00, T1);
        ledger.send(new MakePayment(BOUSOL, TransferId.of("refund-1"), GROCER_ACCOUNT, ALICE_ACCOUNT, 15_00, null,
                bought, T1));
        assertThat(ledger.inspect(Account.class, ALICE_ACCOUNT.value(), Account::freeMinor)).isEqualTo(15_00);
        assertThat(ledger.inspect(Account.class, ALICE_ACCOUNT.value(), Account::earmarkedMinor)).isEqualTo(5_00);
        pay(CINEMA_ACCOUNT, 10_00, T1); // free units only
        TransferId mixed = pay(GROCER_ACCOUNT, 8_00, T1); // the 5.00 earmarked first, then 3.00 free
        EarmarkedUnitsSpent spent = ledger.eventsOf(ALICE_ACCOUNT.value()).stream()
                .filter(EarmarkedUnitsSpent.class::isInstance).map(EarmarkedUnitsSpent.class::cast)
                .filter(e -> e.transferId().equals(mixed)).findFirst().orElseThrow();
        assertThat(spent.totalMinor()).isEqualTo(5_00);
        assertThat(balance(ALICE_ACCOUNT)).isEqualTo(2_00);
        assertThat(ledger.inspect(Account.class, ALICE_ACCOUNT.value(), Account::lots)).isEmpty();
    }

    @Test
    void atExpiryTheUnspentUnitsReturnToTheProgrammeOnce() {
        createProgram(List.of("ALIMENTATION"), null);
        fund(1_000_00);
        grant("g-1", 50_00, null, T1); // expires 2025-05-30
        pay(GROCER_ACCOUNT, 30_00, T1);
        // on the expiry date itself the lot still pays and nothing expires
        Instant lastDay = Instant.parse("2025-05-30T20:00:00Z"); // 22:00 in Paris
        ExpireEarmarks onLastDay = new ExpireEarmarks(ALICE_ACCOUNT, LocalDate.of(2025, 5, 30), lastDay);
        assertThat(ledger.<Expiry>send(onLastDay).lots()).isZero();
        pay(GROCER_ACCOUNT, 1_00, lastDay);
        // the day after, it no longer pays
        Instant dayAfter = Instant.parse("2025-05-30T22:30:00Z"); // 00:30 on the 31st in Paris
        assertRefused(() -> pay(GROCER_ACCOUNT, 1_00, dayAfter), Kind.REFUSED, "earmark-not-allowed");
        Expiry expiry = ledger.send(new ExpireEarmarks(ALICE_ACCOUNT, LocalDate.of(2025, 5, 31),
                dayAfter));
        assertThat(expiry).isEqualTo(new Expiry(1, 19_00));
        assertThat(balance(ALICE_ACCOUNT)).isZero();
        assertThat(programBalance()).isEqualTo(1_000_00 - 50_00 + 19_00);
        assertThat(ledger.eventsOf(ALICE_ACCOUNT.value())).filteredOn(EarmarkExpired.class::isInstance).hasSize(1);
        // run again: nothing left to return
        assertThat(ledger.<Expiry>send(new ExpireEarmarks(ALICE_ACCOUNT, LocalDate.of(2025, 6, 1),
                dayAfter)).lots()).isZero();
        assertThat(programBalance()).isEqualTo(969_00);
    }

    @Test
    void closingPaysTheUnspentUnitsOutToTheCcasWithoutFee() {
        createProgram(List.of("ALIMENTATION"), null);
        fund(1_000_00);
        grant("g-1", 50_00, null, T1);
        Closing closing = ledger.send(new CloseAidProgram(PROGRAM, ReconversionId.of("close-1"), T1));
        assertThat(closing.unitsMinor()).isEqualTo(950_00);
        assertThat(programBalance()).isZero();
        PayoutRequested payout = ledger.eventsOf(GuaranteeFund.idOf(BOUSOL)).stream()
                .filter(PayoutRequested.class::isInstance).map(PayoutRequested.class::cast).findFirst().orElseThrow();
        assertThat(payout.eurosMinor()).isEqualTo(950_00);
        assertThat(payout.accountId()).isEqualTo(CCAS_ACCOUNT);
        assertRefused(() -> grant("g-2", 1_00, null, T1), Kind.REFUSED, "programme-closed");
        assertRefused(() -> ledger.send(new AnnounceAidFunding(PROGRAM, FundingId.of("f-x"), 1_00, null, T1)),
                Kind.REFUSED, "programme-closed");
        // the grant expires after the closing: its units come back and a second closing pays them out
        ledger.send(new ExpireEarmarks(ALICE_ACCOUNT, LocalDate.of(2025, 6, 1), Instant.parse("2025-06-01T08:00:00Z")));
        assertThat(programBalance()).isEqualTo(50_00);
        Closing again = ledger.send(new CloseAidProgram(PROGRAM, ReconversionId.of("close-2"), T1));
        assertThat(again.unitsMinor()).isEqualTo(50_00);
        assertThat(programBalance()).isZero();
    }

    @Test
    void closingCannotPayMoreThanTheFundHolds() {
        createProgram(List.of("ALIMENTATION"), null);
        fund(100_00);
        // a merchant reconverts units bought at a counter whose euros are not remitted yet: the fund
        // pays them out of what it holds, the programme's euros, and has less than 100.00 left
        CounterId counter = CounterId.of("counter-1");
        ledger.defineCounter(counter, BOUSOL);
        ledger.send(new ConvertEuros(counter, ConversionId.of("c-1"), ALICE_ACCOUNT, 20_00, PaidBy.CASH,
                Payout.ACCOUNT, T1));
        pay(GROCER_ACCOUNT, 10_00, T1);
        assertThat(ledger.<Reconversion>send(new Reconvert(ReconversionId.of("rec-1"), BOUSOL, GROCER_ACCOUNT,
                10_00, T1)).eurosMinor()).isPositive();
        assertRefused(() -> ledger.send(new CloseAidProgram(PROGRAM, ReconversionId.of("close-1"), T1)),
                Kind.REFUSED, "insufficient-fund");
        assertThat(programBalance()).isEqualTo(100_00);
        assertThat(ledger.inspect(AidProgram.class, PROGRAM.value(), AidProgram::closed)).isFalse();
    }
}
