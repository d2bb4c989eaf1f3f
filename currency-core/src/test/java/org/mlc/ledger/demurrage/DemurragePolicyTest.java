package org.mlc.ledger.demurrage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.currency.Demurrage;
import org.mlc.ledger.money.Ratio;
import org.mlc.ledger.participant.ParticipantKind;

/** A currency's demurrage policy: its bounds, its beneficiary, its due dates. */
class DemurragePolicyTest {

    static final AccountId FUND = AccountId.of("acc-fund");
    static final AccountId ALICE = AccountId.of("acc-alice");
    static final LocalDate JAN_2027 = LocalDate.of(2027, 1, 1);

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineBousol();
        ledger.defineLaRoue();
        ledger.register(ParticipantId.of("p-fund"), ParticipantKind.ASSOCIATION, FUND, BOUSOL, null);
        ledger.registerMember(ParticipantId.of("p-alice"), ALICE, BOUSOL);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void set(String rate, int months, LocalDate first, long threshold, Set<ParticipantKind> kinds,
                     AccountId beneficiary) {
        ledger.send(new SetDemurrage(BOUSOL, new BigDecimal(rate), months, first, threshold, kinds, beneficiary,
                false, T0));
    }

    private Optional<Demurrage> policy() {
        return ledger.inspect(Currency.class, BOUSOL.value(), Currency::demurrage);
    }

    @Test
    void theRateIsKeptAsAnExactFractionWithMembersAndMerchantsByDefault() {
        set("0.02", 6, JAN_2027, 0, null, FUND);

        Demurrage policy = policy().orElseThrow();
        assertThat(policy.rate().applyRoundingDown(100_00)).isEqualTo(2_00);
        assertThat(policy.rate()).isEqualTo(new Ratio(2, 100));
        assertThat(policy.kinds()).containsExactly("MEMBER", "MERCHANT");
        assertThat(policy.beneficiary()).isEqualTo(ParticipantId.of("p-fund"));
        assertThat(policy.beneficiaryAccount()).isEqualTo(FUND);
    }

    @Test
    void aRateOfZeroTurnsItOff() {
        set("0.015", 6, JAN_2027, 0, null, FUND);
        assertThat(policy().orElseThrow().rate()).isEqualTo(new Ratio(15, 1000));

        ledger.send(new SetDemurrage(BOUSOL, BigDecimal.ZERO, 0, null, 0, null, null, false, T0));

        assertThat(policy()).isEmpty();
    }

    @Test
    void refusesARateAboveHalfNegativeOrTooPreciseNamingTheRate() {
        for (String rate : List.of("0.51", "-0.01", "0.0000001")) {
            assertRefusedNaming(() -> set(rate, 6, JAN_2027, 0, null, FUND), "rate");
        }
        set("0.5", 6, JAN_2027, 0, null, FUND);
        assertThat(policy().orElseThrow().rate()).isEqualTo(new Ratio(5, 10));
    }

    @Test
    void refusesAPeriodOutsideOneToTwelveMonthsNoFirstDueDateANegativeThresholdOrNoKinds() {
        assertRefusedNaming(() -> set("0.02", 0, JAN_2027, 0, null, FUND), "periodMonths");
        assertRefusedNaming(() -> set("0.02", 13, JAN_2027, 0, null, FUND), "periodMonths");
        assertRefusedNaming(() -> set("0.02", 6, null, 0, null, FUND), "firstDueOn");
        assertRefusedNaming(() -> set("0.02", 6, JAN_2027, -1, null, FUND), "thresholdPerAccount");
        assertRefusedNaming(() -> set("0.02", 6, JAN_2027, 0, Set.of(), FUND), "kinds");
        assertRefusedNaming(() -> set("0.02", 6, JAN_2027, 0, null, null), "beneficiary");
        assertThat(policy()).isEmpty();
    }

    @Test
    void theBeneficiaryIsAnAssociationOfTheCurrency() {
        assertRefused(() -> set("0.02", 6, JAN_2027, 0, null, ALICE), Kind.REFUSED, "beneficiary-not-association");
        AccountId roueFund = AccountId.of("acc-roue-fund");
        ledger.register(ParticipantId.of("p-roue-fund"), ParticipantKind.ASSOCIATION, roueFund,
                InMemoryLedger.LAROUE, null);
        assertRefused(() -> set("0.02", 6, JAN_2027, 0, null, roueFund), Kind.REFUSED,
                "beneficiary-not-association");
        assertRefused(() -> set("0.02", 6, JAN_2027, 0, null, AccountId.of("acc-nobody")), Kind.NOT_FOUND,
                "not-found");
        assertThat(policy()).isEmpty();
    }

    @Test
    void dueDatesAreTheFirstPlusWholePeriodsCountedFromTheFirst() {
        Demurrage policy = new Demurrage(new Ratio(2, 100), 6, LocalDate.of(2027, 1, 31), 0, List.of("MEMBER"),
                ParticipantId.of("p-fund"), FUND, false);

        assertThat(policy.isDueOn(LocalDate.of(2027, 1, 31))).isTrue();
        assertThat(policy.isDueOn(LocalDate.of(2027, 7, 31))).isTrue();
        assertThat(policy.isDueOn(LocalDate.of(2028, 1, 31))).isTrue();
        assertThat(policy.isDueOn(LocalDate.of(2027, 7, 30))).isFalse();
        assertThat(policy.isDueOn(LocalDate.of(2026, 7, 31))).isFalse();
        assertThat(policy.lastDueOnOrBefore(LocalDate.of(2027, 7, 30))).contains(LocalDate.of(2027, 1, 31));
        assertThat(policy.lastDueOnOrBefore(LocalDate.of(2027, 1, 30))).isEmpty();
        assertThat(policy.periodStart(LocalDate.of(2027, 7, 31))).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(policy.periodStart(LocalDate.of(2027, 1, 31))).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void theChargeIsTheRateOfThePartAboveTheThresholdRoundedDownToTheCent() {
        Demurrage policy = new Demurrage(new Ratio(2, 100), 6, JAN_2027, 50_00, List.of("MEMBER"),
                ParticipantId.of("p-fund"), FUND, false);

        assertThat(policy.chargeOn(100_00)).isEqualTo(1_00);
        assertThat(policy.chargeOn(50_00)).isZero();
        assertThat(policy.chargeOn(10_00)).isZero();
        // 2 % of 0.49 is 0.0098: nothing, in the holder's favour
        assertThat(policy.chargeOn(50_49)).isZero();
        assertThat(policy.chargeOn(50_99)).isEqualTo(1);
    }

    private static void assertRefusedNaming(org.assertj.core.api.ThrowableAssert.ThrowingCallable action,
                                            String field) {
        org.assertj.core.api.Assertions.assertThatThrownBy(action).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
                });
    }
}
