package org.mlc.ledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

class ReportsTest extends IntegrationTest {

    private String currency;
    private String counter;
    private Party member;
    private Party baker;
    private Party miller;
    private final YearMonth thisMonth = YearMonth.now(CivilDay.ZONE);

    /**
     * 20 € = 21 units: a member converts 40 €, pays the baker 30, the baker pays the miller 10 (B2B).
     * Since bonus units are issued only when a sponsor funds them, a sponsor commits the 2.00 of
     * bonus: drawn and not paid in yet, it is owed by the sponsor and backs, so coverage is exactly 1.
     */
    @BeforeEach
    void aMonthOfTrade() {
        currency = ledger.currency("20", "21");
        ledger.sponsorBudget(currency, "2.00", null);
        counter = ledger.counter(currency);
        member = ledger.participant("MEMBER", "Alice", currency);
        baker = ledger.merchant("Boulangerie", currency);
        miller = ledger.merchant("Moulin", currency);
        assertThat(ledger.convert(counter, member, "40.00").status()).isEqualTo(201);
        assertThat(ledger.pay(member, baker, "30.00").status()).isEqualTo(201);
        assertThat(ledger.pay(baker, miller, "10.00").status()).isEqualTo(201);
    }

    @Test
    void indicatorsOfTheMonthShowCirculationConversionsPaymentsAndB2bShare() {
        Api.Response response = api.get("/api/v1/reports/indicators?currency=" + currency + "&from=" + thisMonth
                + "&to=" + thisMonth);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode month = response.json().get("months").get(0);
        assertThat(month.get("inCirculation").asText()).isEqualTo("42.00");
        assertThat(month.get("backing").asText()).isEqualTo("42.00");
        assertThat(month.get("coverageRatio").asText()).isEqualTo("1.0000");
        // 40 € held for 42 units: the 2.00 of bonus is owed by the sponsor, backing but not held
        assertThat(month.get("sponsorReceivable").asText()).isEqualTo("2.00");
        assertThat(month.get("cashCoverageRatio").asText()).isEqualTo("0.9523");
        assertThat(month.get("underBackedBy").asText()).isEqualTo("0.00");
        assertThat(month.get("conversions").asLong()).isEqualTo(1);
        assertThat(month.get("conversionEuros").asText()).isEqualTo("40.00");
        assertThat(month.get("bonus").asText()).isEqualTo("2.00");
        assertThat(month.get("payments").asLong()).isEqualTo(2);
        assertThat(month.get("paymentVolume").asText()).isEqualTo("40.00");
        assertThat(month.get("b2bPayments").asLong()).isEqualTo(1);
        assertThat(month.get("b2bShare").asText()).isEqualTo("0.2500");
        // 40 paid over an average circulation of (0 + 42) / 2
        assertThat(month.get("velocity").asText()).isEqualTo("1.9047");
        assertThat(month.get("activeMembers").asLong()).isEqualTo(1);
        assertThat(month.get("activeMerchants").asLong()).isEqualTo(2);
        books.assertJournalMatchesBalances(currency);
    }

    @Test
    void indicatorsComeAsCsvWithOneLinePerMonth() {
        Api.Response response = api.get("/api/v1/reports/indicators?currency=" + currency + "&from="
                + thisMonth.minusMonths(1) + "&to=" + thisMonth + "&format=csv");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        List<String> lines = response.text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("currency,month,inCirculationMinor,");
        assertThat(lines.get(1)).startsWith(currency + "," + thisMonth.minusMonths(1) + ",0,");
        assertThat(lines.get(2)).startsWith(currency + "," + thisMonth + ",4200,4200,0,0,4200,1.0000,0.9523,200,0,0,1,4000,");
    }

    @Test
    void counterDayReportAddsUpTheConversionsAndTheCashInTheDrawer() {
        String today = LocalDate.now(CivilDay.ZONE).toString();
        Api.Response response = api.get("/api/v1/reports/counters/" + counter + "/day?date=" + today);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode day = response.json();
        assertThat(day.get("conversions").asLong()).isEqualTo(1);
        assertThat(day.get("euros").asText()).isEqualTo("40.00");
        assertThat(day.get("eurosByMeans").get("CASH").asText()).isEqualTo("40.00");
        assertThat(day.get("units").asText()).isEqualTo("42.00");
        assertThat(day.get("cashAtStart").asText()).isEqualTo("0.00");
        assertThat(day.get("cashAtEnd").asText()).isEqualTo("40.00");
        // the drawer, each means apart
        assertThat(day.get("drawerAtStart").get("CASH").asText()).isEqualTo("0.00");
        assertThat(day.get("drawerAtEnd").get("CASH").asText()).isEqualTo("40.00");
        assertThat(day.get("drawerAtEnd").get("CARD").asText()).isEqualTo("0.00");
        assertThat(day.get("drawerAtEnd").get("CHEQUE").asText()).isEqualTo("0.00");
        assertThat(day.get("lines")).hasSize(1);
    }

    @Test
    void merchantMonthlyStatementGoesFromOpeningToClosingBalance() {
        Api.Response response = api.get("/api/v1/reports/merchants/" + baker.id() + "/monthly?month=" + thisMonth);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode statement = response.json();
        assertThat(statement.get("openingBalance").asText()).isEqualTo("0.00");
        assertThat(statement.get("received").asText()).isEqualTo("30.00");
        assertThat(statement.get("paid").asText()).isEqualTo("10.00");
        assertThat(statement.get("closingBalance").asText()).isEqualTo(ledger.balance(baker));
        assertThat(statement.get("lines")).hasSize(2);
    }

    @Test
    void reportsRefuseAMalformedPeriodNamingTheField() {
        Api.Response month = api.get("/api/v1/reports/indicators?currency=" + currency + "&from=2026-13&to=2026-01");
        assertThat(month.status()).isEqualTo(400);
        assertThat(month.get("field")).isEqualTo("from");
        Api.Response reversed = api.get("/api/v1/reports/indicators?currency=" + currency + "&from=2026-03&to=2026-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.get("field")).isEqualTo("to");
        Api.Response day = api.get("/api/v1/reports/counters/" + counter + "/day?date=yesterday");
        assertThat(day.status()).isEqualTo(400);
        assertThat(day.get("field")).isEqualTo("date");
        assertThat(api.get("/api/v1/reports/merchants/" + member.id() + "/monthly?month=" + thisMonth).status())
                .as("a member has no merchant statement").isEqualTo(404);
    }

    @Test
    void fecExportHasTheEighteenLegalColumnsInOrderAndBalancedEntries() {
        StringWriter out = new StringWriter();
        LocalDate today = LocalDate.now(CivilDay.ZONE);
        long entries = new FecExport(jdbc).write(out, today, today);
        List<String[]> rows = out.toString().lines().map(line -> line.split("\t", -1)).toList();
        assertThat(rows.get(0)).containsExactly("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum",
                "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
                "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(18));
        Map<String, BigDecimal> balancePerEntry = new HashMap<>();
        for (String[] row : rows.subList(1, rows.size())) {
            BigDecimal debit = new BigDecimal(row[11].replace(',', '.'));
            BigDecimal credit = new BigDecimal(row[12].replace(',', '.'));
            balancePerEntry.merge(row[0] + row[2], debit.subtract(credit), BigDecimal::add);
            assertThat(row[3]).isEqualTo(today.toString().replace("-", ""));
        }
        assertThat(balancePerEntry).hasSize((int) entries);
        assertThat(balancePerEntry.values()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("0"));
        // this test's conversion: 40 € from outside into the counter's drawer, with its auxiliary account
        assertThat(rows).anySatisfy(row -> assertThat(List.of(row[0], row[4], row[6], row[11]))
                .containsExactly("EUR", "531100", counter, "40,00"));
        // units at parity in the MLC journal; a local currency is no ISO 4217 currency: no Idevise
        assertThat(rows).anySatisfy(row -> assertThat(List.of(row[0], row[4], row[6], row[11], row[16], row[17]))
                .containsExactly("MLC", "801200", member.accountId(), "42,00", "", ""));
    }

    @Test
    void statusTellsHowFarBehindEachProjectionIs() {
        Api.Response response = api.get("/api/v1/status");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("head").asLong()).isPositive();
        Map<String, JsonNode> processors = new HashMap<>();
        status.get("processors").forEach(p -> processors.put(p.get("name").asText(), p));
        assertThat(processors).containsKeys("ledger", "directory", "reports", "TransferSagaProcessor");
        JsonNode ledgerProcessor = processors.get("ledger");
        assertThat(ledgerProcessor.get("running").asBoolean()).isTrue();
        assertThat(ledgerProcessor.get("position").asLong()).isLessThanOrEqualTo(status.get("head").asLong());
        assertThat(ledgerProcessor.get("lag").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(ledgerProcessor.get("tables").toString()).contains("ledger_balance");
        assertThat(api.getAnonymously("/api/v1/status").status()).isEqualTo(401);
    }
}
