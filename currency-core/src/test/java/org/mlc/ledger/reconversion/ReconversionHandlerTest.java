package org.mlc.ledger.reconversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.UnitsReconverted;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.counter.ConfirmRemittance;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DepositRemittance;
import org.mlc.ledger.counter.PrepareRemittance;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.SetReconversionFeeMinimum;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.SuspendMerchant;
import org.mlc.ledger.payment.MakePayment;

/** Units back to euros: fee, burning, the fund's payout and its steps (in memory). */
class ReconversionHandlerTest {

    private static final Instant T1 = T0.plusSeconds(60);
    private static final CounterId COUNTER = CounterId.of("counter-1");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final ParticipantId GROCER = ParticipantId.of("p-grocer");
    private static final AccountId GROCER_ACCOUNT = AccountId.of("acc-grocer");
    private static final AccountId TOWN_ACCOUNT = AccountId.of("acc-town");
    private static final AccountId ASSO_ACCOUNT = AccountId.of("acc-asso");
    private static final ReconversionId R_1 = ReconversionId.of("r-1");

    private InMemoryLedger ledger;
    private int next;
    private long remittedMinor;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.startWithTransferSaga();
        ledger.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(100, 100)); // fee 5 %
        ledger.defineCounter(COUNTER, BOUSOL);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, BOUSOL);
        ledger.register(GROCER, ParticipantKind.MERCHANT, GROCER_ACCOUNT, BOUSOL, "ALIMENTATION");
        ledger.register(ParticipantId.of("p-town"), ParticipantKind.COLLECTIVITE, TOWN_ACCOUNT, BOUSOL, null);
        ledger.register(ParticipantId.of("p-asso"), ParticipantKind.ASSOCIATION, ASSO_ACCOUNT, BOUSOL, null);
        ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-1"), ALICE, 20_000, PaidBy.CASH, Payout.ACCOUNT, T1));
        pay(GROCER_ACCOUNT, 15_000);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void pay(AccountId to, long amountMinor) {
        ledger.send(new MakePayment(BOUSOL, TransferId.of("t-" + ++next), ALICE, to, amountMinor, null, null, T1));
    }

    /** The counter's euros go to the fund (a remittance confirmed) until it has received {@code fundInflowsMinor}. */
    private void fundReceived(long fundInflowsMinor) {
        if (fundInflowsMinor > remittedMinor) {
            RemittanceId remittance = RemittanceId.of("rem-" + ++next);
            ledger.send(new PrepareRemittance(COUNTER, remittance, PaidBy.CASH, fundInflowsMinor - remittedMinor, T1));
            ledger.send(new DepositRemittance(COUNTER, remittance, T1));
            ledger.send(new ConfirmRemittance(COUNTER, remittance, "VIR-" + next, T1));
            remittedMinor = fundInflowsMinor;
        }
    }

    private Reconversion reconvert(ReconversionId id, AccountId account, long unitsMinor,
                                                       long fundInflowsMinor) {
        fundReceived(Math.min(fundInflowsMinor, 20_000));
        return ledger.send(new Reconvert(id, BOUSOL, account, unitsMinor, T1));
    }

    private List<Object> fundEvents() {
        return ledger.eventsOf(GuaranteeFund.idOf(BOUSOL)).stream()
                .filter(e -> !(e instanceof FundInflowRecorded)).toList();
    }

    private static LedgerAccount mlc(LedgerAccountKind kind) {
        return LedgerAccount.of("BOUSOL", kind);
    }

    private static LedgerAccount eur(LedgerAccountKind kind) {
        return LedgerAccount.of("BOUSOL", kind);
    }

    @Test
    void aGrocerReconverts100At5PercentFeeBurnsTheRestAndTheFundPaysOut95() {
        Reconversion result = reconvert(R_1, GROCER_ACCOUNT, 10_000, 20_000);

        assertThat(result).isEqualTo(new Reconversion(R_1, 10_000, 500, 9_500));
        LedgerAccount grocer = LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, GROCER_ACCOUNT.value());
        assertThat(ledger.eventsOf(GROCER_ACCOUNT.value())).last().isEqualTo(new UnitsReconverted(GROCER_ACCOUNT,
                BOUSOL, R_1, 10_000, 500, 9_500, Postings.builder()
                .move(grocer, mlc(LedgerAccountKind.FEES), 500)
                .move(grocer, mlc(LedgerAccountKind.ISSUANCE), 9_500).build(), T1));
        assertThat(fundEvents()).containsExactly(new PayoutRequested(BOUSOL, R_1,
                GROCER_ACCOUNT, 9_500, Postings.builder()
                .move(eur(LedgerAccountKind.GUARANTEE_FUND), eur(LedgerAccountKind.PAYOUTS_DUE), 9_500).build(), T1));
        assertThat(ledger.inspect(Account.class, GROCER_ACCOUNT.value(), Account::balanceMinor)).isEqualTo(5_000);
    }

    @Test
    void theFeeIsRoundedUpInFavourOfTheFundAndAMinimumApplies() {
        assertThat(reconvert(R_1, GROCER_ACCOUNT, 1_001, 20_000).feeMinor()).isEqualTo(51); // 50.05 -> 51
        ledger.send(new SetReconversionFeeMinimum(BOUSOL, 200, T1));
        assertThat(reconvert(ReconversionId.of("r-2"), GROCER_ACCOUNT, 1_000, 20_000).feeMinor()).isEqualTo(200);
        assertThat(reconvert(ReconversionId.of("r-3"), GROCER_ACCOUNT, 100, 20_000))
                .isEqualTo(new Reconversion(ReconversionId.of("r-3"), 100, 100, 0));
    }

    @Test
    void moreThanTheBalanceOrThanTheFundCanPayIsRefusedAndNothingMoves() {
        assertRefused(() -> reconvert(R_1, GROCER_ACCOUNT, 10_000, 0), Kind.REFUSED, "insufficient-fund");
        assertRefused(() -> reconvert(R_1, GROCER_ACCOUNT, 10_000, 9_499), Kind.REFUSED, "insufficient-fund");
        assertRefused(() -> reconvert(R_1, GROCER_ACCOUNT, 15_001, 9_499), Kind.REFUSED, "insufficient-funds");
        assertThat(ledger.inspect(Account.class, GROCER_ACCOUNT.value(), Account::balanceMinor)).isEqualTo(15_000);

        reconvert(R_1, GROCER_ACCOUNT, 10_000, 10_000);
        // the fund paid 95.00 out of the 100.00 it received: 5.00 left
        assertRefused(() -> reconvert(ReconversionId.of("r-2"), GROCER_ACCOUNT, 1_000, 10_000), Kind.REFUSED,
                "insufficient-fund");
        reconvert(ReconversionId.of("r-2"), GROCER_ACCOUNT, 500, 10_000);
    }

    @Test
    void onlyApprovedMerchantsAndCollectivitesReconvert() {
        pay(TOWN_ACCOUNT, 1_000);
        pay(ASSO_ACCOUNT, 1_000);
        assertThat(reconvert(R_1, TOWN_ACCOUNT, 1_000, 20_000).eurosMinor()).isEqualTo(950);
        assertRefused(() -> reconvert(ReconversionId.of("r-2"), ASSO_ACCOUNT, 1_000, 20_000), Kind.REFUSED,
                "reconversion-not-allowed");
        assertRefused(() -> reconvert(ReconversionId.of("r-2"), ALICE, 1_000, 20_000), Kind.REFUSED,
                "reconversion-not-allowed");
        ledger.send(new SuspendMerchant(GROCER, "admin", "audit", T1));
        assertRefused(() -> reconvert(ReconversionId.of("r-2"), GROCER_ACCOUNT, 1_000, 20_000), Kind.REFUSED,
                "reconversion-not-allowed");
    }

    @Test
    void aPayoutGoesRequestedThenPaidThenConfirmedAndEachStepOnce() {
        reconvert(R_1, GROCER_ACCOUNT, 10_000, 20_000);
        assertRefused(() -> ledger.send(new ConfirmPayout(BOUSOL, R_1, "NEF-1", T1)), Kind.CONFLICT,
                "payout-not-paid");

        ledger.send(new MarkPayoutPaid(BOUSOL, R_1, "order-1", T1));
        ledger.send(new MarkPayoutPaid(BOUSOL, R_1, "order-1", T1));
        ledger.send(new ConfirmPayout(BOUSOL, R_1, "NEF-1", T1));
        ledger.send(new ConfirmPayout(BOUSOL, R_1, "NEF-1", T1));

        List<Object> events = fundEvents();
        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isEqualTo(new PayoutPaid(BOUSOL, R_1, "order-1", T1));
        assertThat(events.get(2)).isEqualTo(new PayoutConfirmed(BOUSOL, R_1, 9_500, "NEF-1", Postings.builder()
                .move(eur(LedgerAccountKind.PAYOUTS_DUE), eur(LedgerAccountKind.OUTSIDE), 9_500).build(), T1));
        assertRefused(() -> ledger.send(new MarkPayoutPaid(BOUSOL, ReconversionId.of("nope"), null, T1)),
                Kind.NOT_FOUND, "not-found");
    }
}
