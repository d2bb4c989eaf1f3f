package org.mlc.ledger.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.bank.ImportBankStatement;
import org.mlc.ledger.bank.ImportResult;
import org.mlc.ledger.bank.StatementLine;
import org.mlc.ledger.bank.UndoStatementMatch;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.ValueMovement;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.reconversion.FundInflowRecorded;
import org.mlc.ledger.reconversion.InflowSource;

/** Direct issuances: filing, the euros in (by hand or by the bank), the lines issued once each. */
class IssuanceTest {

    private static final Instant T1 = T0.plus(Duration.ofHours(1));
    private static final IssuanceId ISSUANCE = IssuanceId.of("iss-1");
    private static final ParticipantId CITY = ParticipantId.of("p-city");
    private static final AccountId CITY_ACCOUNT = AccountId.of("acc-city");
    private static final ParticipantId ALICE = ParticipantId.of("p-alice");
    private static final AccountId ALICE_ACCOUNT = AccountId.of("acc-alice");
    private static final ParticipantId BOB = ParticipantId.of("p-bob");
    private static final AccountId BOB_ACCOUNT = AccountId.of("acc-bob");
    private static final ParticipantId CLUB = ParticipantId.of("p-club");
    private static final AccountId CLUB_ACCOUNT = AccountId.of("acc-club");

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.startWithTransferSaga();
        ledger.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(2000, 2100));
        ledger.defineCurrency(LAROUE, "La Roue", new ConversionPolicy(100, 100));
        ledger.register(CITY, ParticipantKind.COLLECTIVITE, CITY_ACCOUNT, BOUSOL, null);
        ledger.registerMember(ALICE, ALICE_ACCOUNT, BOUSOL);
        ledger.registerMember(BOB, BOB_ACCOUNT, BOUSOL);
        ledger.register(CLUB, ParticipantKind.ASSOCIATION, CLUB_ACCOUNT, BOUSOL, null);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private static IssuanceLine line(String key, ParticipantId recipient, AccountId account, long unitsMinor) {
        return new IssuanceLine(key, recipient, account, unitsMinor, "indemnité " + key);
    }

    private IssuanceId file(List<IssuanceLine> lines) {
        return ledger.send(new FileIssuance(ISSUANCE, BOUSOL, CITY, CITY_ACCOUNT, "indemnités mars", lines, "admin",
                T0));
    }

    private List<IssuanceLine> threeLines() {
        return List.of(line("a", ALICE, ALICE_ACCOUNT, 300_00), line("b", BOB, BOB_ACCOUNT, 300_00),
                line("c", CLUB, CLUB_ACCOUNT, 150_00));
    }

    private long balance(LedgerAccount account) {
        return ledger.allEvents().stream().filter(e -> e instanceof ValueMovement)
                .mapToLong(e -> ((ValueMovement) e).postings().netOf(account)).sum();
    }

    private long fund() {
        return balance(LedgerAccount.of("BOUSOL", LedgerAccountKind.GUARANTEE_FUND));
    }

    private long held(AccountId account) {
        return ledger.inspect(Account.class, account.value(), Account::balanceMinor);
    }

    @Test
    void aFiledIssuanceOwesItsEurosAtParityAndIssuesNothingBeforeTheyAreIn() {
        file(threeLines());

        assertThat(ledger.inspect(Issuance.class, ISSUANCE.value(), Issuance::eurosMinor)).isEqualTo(750_00);
        assertThat(ledger.inspect(Issuance.class, ISSUANCE.value(), Issuance::status))
                .isEqualTo(Issuance.Status.AWAITING_FUNDS);
        assertThat(ledger.allEvents()).noneMatch(e -> e instanceof ValueMovement v && !v.postings().lines().isEmpty()
                && e.getClass().getPackageName().endsWith("issuance"));
        List<IssuanceLineResult> results = ledger.send(new IssueIssuanceLines(ISSUANCE, List.of("a"), T1));
        assertThat(results).extracting(IssuanceLineResult::code).containsExactly("issuance-not-funded");
        assertThat(held(ALICE_ACCOUNT)).isZero();
    }

    @Test
    void confirmedEurosEnterTheFundAndEachLineIsIssuedOnceWithoutBonus() {
        file(threeLines());
        ledger.send(new ConfirmIssuanceFunds(ISSUANCE, null, "admin", T1));
        assertThat(fund()).isEqualTo(750_00);
        assertThat(ledger.allEvents()).anySatisfy(e -> assertThat(e)
                .isEqualTo(new FundInflowRecorded(BOUSOL, InflowSource.ISSUANCE, "iss-1", 750_00, T1)));

        List<IssuanceLineResult> first = ledger.send(new IssueIssuanceLines(ISSUANCE, List.of("a", "b", "c"), T1));
        List<IssuanceLineResult> again = ledger.send(new IssueIssuanceLines(ISSUANCE, List.of("a", "b", "c"), T1));

        assertThat(first).extracting(IssuanceLineResult::outcome).containsOnly(IssuanceLineResult.ISSUED);
        assertThat(again).extracting(IssuanceLineResult::outcome).containsOnly(IssuanceLineResult.ALREADY_ISSUED);
        assertThat(held(ALICE_ACCOUNT)).isEqualTo(300_00);
        assertThat(held(BOB_ACCOUNT)).isEqualTo(300_00);
        assertThat(held(CLUB_ACCOUNT)).isEqualTo(150_00);
        assertThat(balance(LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, ALICE_ACCOUNT.value())))
                .isEqualTo(300_00);
        // units issued equal the euros in: nothing more (no bonus), nothing less
        assertThat(-balance(LedgerAccount.of("BOUSOL", LedgerAccountKind.ISSUANCE))).isEqualTo(fund());
        assertThat(fund()).isEqualTo(300_00 + 300_00 + 150_00);
    }

    @Test
    void aSecondConfirmationIsAConflict() {
        file(threeLines());
        ledger.send(new ConfirmIssuanceFunds(ISSUANCE, null, "admin", T1));

        assertRefused(() -> ledger.send(new ConfirmIssuanceFunds(ISSUANCE, null, "admin", T1)), Kind.CONFLICT,
                "already-confirmed");
        assertThat(fund()).isEqualTo(750_00);
    }

    @Test
    void aFunderThatIsNotACollectiviteIsRefusedNamingTheFunder() {
        assertThatThrownBy(() -> ledger.send(new FileIssuance(ISSUANCE, BOUSOL, CLUB, CLUB_ACCOUNT, "ref",
                List.of(line("a", ALICE, ALICE_ACCOUNT, 100)), "admin", T0)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("funder-not-allowed");
                    assertThat(e.field()).isEqualTo("funder");
                });
    }

    @Test
    void badLinesAreRefusedNamingTheLineAndNothingIsFiled() {
        ledger.registerMember(ParticipantId.of("p-roue"), AccountId.of("acc-roue"), LAROUE);
        record Case(List<IssuanceLine> lines, Kind kind, String field) {
        }
        List<Case> cases = List.of(
                new Case(List.of(line("a", ALICE, ALICE_ACCOUNT, 100), line("a", BOB, BOB_ACCOUNT, 100)),
                        Kind.INVALID, "lines[1].key"),
                new Case(List.of(line("a", ALICE, ALICE_ACCOUNT, 100), line("b", BOB, BOB_ACCOUNT, 0)),
                        Kind.INVALID, "lines[1].units"),
                new Case(List.of(line("a", ALICE, ALICE_ACCOUNT, 100),
                        line("b", ParticipantId.of("p-ghost"), AccountId.of("acc-ghost"), 100)),
                        Kind.NOT_FOUND, "lines[1].recipient"),
                new Case(List.of(line("a", ParticipantId.of("p-roue"), AccountId.of("acc-roue"), 100)),
                        Kind.REFUSED, "lines[0].recipient"),
                new Case(List.of(line("a", ALICE, ALICE_ACCOUNT, 100), line("b", CITY, CITY_ACCOUNT, 100)),
                        Kind.REFUSED, "lines[1].recipient"),
                new Case(IntStream.range(0, IssuancePolicy.MAX_LINES + 1)
                        .mapToObj(i -> line("k" + i, ALICE, ALICE_ACCOUNT, 1)).toList(), Kind.INVALID, "lines"));
        for (Case c : cases) {
            assertThatThrownBy(() -> file(c.lines())).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).as(e.getMessage()).isEqualTo(c.kind());
                assertThat(e.field()).as(e.getMessage()).isEqualTo(c.field());
            });
        }
        assertThat(ledger.eventsOf(ISSUANCE.value())).isEmpty();
    }

    @Test
    void aLineWhoseAccountWasFrozenSinceTheFilingIsRefusedAndGetsNoUnits() {
        file(threeLines());
        ledger.send(new FreezeAccount(BOB_ACCOUNT, "enquête", T0));
        ledger.send(new ConfirmIssuanceFunds(ISSUANCE, null, "admin", T1));

        List<IssuanceLineResult> results = ledger.send(new IssueIssuanceLines(ISSUANCE, List.of("a", "b"), T1));

        assertThat(results).extracting(IssuanceLineResult::outcome)
                .containsExactly(IssuanceLineResult.ISSUED, IssuanceLineResult.REFUSED);
        assertThat(held(BOB_ACCOUNT)).isZero();
        assertThat(ledger.<Issuance, Issuance.LineStatus>inspect(Issuance.class, ISSUANCE.value(), i -> i.lineStatus("b")))
                .isEqualTo(Issuance.LineStatus.REFUSED);
    }

    @Test
    void aBankLineWithTheIssuanceIdAsReferenceConfirmsItAndItsUndoTakesTheEurosBack() {
        file(threeLines());
        StatementLine bankLine = new StatementLine(2, LocalDate.of(2025, 3, 1), 750_00, "VIR MAIRIE", "iss-1");
        ImportResult result = ledger.send(new ImportBankStatement(BOUSOL, "st-1", List.of(bankLine), Map.of(),
                List.of(), Map.of(), null, List.of(ISSUANCE), T1));

        assertThat(result.lines().get(0).outcome()).isEqualTo("MATCHED_ISSUANCE");
        assertThat(ledger.inspect(Issuance.class, ISSUANCE.value(), Issuance::status))
                .isEqualTo(Issuance.Status.FUNDED);
        assertThat(fund()).isEqualTo(750_00);

        ledger.send(new UndoStatementMatch(BOUSOL, "st-1", 2, "wrong payer", "admin", T1));

        assertThat(fund()).isZero();
        assertThat(ledger.inspect(Issuance.class, ISSUANCE.value(), Issuance::status))
                .isEqualTo(Issuance.Status.AWAITING_FUNDS);
    }

    @Test
    void aBankLineOfAnotherAmountDoesNotConfirm() {
        file(threeLines());
        StatementLine bankLine = new StatementLine(2, LocalDate.of(2025, 3, 1), 700_00, "VIR MAIRIE", "iss-1");
        ImportResult result = ledger.send(new ImportBankStatement(BOUSOL, "st-1", List.of(bankLine), Map.of(),
                List.of(), Map.of(), null, List.of(ISSUANCE), T1));

        assertThat(result.lines().get(0).outcome()).isEqualTo("MISMATCHED");
        assertThat(fund()).isZero();
    }

    @Test
    void aMatchIsNotUndoneOnceUnitsWentToTheRecipients() {
        file(threeLines());
        StatementLine bankLine = new StatementLine(2, LocalDate.of(2025, 3, 1), 750_00, "VIR MAIRIE", "iss-1");
        ledger.send(new ImportBankStatement(BOUSOL, "st-1", List.of(bankLine), Map.of(), List.of(), Map.of(), null,
                List.of(ISSUANCE), T1));
        ledger.send(new IssueIssuanceLines(ISSUANCE, List.of("a"), T1));

        assertRefused(() -> ledger.send(new UndoStatementMatch(BOUSOL, "st-1", 2, "wrong payer", "admin", T1)),
                Kind.REFUSED, "issuance-lines-issued");
        assertThat(fund()).isEqualTo(750_00);
    }
}
