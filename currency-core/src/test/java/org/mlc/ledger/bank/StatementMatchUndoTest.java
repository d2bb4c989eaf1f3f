package org.mlc.ledger.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.aid.AnnounceAidFunding;
import org.mlc.ledger.aid.CreateAidProgram;
import org.mlc.ledger.aid.GrantAid;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.bonus.RecordSponsorPayment;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.counter.ConfirmRemittance;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DepositRemittance;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.counter.PrepareRemittance;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.ValueMovement;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.reconversion.FundInflowReversed;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.InflowSource;
import org.mlc.ledger.reconversion.Reconvert;

/** A bank statement match undone by compensation: everything it recorded is reversed, the line can match again. */
class StatementMatchUndoTest {

    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final LocalDate DAY = LocalDate.of(2025, 3, 2);
    private static final CounterId COUNTER = CounterId.of("counter-1");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId GROCER_ACCOUNT = AccountId.of("acc-grocer");
    private static final AccountId CCAS_ACCOUNT = AccountId.of("acc-ccas");
    private static final AidProgramId PROGRAM = AidProgramId.of("prog-1");
    private static final String FUND = GuaranteeFund.idOf(BOUSOL);
    private static final LedgerAccount FUND_BALANCE = LedgerAccount.of("BOUSOL", LedgerAccountKind.GUARANTEE_FUND);

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.startWithTransferSaga();
        ledger.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(100, 100)); // fee 5 %
        ledger.defineCounter(COUNTER, BOUSOL);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, BOUSOL);
        ledger.register(ParticipantId.of("p-grocer"), ParticipantKind.MERCHANT, GROCER_ACCOUNT, BOUSOL, "ALIMENTATION");
        ledger.register(ParticipantId.of("p-ccas"), ParticipantKind.CCAS, CCAS_ACCOUNT, BOUSOL, null);
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-1"), ALICE, 200_00, PaidBy.CASH, Payout.ACCOUNT, T1));
        ledger.send(new MakePayment(BOUSOL, TransferId.of("t-1"), ALICE, GROCER_ACCOUNT, 150_00, null, null, T1));
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private RemittanceId remitted(String id, long eurosMinor) {
        RemittanceId remittance = RemittanceId.of(id);
        ledger.send(new PrepareRemittance(COUNTER, remittance, PaidBy.CASH, eurosMinor, T1));
        ledger.send(new DepositRemittance(COUNTER, remittance, T1));
        return remittance;
    }

    private ImportResult importLines(String statementId, List<StatementLine> lines, BudgetId budget,
                                     FundingId funding) {
        return ledger.send(new ImportBankStatement(BOUSOL, statementId, lines,
                Map.of("rem-1", COUNTER), budget == null ? List.of() : List.of(budget),
                funding == null ? Map.of() : Map.of(funding.value(), PROGRAM), T1));
    }

    private MatchedLine undo(String statementId, int line) {
        return ledger.send(new UndoStatementMatch(BOUSOL, statementId, line, "wrong account", "alice-admin", T2));
    }

    private long balance(LedgerAccount account) {
        return ledger.allEvents().stream().filter(e -> e instanceof ValueMovement)
                .mapToLong(e -> ((ValueMovement) e).postings().netOf(account)).sum();
    }

    private ExchangeCounter.RemittanceStatus remittanceStatus() {
        return ledger.inspect(ExchangeCounter.class, COUNTER.value(),
                c -> c.remittanceStatus(RemittanceId.of("rem-1")));
    }

    private long available() {
        return ledger.inspect(GuaranteeFund.class, FUND, GuaranteeFund::availableMinor);
    }

    private FundingId announcedFunding(long eurosMinor) {
        ledger.send(new CreateAidProgram(PROGRAM, ParticipantId.of("p-ccas"), CCAS_ACCOUNT, BOUSOL, "Aide",
                List.of("ALIMENTATION"), 90, null, T0));
        FundingId funding = FundingId.of("f-1");
        ledger.send(new AnnounceAidFunding(PROGRAM, funding, eurosMinor, null, T0));
        return funding;
    }

    @Test
    void anUndoneRemittanceMatchPutsTheEurosBackAtTheCounterAndTheLineMatchesAgainInALaterImport() {
        remitted("rem-1", 50_00);
        LedgerAccount counterCash = LedgerAccount.of("BOUSOL", LedgerAccountKind.COUNTER_CASH, COUNTER.value());
        long cashBefore = balance(counterCash);
        StatementLine line = new StatementLine(2, DAY, 50_00, "remise", "rem-1");
        importLines("st-1", List.of(line), null, null);
        assertThat(balance(FUND_BALANCE)).isEqualTo(50_00);

        MatchedLine undone = undo("st-1", 2);

        assertThat(undone).isEqualTo(new MatchedLine(2, line.fingerprint(), "MATCHED_REMITTANCE", "rem-1",
                COUNTER.value(), 50_00));
        assertThat(balance(FUND_BALANCE)).isZero();
        assertThat(balance(counterCash)).isEqualTo(cashBefore);
        assertThat(available()).isZero();
        assertThat(remittanceStatus()).isEqualTo(ExchangeCounter.RemittanceStatus.REMITTED);
        assertThat(ledger.eventsOf(FUND)).contains(new FundInflowReversed(BOUSOL, InflowSource.REMITTANCE, "rem-1",
                50_00, "wrong account", "alice-admin", T2));
        assertThat(ledger.eventsOf(FundBankAccount.idOf(BOUSOL))).contains(new StatementMatchUndone(BOUSOL, null,
                "st-1", undone, "wrong account", "alice-admin", T2));

        ImportResult again = importLines("st-2", List.of(line), null, null);
        assertThat(again.lines()).extracting(LineResult::outcome).containsExactly("MATCHED_REMITTANCE");
        assertThat(balance(FUND_BALANCE)).isEqualTo(50_00);
        assertThat(available()).isEqualTo(50_00);
    }

    @Test
    void anUndoneSponsorMatchLeavesTheEurosOutstandingAndThePaymentCanBeRecordedByHand() {
        BudgetId budget = ledger.sponsor(BOUSOL, "b-1", 30_00, 0);
        importLines("st-1", List.of(new StatementLine(2, DAY, 20_00, "sponsor", "b-1")), budget, null);
        assertThat(ledger.inspect(BonusBudget.class, "b-1", BonusBudget::outstandingMinor)).isEqualTo(10_00);

        undo("st-1", 2);

        assertThat(ledger.inspect(BonusBudget.class, "b-1", BonusBudget::outstandingMinor)).isEqualTo(30_00);
        assertThat(balance(FUND_BALANCE)).isZero();
        assertThat(available()).isZero();
        ledger.send(new RecordSponsorPayment(budget, 30_00, "by hand", T2));
        assertThat(balance(FUND_BALANCE)).isEqualTo(30_00);
        assertThat(available()).isEqualTo(30_00);
    }

    @Test
    void anUndoneAidFundingMatchTakesItsUnitsOutOfTheProgrammeAndTheFundingIsAnnouncedAgain() {
        FundingId funding = announcedFunding(10_00);
        importLines("st-1", List.of(new StatementLine(2, DAY, 10_00, "ccas", "f-1")), null, funding);
        LedgerAccount issuance = LedgerAccount.of("BOUSOL", LedgerAccountKind.ISSUANCE);
        long issuedBefore = balance(issuance);

        undo("st-1", 2);

        assertThat(ledger.inspect(AidProgram.class, PROGRAM.value(), AidProgram::balanceMinor)).isZero();
        assertThat(ledger.<AidProgram, Boolean>inspect(AidProgram.class, PROGRAM.value(),
                p -> p.fundingReceived(funding))).isFalse();
        assertThat(balance(issuance)).isEqualTo(issuedBefore + 10_00);
        assertThat(balance(FUND_BALANCE)).isZero();
        ImportResult again = importLines("st-2", List.of(new StatementLine(2, DAY, 10_00, "ccas", "f-1")), null,
                funding);
        assertThat(again.lines()).extracting(LineResult::outcome).containsExactly("MATCHED_AID_FUNDING");
    }

    @Test
    void anAidFundingWhoseUnitsWereGrantedIsNotTakenBack() {
        FundingId funding = announcedFunding(10_00);
        importLines("st-1", List.of(new StatementLine(2, DAY, 10_00, "ccas", "f-1")), null, funding);
        ledger.send(new GrantAid(PROGRAM, GrantId.of("g-1"), ParticipantId.of("p-alice"), ALICE, 5_00, null, T1));
        int events = ledger.allEvents().size();

        assertRefused(() -> undo("st-1", 2), Kind.REFUSED, "aid-funding-spent");

        assertThat(ledger.allEvents()).hasSize(events);
        assertThat(balance(FUND_BALANCE)).isEqualTo(10_00);
    }

    @Test
    void anUndonePayoutMatchLeavesThePayoutOrderedAndAnotherStatementCanConfirmIt() {
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-1", 50_00), "VIR-1", T1));
        ledger.send(new Reconvert(ReconversionId.of("r-1"), BOUSOL, GROCER_ACCOUNT, 20_00, T1)); // 19.00 paid out
        LedgerAccount outside = LedgerAccount.of("BOUSOL", LedgerAccountKind.OUTSIDE);
        LedgerAccount due = LedgerAccount.of("BOUSOL", LedgerAccountKind.PAYOUTS_DUE);
        StatementLine debit = new StatementLine(2, DAY, -19_00, "virement", "r-1");
        importLines("st-1", List.of(debit), null, null);
        long outsideMatched = balance(outside);

        undo("st-1", 2);

        assertThat(ledger.<GuaranteeFund, GuaranteeFund.PayoutStatus>inspect(GuaranteeFund.class, FUND,
                f -> f.statusOf(ReconversionId.of("r-1"))))
                .isEqualTo(GuaranteeFund.PayoutStatus.PAID);
        assertThat(balance(due)).isEqualTo(19_00);
        assertThat(balance(outside)).isEqualTo(outsideMatched - 19_00);
        assertThat(available()).isEqualTo(31_00);
        ImportResult again = importLines("st-2", List.of(debit), null, null);
        assertThat(again.lines()).extracting(LineResult::outcome).containsExactly("MATCHED_PAYOUT");
        assertThat(balance(due)).isZero();
    }

    @Test
    void aCreditTheFundAlreadyPaidOutIsNotTakenBackAndNothingIsRecorded() {
        remitted("rem-1", 50_00);
        importLines("st-1", List.of(new StatementLine(2, DAY, 50_00, "remise", "rem-1")), null, null);
        ledger.send(new Reconvert(ReconversionId.of("r-1"), BOUSOL, GROCER_ACCOUNT, 20_00, T1)); // 19.00 paid out
        int events = ledger.allEvents().size();

        assertThatThrownBy(() -> undo("st-1", 2)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REFUSED);
            assertThat(e.code()).isEqualTo("fund-already-paid-out");
            assertThat(e.getMessage()).isEqualTo("the guarantee fund of BOUSOL received 50.00 EUR and paid out 19.00 EUR: "
                    + "taking back 50.00 EUR would leave it below what it paid out");
        });
        assertThat(ledger.allEvents()).hasSize(events);
        assertThat(remittanceStatus()).isEqualTo(ExchangeCounter.RemittanceStatus.CONFIRMED);
    }

    @Test
    void aLineThatMatchedNothingOrWasUndoneAlreadyIsNotMatched() {
        remitted("rem-1", 50_00);
        importLines("st-1", List.of(new StatementLine(2, DAY, 50_00, "remise", "rem-1"),
                new StatementLine(3, DAY, 12_00, "other", "nothing")), null, null);

        assertRefused(() -> undo("st-1", 3), Kind.CONFLICT, "not-matched");
        assertRefused(() -> undo("st-1", 9), Kind.CONFLICT, "not-matched");
        undo("st-1", 2);
        assertRefused(() -> undo("st-1", 2), Kind.CONFLICT, "not-matched");
        assertThat(balance(FUND_BALANCE)).isZero();
    }

    @Test
    void anUnknownStatementIsNotFound() {
        assertRefused(() -> undo("st-1", 2), Kind.NOT_FOUND, "not-found");
        remitted("rem-1", 50_00);
        importLines("st-1", List.of(new StatementLine(2, DAY, 50_00, "remise", "rem-1")), null, null);
        assertRefused(() -> undo("st-other", 2), Kind.NOT_FOUND, "not-found");
    }

    @Test
    void aReasonIsRequiredAndAtMost500Characters() {
        remitted("rem-1", 50_00);
        importLines("st-1", List.of(new StatementLine(2, DAY, 50_00, "remise", "rem-1")), null, null);

        for (String reason : new String[] {null, "  ", "x".repeat(501)}) {
            assertThatThrownBy(() -> ledger.send(new UndoStatementMatch(BOUSOL, "st-1", 2, reason, "admin", T2)))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.INVALID);
                        assertThat(e.field()).isEqualTo("reason");
                    });
        }
        ledger.send(new UndoStatementMatch(BOUSOL, "st-1", 2, "x".repeat(500), "admin", T2));
    }
}
