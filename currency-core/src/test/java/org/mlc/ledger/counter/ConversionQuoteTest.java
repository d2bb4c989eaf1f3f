package org.mlc.ledger.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.bonus.BonusFunding;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.participant.ParticipantKind;

/** A quote is the conversion that follows it: same figures, same refusals, and nothing recorded. */
class ConversionQuoteTest {

    private static final Instant T1 = Instant.parse("2025-03-03T10:15:00Z");
    private static final CurrencyCode ROUE = CurrencyCode.of("ROUE");
    private static final CounterId COUNTER = CounterId.of("counter-roue");
    private static final AccountId MEMBER = AccountId.of("acc-member");
    private static final AccountId MERCHANT = AccountId.of("acc-merchant");

    private InMemoryLedger ledger;
    private int conversions;

    @BeforeEach
    void laRoue() {
        ledger = InMemoryLedger.start();
        ledger.defineCurrency(ROUE, "La Roue", new ConversionPolicy(1000, 1200));
        ledger.defineCounter(COUNTER, ROUE);
        ledger.registerMember(ParticipantId.of("p-member"), MEMBER, ROUE);
        ledger.register(ParticipantId.of("p-merchant"), ParticipantKind.MERCHANT, MERCHANT, ROUE, "ALIMENTATION");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private ConversionQuote quote(AccountId account, long eurosMinor, Payout payout) {
        int before = ledger.allEvents().size();
        ConversionQuote quote = ledger.send(new QuoteConversion(COUNTER, account, eurosMinor, PaidBy.CASH, payout, T1,
                null));
        assertThat(ledger.allEvents()).as("a quote records nothing").hasSize(before);
        return quote;
    }

    private Conversion convert(AccountId account, long eurosMinor, Payout payout) {
        return ledger.send(new ConvertEuros(COUNTER, ConversionId.of("c-" + ++conversions), account, eurosMinor,
                PaidBy.CASH, payout, T1));
    }

    /** Quotes, converts the same, and checks the quote said what the conversion gave. */
    private ConversionQuote quoteThenConvert(AccountId account, long eurosMinor) {
        ConversionQuote quote = quote(account, eurosMinor, Payout.ACCOUNT);
        Conversion conversion = convert(account, eurosMinor, Payout.ACCOUNT);
        assertThat(quote).isEqualTo(new ConversionQuote(conversion.eurosMinor(), conversion.unitsMinor(),
                conversion.bonusMinor(), conversion.bonusReason()));
        return quote;
    }

    @Test
    void aQuoteWithTheWholeBonusIsTheConversion() {
        ledger.sponsor(ROUE, "budget", 2_600_000, 0);

        assertThat(quoteThenConvert(MEMBER, 100_000)).isEqualTo(new ConversionQuote(100_000, 120_000, 20_000, null));
    }

    @Test
    void aQuoteWithTheMonthlyCapPartlyReachedIsTheConversion() {
        ledger.sponsor(ROUE, "budget", 2_600_000, 3_000);
        quoteThenConvert(MEMBER, 10_000);

        assertThat(quoteThenConvert(MEMBER, 10_000)).isEqualTo(new ConversionQuote(10_000, 11_000, 1_000,
                BonusFunding.MONTHLY_CAP_REACHED));
    }

    @Test
    void aQuoteWithTheBudgetExhaustedIsTheConversion() {
        ledger.sponsor(ROUE, "budget", 2_500, 0);
        quoteThenConvert(MEMBER, 10_000);

        assertThat(quoteThenConvert(MEMBER, 10_000)).isEqualTo(new ConversionQuote(10_000, 10_500, 500,
                BonusFunding.BUDGET_EXHAUSTED));
        assertThat(quoteThenConvert(MEMBER, 10_000)).isEqualTo(new ConversionQuote(10_000, 10_000, 0,
                BonusFunding.BUDGET_EXHAUSTED));
    }

    @Test
    void aQuoteWithoutABudgetIsTheConversion() {
        assertThat(quoteThenConvert(MEMBER, 10_000)).isEqualTo(new ConversionQuote(10_000, 10_000, 0,
                BonusFunding.NO_BUDGET));
    }

    @Test
    void aQuoteForAParticipantThatIsNotEligibleIsTheConversion() {
        ledger.sponsor(ROUE, "budget", 2_600_000, 0);

        assertThat(quoteThenConvert(MERCHANT, 100_000)).isEqualTo(new ConversionQuote(100_000, 100_000, 0,
                BonusFunding.NOT_ELIGIBLE));
    }

    /** The refusal of the quote and of the conversion, each as kind, code and field. */
    private void assertRefusedAlike(AccountId account, long eurosMinor, Payout payout, String code) {
        int before = ledger.allEvents().size();
        DomainException quoted = catchThrowableOfType(DomainException.class, () -> quote(account, eurosMinor, payout));
        DomainException converted = catchThrowableOfType(DomainException.class,
                () -> convert(account, eurosMinor, payout));
        assertThat(quoted).as("the quote refuses").isNotNull();
        assertThat(converted).as("the conversion refuses").isNotNull();
        assertThat(List.of(quoted.kind(), quoted.code(), String.valueOf(quoted.field())))
                .isEqualTo(List.of(converted.kind(), converted.code(), String.valueOf(converted.field())));
        assertThat(quoted.code()).isEqualTo(code);
        assertThat(ledger.allEvents()).hasSize(before);
    }

    @Test
    void aQuoteRefusesWhatTheConversionRefuses() {
        assertRefusedAlike(MEMBER, 0, Payout.ACCOUNT, "validation");
        ledger.send(new ReceiveNotes(COUNTER, Map.of(50, 1, 20, 1), T0));
        assertRefusedAlike(MEMBER, 6_000, Payout.NOTES, "notes-unavailable");
        ledger.send(new FreezeAccount(MEMBER, "court order", T0));
        assertRefusedAlike(MEMBER, 10_000, Payout.ACCOUNT, "account-frozen");
        assertRefusedAlike(AccountId.of("acc-nobody"), 10_000, Payout.ACCOUNT, "not-found");
    }
}
