package org.mlc.ledger.api.bank;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.bank.ImportResult;
import org.mlc.ledger.bank.LineResult;
import org.mlc.ledger.bank.FundBankAccount;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.bank.ImportBankStatement;
import org.mlc.ledger.bank.StatementLine;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.InvalidAmountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports the guarantee fund's bank statement as CSV ({@code date,amount,label,reference}, a
 * header line first, amounts with a dot, debits negative): credits are matched by reference to
 * remittances and sponsor budgets, debits to reconversion payouts (the reference is the
 * reconversion id, as in the payout list for the bank); what does not match is listed.
 */
@RestController
@RequestMapping("/api/v1/currencies/{code}/bank-statements")
public class BankStatementController {

    public static final String HEADER = "date,amount,label,reference";
    /** Bytes of CSV accepted in one import. */
    public static final int MAX_STATEMENT_BYTES = 2_000_000;

    private static final Logger log = LoggerFactory.getLogger(BankStatementController.class);

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BankStatementController(IdempotentCommands commands, ReadYourWrites readYourWrites, JdbcTemplate jdbc,
                                   Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    @Allowed(Role.ADMIN)
    public Map<String, Object> importStatement(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                               String key, @PathVariable("code") String code,
                                               @RequestBody(required = false) String csv) {
        var keyed = commands.key("bank-statement", key, List.of(code, csv == null ? "" : csv));
        if (jdbc.queryForList("SELECT code FROM currency_view WHERE code = ?", code).isEmpty()) {
            throw ApiException.notFound("unknown currency " + code);
        }
        List<StatementLine> lines = parse(csv);
        Map<String, CounterId> remittances = new LinkedHashMap<>();
        jdbc.query("SELECT r.remittance_id, r.counter_id FROM remittance_view r JOIN counter_view c "
                        + "ON c.counter_id = r.counter_id WHERE c.currency = ?",
                rs -> {
                    remittances.put(rs.getString(1), CounterId.of(rs.getString(2)));
                }, code);
        List<BudgetId> budgets = jdbc.queryForList("SELECT budget_id FROM bonus_budget_view WHERE currency = ?",
                String.class, code).stream().map(BudgetId::of).toList();
        // announced fundings of the currency's aid programmes (docs/aid.md): the reference is the funding id
        Map<String, AidProgramId> aidFundings = new LinkedHashMap<>();
        jdbc.query("SELECT f.funding_id, f.program_id FROM aid_funding_view f JOIN aid_program_view p "
                        + "ON p.program_id = f.program_id WHERE p.currency = ? AND f.status = 'ANNOUNCED'",
                rs -> {
                    aidFundings.put(rs.getString(1), AidProgramId.of(rs.getString(2)));
                }, code);
        String statementId = keyed.derivedId("statement");
        ImportResult result = commands.send(keyed, new ImportBankStatement(CurrencyCode.of(code), statementId, lines,
                remittances, budgets, aidFundings, clock.instant()), ImportResult.class);
        List<String> touched = new ArrayList<>(remittances.values().stream().map(CounterId::value).distinct().toList());
        budgets.forEach(b -> touched.add(b.value()));
        aidFundings.values().stream().map(AidProgramId::value).distinct().forEach(touched::add);
        touched.add(FundBankAccount.idOf(CurrencyCode.of(code)));
        touched.add(GuaranteeFund.idOf(CurrencyCode.of(code)));
        readYourWrites.awaitAll(touched.toArray(String[]::new));
        log.info("bank statement {} of {} imported: {} lines", statementId, code, result.lines().size());
        return answer(result);
    }

    private static Map<String, Object> answer(ImportResult result) {
        List<Map<String, Object>> matched = new ArrayList<>();
        List<Map<String, Object>> unmatched = new ArrayList<>();
        List<Map<String, Object>> mismatched = new ArrayList<>();
        for (LineResult line : result.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", line.line());
            row.put("reference", line.reference());
            row.put("amount", Amounts.format(line.amountMinor()));
            row.put("outcome", line.outcome());
            if (line.reason() != null) {
                row.put("reason", line.reason());
            }
            (line.outcome().startsWith("MATCHED") ? matched : line.outcome().equals("UNMATCHED") ? unmatched
                    : mismatched).add(row);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", result.statementId());
        answer.put("matched", matched);
        answer.put("unmatched", unmatched);
        answer.put("mismatched", mismatched);
        return answer;
    }

    /**
     * Strict CSV: the header, then one credit (positive) or debit (negative) per line; any
     * malformed line refuses the file.
     */
    static List<StatementLine> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.invalid("body", "a CSV bank statement is required, starting with " + HEADER);
        }
        if (csv.length() > MAX_STATEMENT_BYTES) {
            throw ApiException.invalid("body", "a statement is at most " + MAX_STATEMENT_BYTES + " characters");
        }
        String[] rows = csv.replace("\r\n", "\n").split("\n");
        if (!rows[0].strip().equalsIgnoreCase(HEADER)) {
            throw ApiException.invalid("line 1", "the header must be " + HEADER);
        }
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String field = "line " + (i + 1);
            List<String> cells = cells(rows[i], field);
            if (cells.size() != 4) {
                throw ApiException.invalid(field, "must have 4 fields (" + HEADER + "), has " + cells.size());
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells.get(0).strip());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(field, "date must be like 2026-01-31");
            }
            long amount;
            try {
                amount = Amounts.parseNonZeroSigned(cells.get(1).strip());
            } catch (InvalidAmountException e) {
                throw ApiException.invalid(field, "amount " + e.getMessage());
            }
            String label = RequestValues.optionalText(cells.get(2), field);
            String reference = RequestValues.optionalText(cells.get(3), field);
            lines.add(new StatementLine(i + 1, date, amount, label, reference == null || reference.isEmpty()
                    ? null : reference));
            if (lines.size() > ImportBankStatement.MAX_LINES) {
                throw ApiException.invalid("body", "a statement has at most " + ImportBankStatement.MAX_LINES
                        + " lines");
            }
        }
        if (lines.isEmpty()) {
            throw ApiException.invalid("body", "the statement has no line after its header");
        }
        return lines;
    }

    /** RFC 4180 cells of one row: commas separate, double quotes enclose, "" is a quote. */
    private static List<String> cells(String row, String field) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw ApiException.invalid(field, "has an unclosed quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
