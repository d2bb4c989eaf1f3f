package org.mlc.ledger.api.aid;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.csv.Csv;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.money.Amounts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private final AidController programs;
    private final AidExpiryJob expiryJob;
    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;

    public AidReportController(JdbcTemplate jdbc, AidController programs, AidExpiryJob expiryJob,
                               IdempotentCommands commands, ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.jdbc = jdbc;
        this.programs = programs;
        this.expiryJob = expiryJob;
    }

    /**
     * Funded, granted, spent (by filière, by merchant), returned at expiry, paid out at closing,
     * and the number of beneficiaries granted, from {@code from} to {@code to} (inclusive UTC dates;
     * without them, since the programme opened).
     */
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.CCAS})
    @GetMapping("/api/v1/reports/aid-programs/{id}")
    public ResponseEntity<?> report(@PathVariable("id") String programId,
                                    @RequestParam(value = "from", required = false) String from,
                                    @RequestParam(value = "to", required = false) String to,
                                    @RequestParam(value = "format", required = false) String format) {
        Map<String, Object> program = programs.program(programId);
        LocalDate fromDay = day(from, "from", LocalDate.of(2000, 1, 1));
        LocalDate toDay = day(to, "to", LocalDate.of(9998, 12, 31));
        if (toDay.isBefore(fromDay)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ApiException.invalid("format", "must be json or csv");
        }
        Timestamp start = Timestamp.from(fromDay.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.query("SELECT kind, SUM(units_minor) AS total FROM aid_movement WHERE program_id = ? AND at >= ? "
                + "AND at < ? GROUP BY kind", rs -> {
                    totals.put(rs.getString("kind"), rs.getLong("total"));
                }, programId, start, end);
        Long beneficiaries = jdbc.queryForObject("SELECT COUNT(DISTINCT beneficiary_id) FROM aid_movement "
                + "WHERE program_id = ? AND kind = 'GRANTED' AND at >= ? AND at < ?", Long.class, programId, start, end);
        List<Map<String, Object>> byFiliere = new ArrayList<>();
        jdbc.query("SELECT filiere, SUM(units_minor) AS total FROM aid_movement WHERE program_id = ? AND kind = 'SPENT' "
                + "AND at >= ? AND at < ? GROUP BY filiere ORDER BY filiere", rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("filiere", rs.getString("filiere"));
                    row.put("units", Amounts.format(rs.getLong("total")));
                    byFiliere.add(row);
                }, programId, start, end);
        List<Map<String, Object>> byMerchant = new ArrayList<>();
        jdbc.query("SELECT a.participant_id, p.name, m.filiere, SUM(m.units_minor) AS total FROM aid_movement m "
                + "JOIN account_view a ON a.account_id = m.payee_account_id "
                + "JOIN participant_view p ON p.participant_id = a.participant_id "
                + "WHERE m.program_id = ? AND m.kind = 'SPENT' AND m.at >= ? AND m.at < ? "
                + "GROUP BY a.participant_id, p.name, m.filiere ORDER BY p.name, a.participant_id", rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("merchant", rs.getString("participant_id"));
                    row.put("name", rs.getString("name"));
                    row.put("filiere", rs.getString("filiere"));
                    row.put("units", Amounts.format(rs.getLong("total")));
                    byMerchant.add(row);
                }, programId, start, end);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("program", programId);
        report.put("name", program.get("name"));
        report.put("currency", program.get("currency"));
        report.put("from", from == null ? null : fromDay.toString());
        report.put("to", to == null ? null : toDay.toString());
        report.put("funded", Amounts.format(totals.getOrDefault("FUNDED", 0L)));
        report.put("granted", Amounts.format(totals.getOrDefault("GRANTED", 0L)));
        report.put("spent", Amounts.format(totals.getOrDefault("SPENT", 0L)));
        report.put("spentByFiliere", byFiliere);
        report.put("spentByMerchant", byMerchant);
        report.put("returned", Amounts.format(totals.getOrDefault("RETURNED", 0L)));
        report.put("closedOut", Amounts.format(totals.getOrDefault("CLOSED", 0L)));
        report.put("beneficiaries", beneficiaries == null ? 0 : beneficiaries);
        report.put("balance", Amounts.format((Long) program.get("balance_minor")));
        if (!csv) {
            return ResponseEntity.ok(report);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String measure : List.of("funded", "granted", "spent")) {
            rows.add(row(measure, null, null, null, report.get(measure)));
        }
        for (Map<String, Object> f : byFiliere) {
            rows.add(row("spentByFiliere", f.get("filiere"), null, null, f.get("units")));
        }
        for (Map<String, Object> m : byMerchant) {
            rows.add(row("spentByMerchant", m.get("filiere"), m.get("merchant"), m.get("name"), m.get("units")));
        }
        for (String measure : List.of("returned", "closedOut", "beneficiaries", "balance")) {
            rows.add(row(measure, null, null, null, report.get(measure)));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aid-program-" + programId + ".csv\"")
                .body(Csv.write(CSV_COLUMNS, rows));
    }

    /**
     * Runs the expiry now (it also runs every night): what it returned. Idempotent, and run on one
     * node at a time ({@code ran} false if another node is running it).
     */
    @Allowed({Role.ADMIN, Role.CCAS})
    @PostMapping("/api/v1/aid-expiry-runs")
    public Map<String, Object> runExpiry(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                         String key) {
        // the key is required of every change; the run needs no replay: run again, it returns nothing twice
        commands.key("aid-expiry-run", key, List.of());
        AidExpiryJob.Result result = expiryJob.run();
        if (result.lots() > 0) {
            Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
            readYourWrites.awaitIndex(head == null ? -1 : head);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ran", result.ran());
        answer.put("today", result.today().toString());
        answer.put("accounts", result.accounts());
        answer.put("lots", result.lots());
        answer.put("units", Amounts.format(result.unitsMinor()));
        return answer;
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
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date like 2026-01-31");
        }
    }
}
