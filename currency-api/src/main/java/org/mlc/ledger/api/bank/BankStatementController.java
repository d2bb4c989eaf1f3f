package org.mlc.ledger.api.bank;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mlc.ledger.api.csv.Csv;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.csv.CsvHeaders;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.api.aid.AidQueries;
import org.mlc.ledger.api.counter.CounterDayQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.bank.ImportResult;
import org.mlc.ledger.bank.MatchedLine;
import org.mlc.ledger.bank.UndoStatementMatch;
import org.mlc.ledger.bank.LineResult;
import org.mlc.ledger.bank.FundBankAccount;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.bank.ImportBankStatement;
import org.mlc.ledger.api.issuance.IssuanceLines;
import org.mlc.ledger.api.issuance.IssuanceQueries;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.bank.StatementLine;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.InvalidAmountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final CurrencyQueries currencies;
    private final CounterDayQueries counterDays;
    private final AidQueries aid;
    private final IssuanceQueries issuances;
    private final IssuanceLines issuanceLines;
    private final Clock clock;
    private final CsvFiles csvFiles;

    public BankStatementController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                                   CurrencyQueries currencies, CounterDayQueries counterDays, AidQueries aid,
                                   IssuanceQueries issuances, IssuanceLines issuanceLines,
                                   Clock clock, CsvFiles csvFiles) {
        this.issuances = issuances;
        this.issuanceLines = issuanceLines;
        this.csvFiles = csvFiles;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.currencies = currencies;
        this.counterDays = counterDays;
        this.aid = aid;
        this.clock = clock;
    }

    /** A statement line and how it was matched; {@code reason} only when one is given. */
    public record LineAnswer(int line, String reference, String amount, String outcome,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    /** The imported statement: its lines matched, unmatched, and matched with a different amount or state. */
    public record StatementAnswer(String id, List<LineAnswer> matched, List<LineAnswer> unmatched,
                                  List<LineAnswer> mismatched) {
    }

    @Operation(summary = "Import a bank statement of the guarantee fund and match its lines")
    @PostMapping(consumes = {"text/csv", "text/plain"})
    @Allowed(Role.ADMIN)
    public StatementAnswer importStatement(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                               String key, @PathVariable("code") String code,
                                               @RequestParam(value = "fundAccount", required = false)
                                               String fundAccount,
                                               @RequestBody(required = false) String csv) {
        // the fund's bank account only when named, so that the keys of earlier imports still match
        var keyed = commands.key("bank-statement", key, fundAccount == null ? List.of(code, csv == null ? "" : csv)
                : List.of(code, csv == null ? "" : csv, fundAccount));
        String account = fundAccount == null ? null : RequestValues.id(fundAccount, "fundAccount");
        if (!currencies.exists(code)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
        List<StatementLine> lines = parse(csv, csvFiles::french);
        Map<String, CounterId> remittances = new LinkedHashMap<>();
        counterDays.remittanceCounters(code).forEach((remittance, counter) ->
                remittances.put(remittance, CounterId.of(counter)));
        List<BudgetId> budgets = counterDays.budgetIds(code).stream().map(BudgetId::of).toList();
        // announced fundings of the currency's aid programmes (docs/aid.md): the reference is the funding id
        Map<String, AidProgramId> aidFundings = new LinkedHashMap<>();
        aid.announcedFundings(code).forEach((funding, program) -> aidFundings.put(funding, AidProgramId.of(program)));
        // direct issuances awaiting their euros: the reference is the issuance id
        List<IssuanceId> awaiting = issuances.awaitingFunds(code).stream().map(IssuanceId::of).toList();
        String statementId = keyed.derivedId("statement");
        ImportResult result = commands.send(keyed, new ImportBankStatement(CurrencyCode.of(code), statementId, lines,
                remittances, budgets, aidFundings, account, awaiting, clock.instant()), ImportResult.class);
        List<String> touched = new ArrayList<>(remittances.values().stream().map(CounterId::value).distinct().toList());
        budgets.forEach(b -> touched.add(b.value()));
        aidFundings.values().stream().map(AidProgramId::value).distinct().forEach(touched::add);
        touched.add(FundBankAccount.idOf(CurrencyCode.of(code)));
        touched.add(GuaranteeFund.idOf(CurrencyCode.of(code)));
        List<String> funded = result.lines().stream().filter(l -> "MATCHED_ISSUANCE".equals(l.outcome()))
                .map(l -> l.reference()).toList();
        touched.addAll(funded);
        readYourWrites.awaitAll(touched.toArray(String[]::new));
        funded.forEach(issuanceLines::start);
        log.info("bank statement {} of {} imported: {} lines", statementId, code, result.lines().size());
        return answer(result);
    }

    /** Why a line's match is undone (required, at most {@value UndoStatementMatch#MAX_REASON_LENGTH} characters). */
    public record UndoRequest(String reason) {
    }

    /**
     * A line whose match was undone: what it had matched ({@code undone}: its outcome then, and
     * {@code matched}: the id of the remittance, budget, funding or reconversion), now UNMATCHED.
     */
    public record UndoAnswer(String statementId, int line, String amount, String undone, String matched,
                             String outcome, String reason, String undoneBy) {
    }

    /**
     * Undoes a line's match by compensation (docs/counters.md): what it recorded is reversed, the
     * line is unmatched and may be matched again (by a later import, or by hand).
     */
    @Operation(summary = "Undo the match of a bank statement line")
    @PostMapping(path = "/{statementId}/lines/{line}/match-undo", consumes = "application/json")
    @Allowed(Role.ADMIN)
    public UndoAnswer undoMatch(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                @PathVariable("code") String code, @PathVariable("statementId") String statementId,
                                @PathVariable("line") String line, @RequestBody(required = false) UndoRequest request) {
        var keyed = commands.key("bank-match-undo", key, List.of(code, statementId, line,
                request == null || request.reason() == null ? "" : request.reason()));
        if (!currencies.exists(code)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
        String statement = RequestValues.id(statementId, "statementId");
        int lineNumber = lineNumber(line);
        String reason = RequestValues.requiredReason(request == null ? null : request.reason(),
                UndoStatementMatch.MAX_REASON_LENGTH);
        String by = Caller.current().username();
        MatchedLine undone = commands.send(keyed, new UndoStatementMatch(CurrencyCode.of(code), statement, lineNumber,
                reason, by, clock.instant()), MatchedLine.class);
        readYourWrites.awaitAll(FundBankAccount.idOf(CurrencyCode.of(code)), GuaranteeFund.idOf(CurrencyCode.of(code)),
                undone.holderId());
        log.info("bank statement {} of {} line {}: {} of {} undone by {}", statement, code, lineNumber,
                undone.outcome(), undone.sourceId(), by);
        return new UndoAnswer(statement, lineNumber, Amounts.format(undone.amountMinor()), undone.outcome(),
                undone.sourceId(), "UNMATCHED", reason, by);
    }

    /** A line number as in the import's answer: the line of the file, the header being line 1. */
    private static int lineNumber(String line) {
        if (line == null || !line.matches("[0-9]{1,6}") || Integer.parseInt(line) < 2) {
            throw ApiException.invalid("line", "bank.line-number",
                    "{0} must be a line number of the statement (2 or more)");
        }
        return Integer.parseInt(line);
    }

    /** A reason may be longer than the labels {@link RequestValues} checks: its own limit. */
    private static StatementAnswer answer(ImportResult result) {
        List<LineAnswer> matched = new ArrayList<>();
        List<LineAnswer> unmatched = new ArrayList<>();
        List<LineAnswer> mismatched = new ArrayList<>();
        for (LineResult line : result.lines()) {
            LineAnswer row = new LineAnswer(line.line(), line.reference(), Amounts.format(line.amountMinor()),
                    line.outcome(), line.reason());
            (line.outcome().startsWith("MATCHED") ? matched : line.outcome().equals("UNMATCHED") ? unmatched
                    : mismatched).add(row);
        }
        return new StatementAnswer(result.statementId(), matched, unmatched, mismatched);
    }

    /** The statement's columns, in their order. */
    private static final List<String> COLUMNS = List.of("date", "amount", "label", "reference");

    /** As {@link #parse(String, Function)}, a French file's refusals in English. */
    static List<StatementLine> parse(String csv) {
        return parse(csv, DomainException::getMessage);
    }

    /**
     * Strict CSV, in either dialect: the header (its columns in English or French: date, montant,
     * libellé, référence), then one credit (positive) or debit (negative) per line, an amount with a
     * decimal point or comma, a date ISO or dd/mm/yyyy; any malformed line refuses the file. A French
     * file's refusal is worded by {@code french}, naming the line and the column as the file does.
     */
    static List<StatementLine> parse(String csv, Function<DomainException, String> french) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.invalid("body", "bank.statement-required",
                    "{0} a CSV bank statement is required, starting with {1}", HEADER);
        }
        if (csv.length() > MAX_STATEMENT_BYTES) {
            throw ApiException.invalid("body", "bank.statement-max-size",
                    "{0} a statement is at most {1} characters", MAX_STATEMENT_BYTES);
        }
        Csv.Sheet sheet;
        try {
            // the header, at most MAX_LINES lines, and one more to know there are too many
            sheet = Csv.readAnyDialect(csv, ImportBankStatement.MAX_LINES + 2);
        } catch (Csv.MalformedException e) {
            throw e.refusal();
        }
        List<Csv.Record> records = sheet.records();
        List<String> header = records.isEmpty() || records.get(0).line() != 1 ? List.of() : records.get(0).fields();
        boolean frenchNames = false;
        boolean known = header.size() == COLUMNS.size();
        for (int i = 0; known && i < header.size(); i++) {
            known = COLUMNS.get(i).equals(CsvHeaders.column(header.get(i), COLUMNS));
            frenchNames |= known && CsvHeaders.isFrench(header.get(i), COLUMNS.get(i));
        }
        if (!known) {
            throw ApiException.invalid("line 1", "bank.header",
                    "{0} the header must be {1} (or date;montant;libellé;référence)", HEADER);
        }
        boolean inFrench = sheet.dialect() == CsvDialect.FRENCH || sheet.bom() || frenchNames;
        List<StatementLine> lines = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            String field = "line " + record.line();
            List<String> cells = record.fields();
            if (cells.size() != 4) {
                if (inFrench) {
                    throw refused(field, french.apply(DomainException.invalid("csv-cells",
                            "line {0}: {1} cells, the header has {2}", record.line(), cells.size(), 4)));
                }
                throw ApiException.invalid(field, "bank.line-fields",
                        "{0} must have 4 fields ({1}), has {2}", HEADER, cells.size());
            }
            LocalDate date = CsvDialect.parseDay(cells.get(0));
            if (date == null && inFrench) {
                throw refused(field, french.apply(cell("csv-cell-date", "is not a date (dd/mm/yyyy)", record,
                        header, 0)));
            }
            date = RequestValues.requiredDate(date == null ? cells.get(0).strip() : date.toString(), field);
            long amount;
            try {
                String plain = CsvDialect.plainAmount(cells.get(1));
                if (plain == null) {
                    throw new InvalidAmountException("amount.malformed",
                            "must be a plain decimal with at most 2 decimals, like \"12.50\"");
                }
                amount = Amounts.parseNonZeroSigned(plain);
            } catch (InvalidAmountException e) {
                if (inFrench) {
                    throw refused(field, french.apply(cell("csv-cell-signed-amount", "is not an amount",
                            record, header, 1)));
                }
                throw ApiException.invalid(field, "bank.line-amount", "{0} amount {1}", e.getMessage());
            }
            String label = RequestValues.optionalText(cells.get(2), field);
            String reference = RequestValues.optionalText(cells.get(3), field);
            lines.add(new StatementLine(record.line(), date, amount, label, reference == null || reference.isEmpty()
                    ? null : reference));
            if (lines.size() > ImportBankStatement.MAX_LINES) {
                throw ApiException.invalid("body", "bank.statement-max-lines",
                        "{0} a statement has at most {1} lines", ImportBankStatement.MAX_LINES);
            }
        }
        if (lines.isEmpty()) {
            throw ApiException.invalid("body", "bank.statement-empty",
                    "{0} the statement has no line after its header");
        }
        return lines;
    }

    private static DomainException cell(String key, String english, Csv.Record record, List<String> header, int c) {
        return DomainException.invalid(key, "line {0}, column \"{1}\": \"{2}\" " + english, record.line(),
                header.get(c).replace(Csv.BOM, "").strip(), record.fields().get(c).strip());
    }

    /** A French file's refusal: its words already name the line and the column. */
    private static ApiException refused(String field, String words) {
        return new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "validation", words, field);
    }
}
