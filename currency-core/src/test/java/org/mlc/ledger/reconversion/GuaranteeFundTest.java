package org.mlc.ledger.reconversion;

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
import org.mlc.ledger.aid.AnnounceAidFunding;
import org.mlc.ledger.aid.ConfirmAidFunding;
import org.mlc.ledger.aid.CreateAidProgram;
import org.mlc.ledger.bank.ImportBankStatement;
import org.mlc.ledger.bank.StatementLine;
import org.mlc.ledger.bonus.RecordSponsorPayment;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.counter.ConfirmRemittance;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DepositRemittance;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.counter.PrepareRemittance;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;

/** The fund knows what entered it, by every path, and pays out no more than that (in memory). */
class GuaranteeFundTest {

    private static final Instant T1 = T0.plusSeconds(60);
    private static final CounterId COUNTER = CounterId.of("counter-1");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId GROCER_ACCOUNT = AccountId.of("acc-grocer");
    private static final AccountId CCAS_ACCOUNT = AccountId.of("acc-ccas");
    private static final AidProgramId PROGRAM = AidProgramId.of("prog-1");
    private static final String FUND = GuaranteeFund.idOf(BOUSOL);

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

    private List<Object> inflows() {
        return ledger.eventsOf(FUND).stream()
                .filter(e -> e instanceof FundInflowRecorded || e instanceof FundInflowsOpened).toList();
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
    void aRemittanceASponsorPaymentAndAnAidFundingConfirmedByHandAreRecordedOnTheFund() {
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-1", 50_00), "VIR-1", T1));
        BudgetId budget = ledger.sponsor(BOUSOL, "b-1", 30_00, 0);
        ledger.send(new RecordSponsorPayment(budget, 20_00, "SPONSOR-1", T1));
        ledger.send(new ConfirmAidFunding(PROGRAM, announcedFunding(10_00), "releve", T1));

        assertThat(inflows()).containsExactly(
                new FundInflowRecorded(BOUSOL, InflowSource.REMITTANCE, "rem-1", 50_00, T1),
                new FundInflowRecorded(BOUSOL, InflowSource.SPONSOR_PAYMENT, "b-1", 20_00, T1),
                new FundInflowRecorded(BOUSOL, InflowSource.AID_FUNDING, "f-1", 10_00, T1));
        assertThat(available()).isEqualTo(80_00);
    }

    @Test
    void theBankStatementsMatchesAreRecordedOnTheFund() {
        RemittanceId remittance = remitted("rem-1", 50_00);
        BudgetId budget = ledger.sponsor(BOUSOL, "b-1", 30_00, 0);
        FundingId funding = announcedFunding(10_00);
        LocalDate day = LocalDate.of(2025, 3, 2);
        ledger.send(new ImportBankStatement(BOUSOL, "st-1", List.of(
                new StatementLine(1, day, 50_00, "remise", "rem-1"),
                new StatementLine(2, day, 20_00, "sponsor", "b-1"),
                new StatementLine(3, day, 10_00, "ccas", "f-1"),
                new StatementLine(4, day, 99_00, "other", "nothing")),
                Map.of(remittance.value(), COUNTER), List.of(budget), Map.of(funding.value(), PROGRAM), T1));

        assertThat(inflows()).containsExactly(
                new FundInflowRecorded(BOUSOL, InflowSource.REMITTANCE, "rem-1", 50_00, T1),
                new FundInflowRecorded(BOUSOL, InflowSource.SPONSOR_PAYMENT, "b-1", 20_00, T1),
                new FundInflowRecorded(BOUSOL, InflowSource.AID_FUNDING, "f-1", 10_00, T1));
        assertThat(available()).isEqualTo(80_00);
    }

    @Test
    void aPayoutAboveWhatTheFundHoldsIsRefusedAndOneWithinItIsPaid() {
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-1", 50_00), "VIR-1", T1));

        // 100.00 at 5 % is 95.00 out of a fund of 50.00
        assertThatThrownBy(() -> ledger.send(new Reconvert(ReconversionId.of("r-1"), BOUSOL, GROCER_ACCOUNT, 100_00,
                T1))).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient-fund");
                    assertThat(e.getMessage()).isEqualTo(
                            "the guarantee fund of BOUSOL can pay 50.00 EUR, less than 95.00 EUR");
                });
        Reconversion paid = ledger.send(new Reconvert(ReconversionId.of("r-1"), BOUSOL, GROCER_ACCOUNT, 52_64, T1));
        assertThat(paid.eurosMinor()).isEqualTo(50_00);
        assertThat(available()).isZero();
        assertRefused(() -> ledger.send(new Reconvert(ReconversionId.of("r-2"), BOUSOL, GROCER_ACCOUNT, 1_00, T1)),
                Kind.REFUSED, "insufficient-fund");
    }

    @Test
    void nothingEnteredNothingIsPaid() {
        assertThatThrownBy(() -> ledger.send(new Reconvert(ReconversionId.of("r-1"), BOUSOL, GROCER_ACCOUNT, 10_00,
                T1))).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage())
                .isEqualTo("the guarantee fund of BOUSOL can pay 0.00 EUR, less than 9.50 EUR"));
    }

    @Test
    void theOpeningFigureIsRecordedOnceAndOnlyBeforeTheFundRecordsItsInflows() {
        ledger.send(new OpenFundInflows(BOUSOL, 40_00, 17, T1));
        assertThat(inflows()).containsExactly(new FundInflowsOpened(BOUSOL, 40_00, 17, T1));
        assertRefused(() -> ledger.send(new OpenFundInflows(BOUSOL, 40_00, 18, T1)), Kind.CONFLICT,
                "fund-inflows-already-opened");
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-1", 10_00), "VIR-1", T1));
        assertThat(available()).isEqualTo(50_00);
        assertThat(ledger.<Reconversion>send(new Reconvert(ReconversionId.of("r-1"), BOUSOL, GROCER_ACCOUNT, 52_64,
                T1)).eurosMinor()).isEqualTo(50_00);

        InMemoryLedger other = InMemoryLedger.start();
        try {
            other.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(100, 100));
            other.defineCounter(COUNTER, BOUSOL);
            other.registerMember(ParticipantId.of("p-alice"), ALICE, BOUSOL);
            other.send(new ConvertEuros(COUNTER, ConversionId.of("c-1"), ALICE, 20_00, PaidBy.CASH, Payout.ACCOUNT,
                    T1));
            other.send(new PrepareRemittance(COUNTER, RemittanceId.of("rem-1"), PaidBy.CASH, 10_00, T1));
            other.send(new DepositRemittance(COUNTER, RemittanceId.of("rem-1"), T1));
            other.send(new ConfirmRemittance(COUNTER, RemittanceId.of("rem-1"), null, T1));
            // a fund that records its inflows already has no opening to take
            assertRefused(() -> other.send(new OpenFundInflows(BOUSOL, 40_00, 17, T1)), Kind.CONFLICT,
                    "fund-inflows-already-opened");
        } finally {
            other.close();
        }
    }
}
