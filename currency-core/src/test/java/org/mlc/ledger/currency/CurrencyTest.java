package org.mlc.ledger.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.domainException;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;

class CurrencyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");
    private static final ConversionPolicy TWENTY_FOR_TWENTY_ONE = new ConversionPolicy(2000, 2100);

    private FixtureConfiguration<Currency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Currency.class);
    }

    private static DefineCurrency define(String code, String name, long feeBasisPoints, long membershipFeeMinor) {
        return new DefineCurrency(CurrencyCode.of(code), name, TWENTY_FOR_TWENTY_ONE, feeBasisPoints,
                membershipFeeMinor, T0);
    }

    @Test
    void definesACurrencyWithItsPolicies() {
        fixture.givenNoPriorActivity()
                .when(define("BOUSOL", "Bou'Sol", 500, 300))
                .expectEvents(new CurrencyDefined(BOUSOL, "Bou'Sol", TWENTY_FOR_TWENTY_ONE, 500, 300, T0))
                .expectState(currency -> {
                    assertThat(currency.code()).isEqualTo(BOUSOL);
                    assertThat(currency.conversion()).isEqualTo(TWENTY_FOR_TWENTY_ONE);
                    assertThat(currency.reconversionFeeBasisPoints()).isEqualTo(500);
                    assertThat(currency.membershipFeeMinor()).isEqualTo(300);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"RO", "EUSKO", "GONETTE", "ABCDEFGHIJKL", "SOL2"})
    void acceptsCodesOfTwoToTwelveCapitalsOrDigitsStartingWithALetter(String code) {
        fixture.givenNoPriorActivity()
                .when(define(code, "A currency", 0, 0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new CurrencyDefined(CurrencyCode.of(code), "A currency", TWENTY_FOR_TWENTY_ONE, 0, 0, T0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bousol", "Bousol", "B", "1SOL", "ABCDEFGHIJKLM", "BOU-SOL", "BOU SOL", "BOUSOL ", "ÉCU"})
    void refusesAnInvalidCode(String code) {
        fixture.givenNoPriorActivity()
                .when(define(code, "A currency", 500, 300))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingOrTooLongName() {
        for (String name : new String[] {null, "", "  ", "n".repeat(Currency.MAX_NAME_LENGTH + 1)}) {
            fixture = new AggregateTestFixture<>(Currency.class);
            fixture.givenNoPriorActivity()
                    .when(define("BOUSOL", name, 500, 300))
                    .expectException(domainException(Kind.INVALID, "validation"))
                    .expectNoEvents();
        }
    }

    @Test
    void acceptsANameUpToItsLimit() {
        String longest = "n".repeat(Currency.MAX_NAME_LENGTH);
        fixture.givenNoPriorActivity()
                .when(define("BOUSOL", longest, 500, 300))
                .expectEvents(new CurrencyDefined(BOUSOL, longest, TWENTY_FOR_TWENTY_ONE, 500, 300, T0));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Currency.MAX_RECONVERSION_FEE_BASIS_POINTS + 1, Currency.BASIS_POINTS})
    void refusesAReconversionFeeBelowZeroOrAboveHalf(long feeBasisPoints) {
        fixture.givenNoPriorActivity()
                .when(define("BOUSOL", "Bou'Sol", feeBasisPoints, 300))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 250, Currency.MAX_RECONVERSION_FEE_BASIS_POINTS})
    void acceptsAReconversionFeeFromZeroToHalf(long feeBasisPoints) {
        fixture.givenNoPriorActivity()
                .when(define("BOUSOL", "Bou'Sol", feeBasisPoints, 300))
                .expectEvents(new CurrencyDefined(BOUSOL, "Bou'Sol", TWENTY_FOR_TWENTY_ONE, feeBasisPoints, 300, T0));
    }

    @Test
    void refusesANegativeMembershipFee() {
        fixture.givenNoPriorActivity()
                .when(define("BOUSOL", "Bou'Sol", 500, -1))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    @Test
    void cannotDefineACurrencyWithoutAConversionRatio() {
        // without one, the first conversion at a counter would fail on a missing policy
        fixture.givenNoPriorActivity()
                .when(new DefineCurrency(BOUSOL, "Bou'Sol", null, 500, 300, T0))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    private static DefineCurrency defineAt(ConversionPolicy ratio) {
        return new DefineCurrency(BOUSOL, "Bou'Sol", ratio, 500, 300, T0);
    }

    @Test
    void acceptsRatiosFromOneHundredthToOneHundredUnitsPerEuro() {
        for (ConversionPolicy ratio : new ConversionPolicy[] {new ConversionPolicy(100, 1), new ConversionPolicy(1, 100),
                new ConversionPolicy(Currency.MAX_RATIO_TERM_MINOR, Currency.MAX_RATIO_TERM_MINOR)}) {
            fixture = new AggregateTestFixture<>(Currency.class);
            fixture.givenNoPriorActivity()
                    .when(defineAt(ratio))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void refusesARatioBeyondItsBoundsNamingTheConversion() {
        for (ConversionPolicy ratio : new ConversionPolicy[] {new ConversionPolicy(100, 10_000_000_000L),
                new ConversionPolicy(101, 1), new ConversionPolicy(1, 101),
                new ConversionPolicy(Currency.MAX_RATIO_TERM_MINOR + 1, Currency.MAX_RATIO_TERM_MINOR),
                new ConversionPolicy(Long.MAX_VALUE, Long.MAX_VALUE)}) {
            fixture = new AggregateTestFixture<>(Currency.class);
            fixture.givenNoPriorActivity()
                    .when(defineAt(ratio))
                    .expectException(domainException(Kind.INVALID, "validation"))
                    .expectNoEvents();
            assertThat(Currency.ratioOutOfBounds(ratio)).as(ratio.toString())
                    .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("conversion"));
        }
    }

    @Test
    void aReconversionFeeOfMoreUnitsThanAnyAmountIsRefusedNotOverflowed() {
        fixture.givenNoPriorActivity()
                .when(define("BOUSOL", "Bou'Sol", 500, 300))
                .expectState(currency -> {
                    assertThat(currency.reconversionFeeFor(org.mlc.ledger.money.Amounts.MAX_AMOUNT_MINOR))
                            .isEqualTo(org.mlc.ledger.money.Amounts.MAX_AMOUNT_MINOR / 20);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> currency.reconversionFeeFor(Long.MAX_VALUE))
                            .isInstanceOfSatisfying(org.mlc.ledger.common.DomainException.class,
                                    e -> assertThat(e.field()).isEqualTo("units"));
                });
    }
}
