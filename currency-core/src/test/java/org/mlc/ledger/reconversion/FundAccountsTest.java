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
import org.mlc.ledger.bank.ImportBankStatement;
import org.mlc.ledger.bank.ImportResult;
import org.mlc.ledger.bank.LineResult;
import org.mlc.ledger.bank.StatementLine;
import org.mlc.ledger.bank.UndoStatementMatch;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
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
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.ValueMovement;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;

/** The guarantee fund held in several banks: each account its statements and balance, together the fund. */
class FundAccountsTest {

    private static final Instant T1 = T0.plusSeconds(60);
    private static final LocalDate DAY = LocalDate.of(2025, 3, 2);
    private static final String NEF = "FR76 3000 6000 0112 3456 7890 189";
    private static final String CREDIT_MUNICIPAL = "FR784255900001000012345678902";
    private static final CounterId COUNTER = CounterId.of("counter-1");
    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final AccountId GROCER_ACCOUNT = AccountId.of("acc-grocer");
    private static final String FUND = GuaranteeFund.idOf(BOUSOL);

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.startWithTransferSaga();
        ledger.defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(100, 100)); // fee 5 %
        ledger.defineCounter(COUNTER, BOUSOL);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, BOUSOL);
        ledger.register(ParticipantId.of("p-grocer"), ParticipantKind.MERCHANT, GROCER_ACCOUNT, BOUSOL, "ALIMENTATION");
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

    private FundAccount declare(String bank, String iban) {
        return ledger.send(new DeclareFundAccount(BOUSOL, bank, iban, T1));
    }

    private long balance(String account) {
        return ledger.inspect(GuaranteeFund.class, FUND, f -> f.balanceOf(account));
    }

    private long ledgerFund() {
        LedgerAccount fund = LedgerAccount.of("BOUSOL", LedgerAccountKind.GUARANTEE_FUND);
        return ledger.allEvents().stream().filter(e -> e instanceof ValueMovement)
                .mapToLong(e -> ((ValueMovement) e).postings().netOf(fund)).sum();
    }

    private ImportResult importOf(String fundAccount, String statementId, StatementLine line,
                                  RemittanceId remittance) {
        return ledger.send(new ImportBankStatement(BOUSOL, statementId, List.of(line),
                remittance == null ? Map.of() : Map.of(remittance.value(), COUNTER), List.of(), Map.of(), fundAccount,
                T1));
    }

    @Test
    void theFirstDeclaredAccountIsTheOneTheFundHadAndTheNextOnesFollow() {
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-1", 30_00), "VIR-1", T1));
        assertThat(ledger.inspect(GuaranteeFund.class, FUND, GuaranteeFund::fundAccounts))
                .containsExactly(new FundAccount("1", null, null));

        FundAccount nef = declare("NEF", NEF);
        FundAccount cm = declare("Crédit Municipal", CREDIT_MUNICIPAL);

        assertThat(nef).isEqualTo(new FundAccount("1", "NEF", "FR7630006000011234567890189"));
        assertThat(cm.id()).isEqualTo("2");
        assertThat(ledger.inspect(GuaranteeFund.class, FUND, GuaranteeFund::fundAccounts)).containsExactly(nef, cm);
        assertThat(balance("1")).isEqualTo(30_00);
        assertThat(balance("2")).isZero();
    }

    @Test
    void aRemittanceToEachAccountCreditsThatAccountAndTogetherTheyAreTheFund() {
        declare("NEF", NEF);
        declare("Crédit Municipal", CREDIT_MUNICIPAL);

        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-1", 30_00), "VIR-1", T1));
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-2", 50_00), "VIR-2", "2", T1));

        assertThat(balance("1")).isEqualTo(30_00);
        assertThat(balance("2")).isEqualTo(50_00);
        assertThat(balance("1") + balance("2"))
                .isEqualTo(ledger.inspect(GuaranteeFund.class, FUND, GuaranteeFund::availableMinor))
                .isEqualTo(ledgerFund());
    }

    @Test
    void eachAccountHasItsOwnStatementsAndALineOfOneIsNotALineOfTheOther() {
        declare("NEF", NEF);
        declare("Crédit Municipal", CREDIT_MUNICIPAL);
        RemittanceId remittance = remitted("rem-1", 50_00);
        StatementLine line = new StatementLine(2, DAY, 50_00, "remise", "rem-1");

        ImportResult onCm = importOf("2", "st-cm", line, remittance);
        ImportResult sameLineOnNef = importOf("1", "st-nef", line, remittance);

        assertThat(onCm.lines()).extracting(LineResult::outcome).containsExactly("MATCHED_REMITTANCE");
        assertThat(sameLineOnNef.lines()).extracting(LineResult::outcome).containsExactly("MISMATCHED");
        assertRefused(() -> importOf("2", "st-cm-again", line, remittance), Kind.CONFLICT,
                "statement-line-already-imported");
        assertThat(balance("2")).isEqualTo(50_00);
        assertThat(balance("1")).isZero();

        ledger.send(new UndoStatementMatch(BOUSOL, "st-cm", 2, "wrong bank", "admin", T1));
        assertThat(balance("2")).isZero();
        assertThat(balance("1")).isZero();
        assertThat(ledgerFund()).isZero();
    }

    @Test
    void aPayoutIsPaidFromTheAccountItNamesAsFarAsThatAccountHoldsAndMatchedOnItsStatementOnly() {
        declare("NEF", NEF);
        declare("Crédit Municipal", CREDIT_MUNICIPAL);
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-1", 30_00), "VIR-1", T1));
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-2", 50_00), "VIR-2", "2", T1));

        // 40.00 at 5 %: 38.00, more than the NEF's 30.00 though the fund holds 80.00
        assertThatThrownBy(() -> ledger.send(new Reconvert(ReconversionId.of("r-0"), BOUSOL, GROCER_ACCOUNT, 40_00,
                "1", T1))).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient-fund");
                    assertThat(e.getMessage()).isEqualTo(
                            "bank account 1 of the guarantee fund of BOUSOL holds 30.00 EUR, less than 38.00 EUR");
                });
        ledger.send(new Reconvert(ReconversionId.of("r-1"), BOUSOL, GROCER_ACCOUNT, 40_00, "2", T1));

        assertThat(balance("2")).isEqualTo(12_00);
        assertThat(balance("1")).isEqualTo(30_00);
        assertThat(balance("1") + balance("2")).isEqualTo(ledgerFund());
        StatementLine debit = new StatementLine(2, DAY, -38_00, "virement", "r-1");
        assertThat(importOf("1", "st-nef", debit, null).lines()).extracting(LineResult::reason)
                .containsExactly("payout from the fund's bank account 2");
        assertThat(importOf("2", "st-cm", debit, null).lines()).extracting(LineResult::outcome)
                .containsExactly("MATCHED_PAYOUT");
    }

    @Test
    void aCreditIsNotTakenBackFromAnAccountThatPaidItOutThoughTheFundAsAWholeHoldsIt() {
        declare("NEF", NEF);
        declare("Crédit Municipal", CREDIT_MUNICIPAL);
        importOf("2", "st-cm", new StatementLine(2, DAY, 50_00, "remise", "rem-1"), remitted("rem-1", 50_00));
        ledger.send(new ConfirmRemittance(COUNTER, remitted("rem-2", 50_00), "VIR-2", T1));
        ledger.send(new Reconvert(ReconversionId.of("r-1"), BOUSOL, GROCER_ACCOUNT, 40_00, "2", T1)); // 38.00
        int events = ledger.allEvents().size();

        assertThatThrownBy(() -> ledger.send(new UndoStatementMatch(BOUSOL, "st-cm", 2, "wrong bank", "admin", T1)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("fund-already-paid-out");
                    assertThat(e.getMessage()).isEqualTo("bank account 2 of the guarantee fund of BOUSOL holds "
                            + "12.00 EUR: taking back 50.00 EUR would leave it below what it paid out");
                });
        assertThat(ledger.allEvents()).hasSize(events);
    }

    @Test
    void anAccountTheFundDoesNotHaveIsRefusedNamingIt() {
        declare("NEF", NEF);
        RemittanceId remittance = remitted("rem-1", 30_00);

        for (Runnable attempt : List.<Runnable>of(
                () -> ledger.send(new ConfirmRemittance(COUNTER, remittance, "VIR-1", "2", T1)),
                () -> importOf("3", "st-1", new StatementLine(2, DAY, 30_00, "remise", "rem-1"), remittance))) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.INVALID);
                assertThat(e.field()).isEqualTo("fundAccount");
            });
        }
        assertThat(ledgerFund()).isZero();
    }

    @Test
    void anIbanIsCheckedByItsDigitsAndDeclaredOnce() {
        for (String wrong : new String[] {"FR7630006000011234567890188", "FR76", "not an iban", null}) {
            assertThatThrownBy(() -> declare("NEF", wrong)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.INVALID);
                assertThat(e.field()).isEqualTo("iban");
            });
        }
        assertThatThrownBy(() -> declare(" ", NEF)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("bank"));
        declare("NEF", NEF);
        assertRefused(() -> declare("NEF encore", "fr76 3000 6000 0112 3456 7890 189"), Kind.CONFLICT,
                "iban-already-declared");
        assertThat(Iban.masked("FR7630006000011234567890189")).isEqualTo("***********************0189");
    }
}
