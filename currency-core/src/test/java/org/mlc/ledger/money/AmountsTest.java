package org.mlc.ledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest(name = "\"{0}\" is {1} cents")
    @CsvSource({
            "20.00, 2000",
            "21, 2100",
            "12.5, 1250",
            "12.50, 1250",
            "0.01, 1",
            "0.5, 50",
            "0.05, 5",
            "1, 100",
            "100000000, 10000000000",
    })
    void parsesPlainDecimalsWithAtMostTwoDecimals(String text, long expectedMinor) {
        assertThat(Amounts.parsePositive(text)).isEqualTo(expectedMinor);
        assertThat(Amounts.parseNonNegative(text)).isEqualTo(expectedMinor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.00"})
    void zeroIsAcceptedWhereAnAmountMayBeZero(String text) {
        assertThat(Amounts.parseNonNegative(text)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.00"})
    void zeroIsRefusedWhereAnAmountMustBePositive(String text) {
        assertThatThrownBy(() -> Amounts.parsePositive(text))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("greater than zero");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {
            "-5", "-0.01", "+5", "20.001", "1.234", "1e3", "1E3", "1 000", "1,000", "12,50", "abc", "NaN",
            "Infinity", "01", "00.50", "007", " 5", "5 ", "\t5", "5\n", "12.", ".5", ".", "0x10", "1_000",
            "٣", "12.5.0", "--5", "5-",
    })
    void refusesAnythingThatIsNotAPlainPositiveDecimal(String text) {
        assertThatThrownBy(() -> Amounts.parsePositive(text)).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Amounts.parseNonNegative(text)).isInstanceOf(InvalidAmountException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAMissingAmount(String text) {
        assertThatThrownBy(() -> Amounts.parsePositive(text)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void invalidAmountsAreIllegalArguments() {
        // so that any layer treating bad input generically still answers 400, not 500
        assertThatThrownBy(() -> Amounts.parsePositive("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedAmountIsADebitWhenItStartsWithAMinusAndIsNeverZero() {
        assertThat(Amounts.parseNonZeroSigned("-95.00")).isEqualTo(-9_500);
        assertThat(Amounts.parseNonZeroSigned("55.5")).isEqualTo(5_550);
        assertThatThrownBy(() -> Amounts.parseNonZeroSigned("-0.00")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Amounts.parseNonZeroSigned("0")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Amounts.parseNonZeroSigned("--1.00")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Amounts.parseNonZeroSigned("+1.00")).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void acceptsTheMaximumAmountAndNothingAbove() {
        assertThat(Amounts.parsePositive("100000000.00")).isEqualTo(Amounts.MAX_AMOUNT_MINOR);
        assertThatThrownBy(() -> Amounts.parsePositive("100000000.01"))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("must not exceed 100000000.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999", "999999999999999.99", "9999999999999999", "92233720368547758.07",
            "99999999999999999999999999"})
    void refusesHugeAmountsWithoutOverflowing(String text) {
        assertThatThrownBy(() -> Amounts.parsePositive(text)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void theMaximumIsFarBelowOverflowOfTheArithmetic() {
        // a conversion multiplies by a ratio term; a sum of many maxima must still fit in a long
        assertThat(Math.multiplyExact(Amounts.MAX_AMOUNT_MINOR, 1_000_000L)).isPositive();
    }

    @ParameterizedTest(name = "{0} cents is \"{1}\"")
    @CsvSource({
            "2000, 20.00",
            "2100, 21.00",
            "1250, 12.50",
            "1, 0.01",
            "10, 0.10",
            "99, 0.99",
            "100, 1.00",
            "0, 0.00",
            "-1, -0.01",
            "-10, -0.10",
            "-1250, -12.50",
            "10000000000, 100000000.00",
            "9223372036854775807, 92233720368547758.07",
            "-9223372036854775808, -92233720368547758.08",
    })
    void formatsWithADotAndTwoDecimals(long minor, String expected) {
        assertThat(Amounts.format(minor)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "0.10", "12.50", "20.00", "100000000.00"})
    void formattingAParsedAmountGivesItsCanonicalForm(String canonical) {
        assertThat(Amounts.format(Amounts.parsePositive(canonical))).isEqualTo(canonical);
    }
}
