package org.mlc.ledger.api.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.web.ApiException;

class CsvDialectTest {

    @Test
    void theFrenchDialectWritesDecimalCommasParisMinutesAndFrenchDays() {
        CsvDialect fr = CsvDialect.FRENCH;
        assertThat(fr.decimal("-1234.50")).isEqualTo("-1234,50");
        assertThat(fr.minor(123450)).isEqualTo("1234,50");
        // winter: UTC+1, summer: UTC+2; no seconds, no microseconds
        assertThat(fr.instant(Instant.parse("2026-12-03T13:05:59.123456Z"))).isEqualTo("03/12/2026 14:05");
        assertThat(fr.instant(Instant.parse("2026-07-01T22:30:00Z"))).isEqualTo("02/07/2026 00:30");
        assertThat(fr.day(LocalDate.of(2026, 12, 3))).isEqualTo("03/12/2026");
        assertThat(fr.month(YearMonth.of(2026, 1))).isEqualTo("01/2026");
        assertThat(fr.preamble()).isEqualTo("\uFEFF");
    }

    @Test
    void theMachineDialectWritesWhatItAlwaysWrote() {
        CsvDialect machine = CsvDialect.MACHINE;
        assertThat(machine.decimal("-1234.50")).isEqualTo("-1234.50");
        assertThat(machine.minor(123450)).isEqualTo("123450");
        assertThat(machine.instant(Instant.parse("2026-12-03T13:05:59.123456Z")))
                .isEqualTo("2026-12-03T13:05:59.123456Z");
        assertThat(machine.preamble()).isEmpty();
    }

    @Test
    void aFrenchLineIsSeparatedBySemicolonsQuotesOnlyWhatHoldsOneAndStillNeutralisesFormulas() {
        assertThat(Csv.line(List.of("1234,50", "pain; brioche", "=SUM(A1)", "-12,50", "a,b"), ';'))
                .isEqualTo("1234,50;\"pain; brioche\";'=SUM(A1);-12,50;a,b\r\n");
    }

    @Test
    void theDialectAskedIsJsonMachineOrFrenchAndNothingElse() {
        assertThat(CsvDialect.asked(null, null)).isNull();
        assertThat(CsvDialect.asked("json", "fr")).isNull();
        assertThat(CsvDialect.asked("csv", null)).isEqualTo(CsvDialect.MACHINE);
        assertThat(CsvDialect.asked("CSV", "fr")).isEqualTo(CsvDialect.FRENCH);
        assertThatThrownBy(() -> CsvDialect.asked("csv", "de")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).field()).isEqualTo("dialect");
        assertThatThrownBy(() -> CsvDialect.asked("xml", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void anUploadIsReadInTheDialectOfItsHeaderLineItsBomDropped() {
        Csv.Sheet french = Csv.readAnyDialect("\uFEFFclé;montant\r\n\"a;b\";25,00\r\n", 10);
        assertThat(french.dialect()).isEqualTo(CsvDialect.FRENCH);
        assertThat(french.bom()).isTrue();
        assertThat(french.records().get(0).fields()).containsExactly("clé", "montant");
        assertThat(french.records().get(1).fields()).containsExactly("a;b", "25,00");
        Csv.Sheet machine = Csv.readAnyDialect("key,amount\n\"x;y\",\"25,00\"\n", 10);
        assertThat(machine.dialect()).isEqualTo(CsvDialect.MACHINE);
        assertThat(machine.bom()).isFalse();
        assertThat(machine.records().get(1).fields()).containsExactly("x;y", "25,00");
    }

    @Test
    void anUploadedAmountTakesAPointOrACommaAndAnUploadedDayIsoOrFrench() {
        assertThat(CsvDialect.plainAmount("25,00")).isEqualTo("25.00");
        assertThat(CsvDialect.plainAmount(" 25.00 ")).isEqualTo("25.00");
        assertThat(CsvDialect.plainAmount("1 234,50")).isEqualTo("1234.50");
        assertThat(CsvDialect.plainAmount("1\u202F234,50")).isEqualTo("1234.50");
        assertThat(CsvDialect.plainAmount("25,0,0")).isNull();
        assertThat(CsvDialect.plainAmount("1.234,50")).isNull();
        assertThat(CsvDialect.parseDay("03/12/2026")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(CsvDialect.parseDay("3/2/2026")).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(CsvDialect.parseDay("2026-12-03")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(CsvDialect.parseDay("31/02/2026")).isNull();
        assertThat(CsvDialect.parseDay("12/31/2026")).isNull();
    }

    @Test
    void aHeaderCellIsReadInEnglishOrFrenchWhateverItsCaseAndAccents() {
        List<String> grants = List.of("key", "beneficiary", "units", "expires");
        assertThat(CsvHeaders.column("\uFEFFClé", grants)).isEqualTo("key");
        assertThat(CsvHeaders.column(" BENEFICIAIRE ", grants)).isEqualTo("beneficiary");
        assertThat(CsvHeaders.column("Montant", grants)).isEqualTo("units");
        assertThat(CsvHeaders.column("Montant", List.of("key", "to", "amount"))).isEqualTo("amount");
        assertThat(CsvHeaders.column("Bénéficiaire", List.of("key", "to", "amount"))).isEqualTo("to");
        assertThat(CsvHeaders.column("Units", grants)).isEqualTo("units");
        assertThat(CsvHeaders.column("prix", grants)).isNull();
        assertThat(CsvHeaders.isFrench("Montant", "units")).isTrue();
        assertThat(CsvHeaders.isFrench("UNITS", "units")).isFalse();
    }
}
