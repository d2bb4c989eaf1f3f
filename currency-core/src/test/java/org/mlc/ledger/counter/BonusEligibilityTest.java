package org.mlc.ledger.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.LAROUE;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.bonus.BonusBudget;
import org.mlc.ledger.bonus.BonusDrawn;
import org.mlc.ledger.bonus.BonusFunding;
import org.mlc.ledger.bonus.SetBonusEligibility;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.BonusEligibilitySet;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.ParticipantKind;

/** Who gets the bonus: members by default, the kinds a currency names once it names them. */
class BonusEligibilityTest {

    private static final Instant T1 = Instant.parse("2025-03-03T10:15:00Z");
    private static final CounterId COUNTER = CounterId.of("counter-avignon");
    private static final AccountId MEMBER = AccountId.of("acc-member");
    private static final AccountId MERCHANT = AccountId.of("acc-merchant");
    private static final AccountId COLLECTIVITE = AccountId.of("acc-grand-avignon");

    private InMemoryLedger ledger;
    private BudgetId budget;
    private int conversions;

    @BeforeEach
    void laRoueWithASponsorBudget() {
        ledger = InMemoryLedger.start();
        ledger.defineLaRoue();
        ledger.defineCounter(COUNTER, LAROUE);
        ledger.registerMember(ParticipantId.of("p-member"), MEMBER, LAROUE);
        ledger.register(ParticipantId.of("p-merchant"), ParticipantKind.MERCHANT, MERCHANT, LAROUE, "ALIMENTATION");
        ledger.register(ParticipantId.of("p-ga"), ParticipantKind.COLLECTIVITE, COLLECTIVITE, LAROUE, null);
        budget = ledger.sponsor(LAROUE, "budget-roue", 2_600_000, 0);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private Conversion convert(AccountId account, long eurosMinor) {
        return ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-" + ++conversions), account, eurosMinor,
                PaidBy.CASH, Payout.ACCOUNT, T1));
    }

    private long budgetRemaining() {
        return ledger.inspect(BonusBudget.class, budget.value(), BonusBudget::remainingMinor);
    }

    @Test
    void byDefaultAMerchantConvertsAtParityAndDrawsNothingFromTheBudget() {
        Conversion conversion = convert(MERCHANT, 100_000);

        assertThat(conversion.unitsMinor()).isEqualTo(100_000);
        assertThat(conversion.bonusMinor()).isZero();
        assertThat(conversion.bonusReason()).isEqualTo(BonusFunding.NOT_ELIGIBLE);
        assertThat(ledger.inspect(Account.class, MERCHANT.value(), Account::balanceMinor)).isEqualTo(100_000);
        assertThat(budgetRemaining()).isEqualTo(2_600_000);
        assertThat(ledger.allEvents()).noneMatch(BonusDrawn.class::isInstance);
    }

    @Test
    void byDefaultACollectiviteConvertsAtParityToo() {
        Conversion conversion = convert(COLLECTIVITE, 100_000);

        assertThat(conversion.unitsMinor()).isEqualTo(100_000);
        assertThat(conversion.bonusReason()).isEqualTo(BonusFunding.NOT_ELIGIBLE);
        assertThat(budgetRemaining()).isEqualTo(2_600_000);
    }

    @Test
    void byDefaultAMemberGetsTheBonusFromTheBudget() {
        Conversion conversion = convert(MEMBER, 100_000);

        assertThat(conversion.unitsMinor()).isEqualTo(120_000);
        assertThat(conversion.bonusMinor()).isEqualTo(20_000);
        assertThat(conversion.bonusReason()).isNull();
        assertThat(budgetRemaining()).isEqualTo(2_580_000);
    }

    @Test
    void aCurrencyThatMakesMerchantsEligibleGivesThemTheBonus() {
        ledger.send(new SetBonusEligibility(LAROUE, EnumSet.of(ParticipantKind.MEMBER, ParticipantKind.MERCHANT), T1));

        assertThat(convert(MERCHANT, 100_000).unitsMinor()).isEqualTo(120_000);
        assertThat(convert(COLLECTIVITE, 100_000).bonusReason()).isEqualTo(BonusFunding.NOT_ELIGIBLE);
        assertThat(budgetRemaining()).isEqualTo(2_580_000);
    }

    @Test
    void aCurrencyThatNamesNoKindGivesNoBonusToAnyone() {
        ledger.send(new SetBonusEligibility(LAROUE, Set.of(), T1));

        Conversion conversion = convert(MEMBER, 100_000);

        assertThat(conversion.unitsMinor()).isEqualTo(100_000);
        assertThat(conversion.bonusReason()).isEqualTo(BonusFunding.NOT_ELIGIBLE);
        assertThat(budgetRemaining()).isEqualTo(2_600_000);
    }

    @Test
    void theEligibilityIsRecordedOnTheCurrencySortedAndOnlyWhenItChanges() {
        ledger.send(new SetBonusEligibility(LAROUE, EnumSet.of(ParticipantKind.MERCHANT, ParticipantKind.MEMBER), T1));
        ledger.send(new SetBonusEligibility(LAROUE, EnumSet.of(ParticipantKind.MEMBER, ParticipantKind.MERCHANT), T1));

        assertThat(ledger.eventsOf(LAROUE.value()).stream().filter(BonusEligibilitySet.class::isInstance).toList())
                .containsExactly(new BonusEligibilitySet(LAROUE, List.of("MEMBER", "MERCHANT"), T1));
        assertThat(ledger.inspect(Currency.class, LAROUE.value(), Currency::bonusEligibleKinds))
                .contains(List.of("MEMBER", "MERCHANT"));
    }

    @Test
    void missingKindsAreRefusedNamingThem() {
        assertThatThrownBy(() -> ledger.send(new SetBonusEligibility(LAROUE, null, T1)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.field()).isEqualTo("kinds");
                });
        assertThat(ledger.eventsOf(LAROUE.value())).noneMatch(BonusEligibilitySet.class::isInstance);
    }

    @Test
    void anUnknownCurrencyIsNotFound() {
        assertRefused(() -> ledger.send(new SetBonusEligibility(org.mlc.ledger.common.CurrencyCode.of("GHOST"),
                Set.of(ParticipantKind.MEMBER), T1)), Kind.NOT_FOUND, "not-found");
    }

    @Test
    void aMemberStillMeetsTheBudgetsMonthlyCap() {
        ledger.defineCurrency(org.mlc.ledger.common.CurrencyCode.of("CAPPED"), "Capped",
                new org.mlc.ledger.currency.ConversionPolicy(1000, 1200));
        var capped = org.mlc.ledger.common.CurrencyCode.of("CAPPED");
        CounterId counter = CounterId.of("counter-capped");
        AccountId member = AccountId.of("acc-capped");
        ledger.defineCounter(counter, capped);
        ledger.registerMember(ParticipantId.of("p-capped"), member, capped);
        ledger.sponsor(capped, "budget-capped", 2_600_000, 3_000);

        Conversion first = ledger.send(new ConvertEuros(counter, ConversionId.of("k-1"), member, 10_000, PaidBy.CASH,
                Payout.ACCOUNT, T1));
        Conversion second = ledger.send(new ConvertEuros(counter, ConversionId.of("k-2"), member, 10_000, PaidBy.CASH,
                Payout.ACCOUNT, T1));

        assertThat(first.bonusMinor()).isEqualTo(2_000);
        assertThat(second.bonusMinor()).isEqualTo(1_000);
        assertThat(second.bonusReason()).isEqualTo(BonusFunding.MONTHLY_CAP_REACHED);
    }
}
