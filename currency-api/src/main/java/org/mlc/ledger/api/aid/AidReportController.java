package org.mlc.ledger.api.aid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.csv.CsvColumn;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Platform;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.money.Amounts;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report of an aid programme over a period, and the expiry run on demand. The report counts
 * beneficiaries and names merchants, never a beneficiary.
 */
@RestController
public class AidReportController {

    public static final List<String> CSV_COLUMNS = List.of("measure", "filiere", "merchant", "merchantName", "value");
    /** The same columns and what their values are, for the French dialect. */
    static final List<CsvColumn> CSV = List.of(CsvColumn.word("measure", "csv.measure."),
            CsvColumn.word("filiere", "filiere."), CsvColumn.text("merchant"), CsvColumn.text("merchantName"),
            CsvColumn.decimal("value"));
    private final CsvFiles csvFiles;

    private final AidQueries queries;
    private final AidController programs;
    private final AidExpiryJob expiryJob;
    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final ProcessorPositions positions;

    public AidReportController(AidQueries queries, AidController programs, AidExpiryJob expiryJob,
                               IdempotentCommands commands, ReadYourWrites readYourWrites,
                               ProcessorPositions positions, CsvFiles csvFiles) {
        this.csvFiles = csvFiles;
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.queries = queries;
        this.programs = programs;
        this.expiryJob = expiryJob;
        this.positions = positions;
    }

    /** Units spent in a filière. */
    public record FiliereSpent(String filiere, String units) {
    }

    /** Units spent at a merchant (named: merchants are public), in a filière. */
    public record MerchantSpent(String merchant, String name, String filiere, String units) {
    }

    /** Units spent with the merchants of a commune (INSEE code; null: merchants without one). */
    public record CommuneSpent(String commune, String units) {
    }

    /** A programme's report over a period ({@code from} and {@code to} null when not asked); amounts as text. */
    public record AidReport(String program, String name, String currency, String from, String to, String funded,
                            String granted, String spent, List<FiliereSpent> spentByFiliere,
                            List<MerchantSpent> spentByMerchant, List<CommuneSpent> spentByCommune, String returned,
                            String closedOut, long beneficiaries, String balance) {
    }

    /** What an expiry run returned; {@code ran} is false when another node was running it. */
    public record ExpiryRunAnswer(boolean ran, String today, int accounts, int lots, String units) {
    }

    /**
     * Funded, granted, spent (by filière, by merchant), returned at expiry, paid out at closing,
     * and the number of beneficiaries granted, from {@code from} to {@code to} (inclusive UTC dates;
     * without them, since the programme opened).
     */
    /** The report in the machine dialect (for the pages). */
    public ResponseEntity<?> report(String programId, String from, String to, String format) {
        return report(programId, from, to, format, null);
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "The report of an aid programme (JSON or CSV)")
    @GetMapping("/api/v1/reports/aid-programs/{id}")
    public ResponseEntity<?> report(@PathVariable("id") String programId,
                                    @RequestParam(value = "from", required = false) String from,
                                    @RequestParam(value = "to", required = false) String to,
                                    @RequestParam(value = "format", required = false) String format,
                                    @RequestParam(value = "dialect", required = false) String dialect) {
        AidQueries.Program program = programs.program(programId);
        LocalDate fromDay = day(from, "from", LocalDate.of(2000, 1, 1));
        LocalDate toDay = day(to, "to", LocalDate.of(9998, 12, 31));
        if (toDay.isBefore(fromDay)) {
            throw ApiException.invalid("to", "aid.report-period", "{0} must not be before from");
        }
        CsvDialect csv = CsvDialect.asked(format, dialect);
        Instant start = fromDay.atStartOfDay(CivilDay.ZONE).toInstant();
        Instant end = toDay.plusDays(1).atStartOfDay(CivilDay.ZONE).toInstant();
        AidQueries.Totals totals = queries.totals(programId, start, end);
        List<FiliereSpent> byFiliere = queries.spentByFiliere(programId, start, end).stream()
                .map(f -> new FiliereSpent(f.filiere(), Amounts.format(f.unitsMinor()))).toList();
        List<MerchantSpent> byMerchant = queries.spentByMerchant(programId, start, end).stream()
                .map(m -> new MerchantSpent(m.merchantId(), m.name(), m.filiere(), Amounts.format(m.unitsMinor())))
                .toList();
        AidReport report = new AidReport(programId, program.name(), program.currency(),
                from == null ? null : fromDay.toString(), to == null ? null : toDay.toString(),
                Amounts.format(totals.fundedMinor()), Amounts.format(totals.grantedMinor()),
                Amounts.format(totals.spentMinor()), byFiliere, byMerchant,
                queries.spentByCommune(programId, start, end).stream()
                        .map(c -> new CommuneSpent(c.commune(), Amounts.format(c.unitsMinor()))).toList(),
                Amounts.format(totals.returnedMinor()),
                Amounts.format(totals.closedMinor()),
                queries.beneficiaries(programId, start, end), Amounts.format(program.balanceMinor()));
        if (csv == null) {
            return ResponseEntity.ok(report);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("funded", null, null, null, report.funded()));
        rows.add(row("granted", null, null, null, report.granted()));
        rows.add(row("spent", null, null, null, report.spent()));
        for (FiliereSpent f : byFiliere) {
            rows.add(row("spentByFiliere", f.filiere(), null, null, f.units()));
        }
        for (MerchantSpent m : byMerchant) {
            rows.add(row("spentByMerchant", m.filiere(), m.merchant(), m.name(), m.units()));
        }
        rows.add(row("returned", null, null, null, report.returned()));
        rows.add(row("closedOut", null, null, null, report.closedOut()));
        rows.add(row("beneficiaries", null, null, null, report.beneficiaries()));
        rows.add(row("balance", null, null, null, report.balance()));
        return csvFiles.answer(csv, "aid-program-" + programId + ".csv", CSV, rows);
    }

    /**
     * Runs the expiry now (it also runs every night): what it returned. Idempotent, and run on one
     * node at a time ({@code ran} false if another node is running it). A platform act: the run
     * covers every currency's grants (and answers their totals), so no association's user starts it.
     */
    @Allowed(Role.ADMIN)
    @Platform
    @Operation(summary = "Run the expiry of aid grants now")
    @PostMapping("/api/v1/aid-expiry-runs")
    public ExpiryRunAnswer runExpiry(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                         String key) {
        // the key is required of every change; the run needs no replay: run again, it returns nothing twice
        commands.key("aid-expiry-run", key, List.of());
        AidExpiryJob.Result result = expiryJob.run();
        if (result.lots() > 0) {
            readYourWrites.awaitIndex(positions.head());
        }
        return new ExpiryRunAnswer(result.ran(), result.today().toString(), result.accounts(), result.lots(),
                Amounts.format(result.unitsMinor()));
    }

    private static Map<String, Object> row(String measure, Object filiere, Object merchant, Object name, Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measure", measure);
        row.put("filiere", filiere);
        row.put("merchant", merchant);
        row.put("merchantName", name);
        row.put("value", value);
        return row;
    }

    private static LocalDate day(String value, String field, LocalDate otherwise) {
        LocalDate day = RequestValues.optionalDate(value, field);
        return day == null ? otherwise : day;
    }
}
