package org.mlc.ledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.MovableClock;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The FEC read as the administration's checker reads it (Test Compta Demat): the 18 columns
 * under their official names, each journal numbered 1, 2, 3… without gap in date order, each
 * entry and each journal balanced, every date within the period, Idevise an ISO 4217 code or empty.
 */
class FecExportTest extends IntegrationTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern AMOUNT = Pattern.compile("\\d+,\\d{2}");

    @Autowired
    private MovableClock clock;

    /** One line of the file, by column name. */
    private record Line(String journal, long number, LocalDate date, String account, String aux, BigDecimal debit,
                        BigDecimal credit, String[] fields) {
    }

    @Test
    void eachJournalIsNumberedWithoutGapInDateOrderAndEveryEntryAndJournalBalances() {
        LocalDate day = LocalDate.now(CivilDay.ZONE);
        String roue = ledger.currency("10", "12");
        ledger.sponsorBudget(roue, "26000.00", null);
        String counter = ledger.counter(roue);
        Party alice = ledger.participant("MEMBER", "Alice", roue);
        Party bob = ledger.participant("MEMBER", "Bob", roue);
        Party baker = ledger.merchant("Boulangerie", roue);
        try {
            // recorded first, dated last: the store's order is not the dates' order
            clock.advance(Duration.ofDays(2));
            assertThat(ledger.convert(counter, alice, "10.00").status()).isEqualTo(201);
            clock.reset();
            clock.advance(Duration.ofDays(1));
            assertThat(ledger.convert(counter, bob, "20.00").status()).isEqualTo(201);
            assertThat(ledger.pay(bob, baker, "5.00").status()).isEqualTo(201);
        } finally {
            clock.reset();
        }
        // a closing 1.00 € short, today
        assertThat(ledger.close(counter, "29.00").status()).isEqualTo(201);

        StringWriter out = new StringWriter();
        long entries = new FecExport(jdbc).write(out, day, day.plusDays(2));

        List<String> text = out.toString().lines().toList();
        assertThat(text.get(0).split("\t", -1)).containsExactlyElementsOf(List.of("JournalCode", "JournalLib",
                "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef",
                "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise",
                "Idevise"));
        List<Line> lines = new ArrayList<>();
        for (String row : text.subList(1, text.size())) {
            String[] f = row.split("\t", -1);
            assertThat(f).as(row).hasSize(18);
            assertThat(f[11]).as(row).matches(AMOUNT);
            assertThat(f[12]).as(row).matches(AMOUNT);
            LocalDate date = LocalDate.parse(f[3], DATE);
            assertThat(date).as(row).isBetween(day, day.plusDays(2));
            assertThat(LocalDate.parse(f[9], DATE)).as(row).isBetween(day, day.plusDays(2));
            assertThat(LocalDate.parse(f[15], DATE)).as(row).isBetween(day, day.plusDays(2));
            // Idevise is an ISO 4217 currency with its amount, or both are empty; a local currency is none
            assertThat(f[17]).as(row).isEmpty();
            assertThat(f[16]).as(row).isEmpty();
            lines.add(new Line(f[0], Long.parseLong(f[2]), date, f[4], f[6], decimal(f[11]), decimal(f[12]), f));
        }

        // per journal: one block, numbers 1, 2, 3… as the lines come, dates never going back
        Map<String, List<Line>> journals = new LinkedHashMap<>();
        String previousJournal = null;
        for (Line line : lines) {
            if (!line.journal().equals(previousJournal)) {
                assertThat(journals).as("journal %s comes in one block", line.journal()).doesNotContainKey(line.journal());
                previousJournal = line.journal();
            }
            journals.computeIfAbsent(line.journal(), j -> new ArrayList<>()).add(line);
        }
        assertThat(journals).containsKeys("EUR", "MLC");
        long entriesSeen = 0;
        for (Map.Entry<String, List<Line>> journal : journals.entrySet()) {
            long number = 0;
            LocalDate date = null;
            Map<Long, BigDecimal> balancePerEntry = new HashMap<>();
            Map<Long, LocalDate> datePerEntry = new HashMap<>();
            BigDecimal debit = BigDecimal.ZERO;
            BigDecimal credit = BigDecimal.ZERO;
            for (Line line : journal.getValue()) {
                if (line.number() != number) {
                    assertThat(line.number()).as("entry after %s in journal %s", number, journal.getKey())
                            .isEqualTo(number + 1);
                    number = line.number();
                    entriesSeen++;
                }
                if (date != null) {
                    assertThat(line.date()).as("entry %s of journal %s", number, journal.getKey())
                            .isAfterOrEqualTo(date);
                }
                date = line.date();
                assertThat(datePerEntry.computeIfAbsent(number, n -> line.date())).isEqualTo(line.date());
                balancePerEntry.merge(number, line.debit().subtract(line.credit()), BigDecimal::add);
                debit = debit.add(line.debit());
                credit = credit.add(line.credit());
            }
            assertThat(balancePerEntry.values()).as("entries of journal %s", journal.getKey())
                    .allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("0"));
            assertThat(debit).as("debit and credit of journal %s", journal.getKey()).isEqualByComparingTo(credit);
        }
        assertThat(entriesSeen).isEqualTo(entries);

        // this test's entries: the drawer shortfall today, then Bob's conversion, then Alice's
        Line shortfall = only(lines, l -> l.account().equals("471800") && l.debit().compareTo(new BigDecimal("1.00")) == 0
                && l.date().equals(day) && l.fields()[10].endsWith(roue));
        Line bobsEuros = only(lines, l -> l.account().equals("531100") && l.aux().equals(counter)
                && l.debit().compareTo(new BigDecimal("20.00")) == 0);
        Line alicesEuros = only(lines, l -> l.account().equals("531100") && l.aux().equals(counter)
                && l.debit().compareTo(new BigDecimal("10.00")) == 0);
        assertThat(bobsEuros.date()).isEqualTo(day.plusDays(1));
        assertThat(alicesEuros.date()).isEqualTo(day.plusDays(2));
        assertThat(shortfall.number()).isLessThan(bobsEuros.number());
        assertThat(bobsEuros.number()).isLessThan(alicesEuros.number());
        assertThat(lines).noneSatisfy(l -> assertThat(l.account()).isEqualTo(ChartOfAccounts.SUSPENSE.number()));
    }

    @Test
    void everyKindOfLedgerAccountHasItsOwnLineInTheChartOfAccounts() {
        for (LedgerAccountKind kind : LedgerAccountKind.values()) {
            assertThat(ChartOfAccounts.account(kind)).as(kind.name()).isNotEqualTo(ChartOfAccounts.SUSPENSE);
        }
        assertThat(ChartOfAccounts.account(LedgerAccountKind.COUNTER_DISCREPANCY).number()).isEqualTo("471800");
    }

    private static Line only(List<Line> lines, java.util.function.Predicate<Line> which) {
        List<Line> found = lines.stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static BigDecimal decimal(String amount) {
        return new BigDecimal(amount.replace(',', '.'));
    }
}
