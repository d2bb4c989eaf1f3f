package org.mlc.ledger.api.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger;
import org.mlc.ledger.api.support.Ledger.Party;

/** What a user typed goes out in the exports as text a spreadsheet shows, never as a formula it runs. */
class CsvFormulaExportTest extends IntegrationTest {

    private static final String CALC = "=cmd|' /C calc'!A0";
    private static final String LINK = "+HYPERLINK(\"http://evil.example\",\"click\")";
    private static final String SUM = "@SUM(1+9)";

    @Test
    void aStatementAndAnAidReportWriteFormulasAsText() {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "10.00");
        Party merchant = ledger.merchant(SUM, currency);
        Party ccas = ledger.participant("CCAS", "CCAS", currency);
        for (String reference : List.of(CALC, LINK, "-2+3")) {
            Api.Response paid = api.post("/api/v1/payments", """
                    {"from":"%s","to":"%s","amount":"1.00","reference":%s}""".formatted(member.accountId(),
                    merchant.accountId(), com.fasterxml.jackson.databind.node.TextNode.valueOf(reference)));
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        }

        Api.Response statement = api.get("/api/v1/accounts/" + member.accountId() + "/entries?format=csv");
        assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
        List<List<String>> cells = Csv.read(statement.text(), 100).stream().map(Csv.Record::fields).toList();
        assertThat(cells).anySatisfy(row -> assertThat(row).contains("'" + CALC, "-1.00"));
        assertThat(cells).anySatisfy(row -> assertThat(row).contains("'" + LINK));
        assertThat(cells).anySatisfy(row -> assertThat(row).contains("'-2+3"));
        assertNoFormula(cells);

        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        ledger.fundAidProgram(program, "5.00");
        Api ccasApi = ledger.user("CCAS", ccas.id(), null).api();
        Api.Response granted = Ledger.grant(ccasApi, program, member, "2.00");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        Api.Response spent = ledger.pay(member, merchant, "8.00");
        assertThat(spent.status()).as(spent.toString()).isEqualTo(201);
        Api.Response report = api.get("/api/v1/reports/aid-programs/" + program + "?format=csv");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        List<List<String>> reportCells = Csv.read(report.text(), 100).stream().map(Csv.Record::fields).toList();
        assertThat(reportCells).anySatisfy(row -> assertThat(row).contains("'" + SUM));
        assertNoFormula(reportCells);
    }

    private static void assertNoFormula(List<List<String>> rows) {
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell.isEmpty() || "=+@\t\r".indexOf(cell.charAt(0)) < 0
                        && (cell.charAt(0) != '-' || cell.matches("-[0-9]+([.,][0-9]+)?")))
                        .as("a cell a spreadsheet would run: %s", cell).isTrue();
            }
        }
    }
}
