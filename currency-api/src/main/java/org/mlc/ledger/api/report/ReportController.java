package org.mlc.ledger.api.report;

import static org.mlc.ledger.api.web.RequestValues.id;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.csv.Csv;
import org.mlc.ledger.api.counter.CounterPolicy;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.money.Amounts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for the treasurer, the counters and the merchants: JSON, or CSV with {@code ?format=csv}. */
@RestController
@RequestMapping("/api/v1/reports")
public class ReportController {

    private final JdbcTemplate jdbc;
    private final Indicators indicators;

    public ReportController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.indicators = new Indicators(jdbc);
    }

    /** Currency indicators per month, {@code ?currency=BOUSOL&from=2026-01&to=2026-03}. */
    @GetMapping("/indicators")
    @Allowed({Role.ADMIN, Role.AUDITOR})
    public ResponseEntity<?> indicators(@RequestParam(required = false) String currency,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String format) {
        boolean csv = csv(format);
        String code = knownCurrency(currency);
        YearMonth fromMonth = month(from, "from");
        YearMonth toMonth = month(to, "to");
        if (toMonth.isBefore(fromMonth) || fromMonth.plusMonths(Indicators.MAX_MONTHS - 1).isBefore(toMonth)) {
            throw ApiException.invalid("to", "must not be before from, and at most " + Indicators.MAX_MONTHS
                    + " months after it");
        }
        List<Indicators.Month> months = indicators.months(code, fromMonth, toMonth);
        if (csv) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Indicators.Month month : months) {
                Map<String, Object> row = new LinkedHashMap<>();
                List<Object> values = month.csvValues();
                for (int i = 0; i < Indicators.CSV_COLUMNS.size(); i++) {
                    row.put(Indicators.CSV_COLUMNS.get(i), values.get(i));
                }
                rows.add(row);
            }
            return csvAnswer("indicators-" + code + ".csv", Csv.write(Indicators.CSV_COLUMNS, rows));
        }
        List<Map<String, Object>> body = new ArrayList<>();
        for (Indicators.Month m : months) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("month", m.month().toString());
            view.put("inCirculation", Amounts.format(m.inCirculationMinor()));
            view.put("electronic", Amounts.format(m.electronicMinor()));
            view.put("paper", Amounts.format(m.paperMinor()));
            view.put("inTransit", Amounts.format(m.inTransitMinor()));
            view.put("backing", Amounts.format(m.backingMinor()));
            view.put("coverageRatio", m.coverageRatio());
            view.put("conversions", m.conversions());
            view.put("conversionEuros", Amounts.format(m.conversionEurosMinor()));
            view.put("conversionUnits", Amounts.format(m.conversionUnitsMinor()));
            view.put("bonus", Amounts.format(m.bonusMinor()));
            view.put("redeemedUnits", Amounts.format(m.redeemedUnitsMinor()));
            view.put("payments", m.payments());
            view.put("paymentVolume", Amounts.format(m.paymentVolumeMinor()));
            view.put("b2bPayments", m.b2bPayments());
            view.put("b2bVolume", Amounts.format(m.b2bVolumeMinor()));
            view.put("b2bShare", m.b2bShare());
            view.put("velocity", m.velocity());
            view.put("activeMembers", m.activeMembers());
            view.put("activeMerchants", m.activeMerchants());
            body.add(view);
        }
        return ResponseEntity.ok(Map.of("currency", code, "months", body));
    }

    /** A counter's day: conversions by means of payment, units issued, cash at the start and the end. */
    @GetMapping("/counters/{id}/day")
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    public ResponseEntity<?> counterDay(@PathVariable("id") String counterId,
                                        @RequestParam(required = false) String date,
                                        @RequestParam(required = false) String format) {
        boolean csv = csv(format);
        id(counterId, "id");
        CounterPolicy.checkWorksAt(counterId);
        List<String> currency = jdbc.queryForList("SELECT currency FROM counter_view WHERE counter_id = ?",
                String.class, counterId);
        if (currency.isEmpty()) {
            throw ApiException.notFound("unknown counter " + counterId);
        }
        LocalDate day = day(date, "date");
        Timestamp start = Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT conversion_id, converted_at, account_id, paid_by, "
                + "payout, euros_minor, units_minor, bonus_minor FROM conversion_view WHERE counter_id = ? "
                + "AND converted_at >= ? AND converted_at < ? ORDER BY converted_at, conversion_id", counterId, start, end)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("conversion", row.get("conversion_id"));
            line.put("at", ((Timestamp) row.get("converted_at")).toInstant().toString());
            line.put("account", row.get("account_id"));
            line.put("paidBy", row.get("paid_by"));
            line.put("payout", row.get("payout"));
            line.put("euros", Amounts.format((Long) row.get("euros_minor")));
            line.put("units", Amounts.format((Long) row.get("units_minor")));
            line.put("bonus", Amounts.format((Long) row.get("bonus_minor")));
            lines.add(line);
        }
        if (csv) {
            return csvAnswer("counter-" + counterId + "-" + day + ".csv", Csv.write(List.of("conversion", "at",
                    "account", "paidBy", "payout", "euros", "units", "bonus"), lines));
        }
        Map<String, Object> byMeans = new LinkedHashMap<>();
        jdbc.query("SELECT paid_by, SUM(euros_minor) FROM conversion_view WHERE counter_id = ? AND converted_at >= ? "
                + "AND converted_at < ? GROUP BY paid_by ORDER BY paid_by", rs -> {
                    byMeans.put(rs.getString(1), Amounts.format(rs.getLong(2)));
                }, counterId, start, end);
        Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(euros_minor), 0) AS euros, "
                + "COALESCE(SUM(units_minor), 0) AS units, COALESCE(SUM(bonus_minor), 0) AS bonus FROM conversion_view "
                + "WHERE counter_id = ? AND converted_at >= ? AND converted_at < ?", counterId, start, end);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counter", counterId);
        body.put("currency", currency.get(0));
        body.put("date", day.toString());
        body.put("conversions", ((Number) totals.get("n")).longValue());
        body.put("euros", Amounts.format(((Number) totals.get("euros")).longValue()));
        body.put("eurosByMeans", byMeans);
        body.put("units", Amounts.format(((Number) totals.get("units")).longValue()));
        body.put("bonus", Amounts.format(((Number) totals.get("bonus")).longValue()));
        // the drawer: what the closing (counters capability) counts against
        body.put("cashAtStart", Amounts.format(cashBefore(counterId, start)));
        body.put("cashAtEnd", Amounts.format(cashBefore(counterId, end)));
        body.put("lines", lines);
        return ResponseEntity.ok(body);
    }

    /** A merchant's month: opening and closing balance, what came in and went out, the lines. */
    @GetMapping("/merchants/{id}/monthly")
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT})
    public ResponseEntity<?> merchantMonthly(@PathVariable("id") String participantId,
                                             @RequestParam(required = false) String month,
                                             @RequestParam(required = false) String format) {
        boolean csv = csv(format);
        id(participantId, "id");
        List<Map<String, Object>> merchant = jdbc.queryForList("SELECT account_id, name, currency FROM participant_view "
                + "WHERE participant_id = ? AND kind = 'MERCHANT'", participantId);
        // another merchant's month does not exist for this caller (404), like an unknown one
        if (merchant.isEmpty() || !Caller.current().seesEverything() && !Caller.current().owns(participantId)) {
            throw ApiException.notFound("unknown merchant " + participantId);
        }
        String accountId = (String) merchant.get(0).get("account_id");
        YearMonth period = month(month, "month");
        Timestamp start = Timestamp.from(Indicators.start(period));
        Timestamp end = Timestamp.from(Indicators.start(period.plusMonths(1)));
        List<Map<String, Object>> lines = new ArrayList<>();
        long in = 0;
        long out = 0;
        for (Map<String, Object> row : jdbc.queryForList("SELECT line, booked_at, kind, operation_id, counterparty, "
                + "reference, amount_minor, balance_after_minor FROM account_entry WHERE account_id = ? AND booked_at >= ? "
                + "AND booked_at < ? ORDER BY line", accountId, start, end)) {
            long amount = (Long) row.get("amount_minor");
            if (amount > 0) {
                in += amount;
            } else {
                out -= amount;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", row.get("line"));
            line.put("at", ((Timestamp) row.get("booked_at")).toInstant().toString());
            line.put("kind", row.get("kind"));
            line.put("operation", row.get("operation_id"));
            line.put("counterparty", row.get("counterparty"));
            line.put("reference", row.get("reference"));
            line.put("amount", Amounts.format(amount));
            line.put("balance", Amounts.format((Long) row.get("balance_after_minor")));
            lines.add(line);
        }
        if (csv) {
            return csvAnswer("merchant-" + participantId + "-" + period + ".csv", Csv.write(List.of("line", "at", "kind",
                    "operation", "counterparty", "reference", "amount", "balance"), lines));
        }
        Long opening = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM account_entry WHERE account_id = ? "
                + "AND booked_at < ?", Long.class, accountId, start);
        long openingMinor = opening == null ? 0 : opening;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchant", participantId);
        body.put("name", merchant.get(0).get("name"));
        body.put("account", accountId);
        body.put("currency", merchant.get(0).get("currency"));
        body.put("month", period.toString());
        body.put("openingBalance", Amounts.format(openingMinor));
        body.put("received", Amounts.format(in));
        body.put("paid", Amounts.format(out));
        body.put("closingBalance", Amounts.format(openingMinor + in - out));
        body.put("lines", lines);
        return ResponseEntity.ok(body);
    }

    private long cashBefore(String counterId, Timestamp before) {
        Long cash = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM journal_entry WHERE kind = "
                + "'COUNTER_CASH' AND account_ref = ? AND booked_at < ?", Long.class, counterId, before);
        return cash == null ? 0 : cash;
    }

    private String knownCurrency(String currency) {
        String code = id(currency, "currency");
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM currency_view WHERE code = ?", Integer.class, code);
        if (known == null || known == 0) {
            throw new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "not-found",
                    "unknown currency " + code, "currency");
        }
        return code;
    }

    private static boolean csv(String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ApiException.invalid("format", "must be json or csv");
        }
        return csv;
    }

    private static YearMonth month(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(field, "is required, as a month like 2026-01");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a month like 2026-01");
        }
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(field, "is required, as a date like 2026-01-31");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date like 2026-01-31");
        }
    }

    private static ResponseEntity<String> csvAnswer(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
