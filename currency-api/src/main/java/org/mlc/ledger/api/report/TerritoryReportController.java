package org.mlc.ledger.api.report;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mlc.ledger.api.csv.CsvColumn;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.issuance.IssuanceQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.money.Amounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The territory report: per commune of a currency, its members and merchants, the euros converted,
 * the payments received (count, volume, the share between professionals) and the earmarked aid
 * spent, over the association's civil days {@code from}–{@code to}. The association and the
 * auditors see every commune; a collectivité its own commune, and those of its EPCI.
 */
@RestController
public class TerritoryReportController {

    private static final Logger log = LoggerFactory.getLogger(TerritoryReportController.class);

    /** A period longer than this is a history, not a report: asked in pieces. */
    public static final int MAX_DAYS = 3_660;

    static final List<CsvColumn> CSV = List.of(CsvColumn.text("commune"), CsvColumn.number("members"),
            CsvColumn.number("merchants"), CsvColumn.decimal("conversionsEuros"), CsvColumn.number("payments"),
            CsvColumn.decimal("paymentsVolume"), CsvColumn.decimal("b2bShare"), CsvColumn.decimal("aidSpent"),
            CsvColumn.decimal("issuanceSpent"));

    /** One commune's figures: amounts as decimal strings, {@code b2bShare} a fraction of the volume ("0.2500"). */
    public record CommuneLine(String commune, long members, long merchants, String conversionsEuros, long payments,
                              String paymentsVolume, String b2bShare, String aidSpent, String issuanceSpent) {
    }

    public record TerritoryReport(String currency, String from, String to, List<CommuneLine> communes) {
    }

    private final TerritoryQueries territory;
    private final CurrencyQueries currencies;
    private final CsvFiles csvFiles;
    private final IssuanceQueries issuances;

    public TerritoryReportController(TerritoryQueries territory, CurrencyQueries currencies, CsvFiles csvFiles,
                                     IssuanceQueries issuances) {
        this.territory = territory;
        this.issuances = issuances;
        this.currencies = currencies;
        this.csvFiles = csvFiles;
    }

    /** The report in the machine dialect's JSON (for the pages). */
    public TerritoryReport report(String currency, String from, String to) {
        return build(currency, from, to);
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COLLECTIVITE})
    @Operation(summary = "The territory report: figures per commune (JSON or CSV)")
    @GetMapping("/api/v1/reports/territory")
    public ResponseEntity<?> territory(@RequestParam(value = "currency", required = false) String currency,
                                       @RequestParam(value = "from", required = false) String from,
                                       @RequestParam(value = "to", required = false) String to,
                                       @RequestParam(value = "format", required = false) String format,
                                       @RequestParam(value = "dialect", required = false) String dialect) {
        CsvDialect csv = CsvDialect.asked(format, dialect);
        TerritoryReport report = build(currency, from, to);
        if (csv == null) {
            return ResponseEntity.ok(report);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CommuneLine line : report.communes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("commune", line.commune());
            row.put("members", line.members());
            row.put("merchants", line.merchants());
            row.put("conversionsEuros", line.conversionsEuros());
            row.put("payments", line.payments());
            row.put("paymentsVolume", line.paymentsVolume());
            row.put("b2bShare", line.b2bShare());
            row.put("aidSpent", line.aidSpent());
            row.put("issuanceSpent", line.issuanceSpent());
            rows.add(row);
        }
        return csvFiles.answer(csv, "territory-" + report.currency() + "-" + report.from() + "-" + report.to()
                + ".csv", CSV, rows);
    }

    private TerritoryReport build(String currency, String from, String to) {
        String code = RequestValues.id(currency, "currency");
        LocalDate fromDay = RequestValues.requiredDate(from, "from");
        LocalDate toDay = RequestValues.requiredDate(to, "to");
        if (toDay.isBefore(fromDay)) {
            throw ApiException.invalid("to", "web.territory-period", "{0} must not be before from");
        }
        if (fromDay.plusDays(MAX_DAYS).isBefore(toDay)) {
            throw ApiException.invalid("to", "web.territory-period-too-long", "{0}: at most {1} days after from",
                    MAX_DAYS);
        }
        if (!currencies.exists(code)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
        Set<String> communes = communesSeenBy(Caller.current(), code);
        Instant start = fromDay.atStartOfDay(CivilDay.ZONE).toInstant();
        Instant end = toDay.plusDays(1).atStartOfDay(CivilDay.ZONE).toInstant();
        Map<String, Long> issued = issuances.spentByCommune(code, start, end);
        List<CommuneLine> lines = territory.byCommune(code, start, end).stream()
                .filter(figures -> communes == null || communes.contains(figures.commune()))
                .map(figures -> line(figures, issued.getOrDefault(figures.commune(), 0L))).toList();
        log.info("territory report of {} from {} to {}: {} communes", code, fromDay, toDay, lines.size());
        return new TerritoryReport(code, fromDay.toString(), toDay.toString(), lines);
    }

    /**
     * Null for every commune (ADMIN, AUDITOR); for a collectivité, its commune and those where the
     * participants of its EPCI are, in its own currency only (another currency is a 403).
     */
    private Set<String> communesSeenBy(Caller caller, String currency) {
        if (caller.seesEverything()) {
            return null;
        }
        TerritoryQueries.Place place = territory.placeOf(caller.participantId()).orElse(null);
        if (place == null || !place.currency().equals(currency)) {
            throw Caller.forbidden("web.territory-own-currency",
                    "a collectivité reads the territory report of its own currency only");
        }
        Set<String> communes = new TreeSet<>();
        if (place.commune() != null) {
            communes.add(place.commune());
        }
        if (place.epci() != null) {
            communes.addAll(territory.communesOf(currency, place.epci()));
        }
        return communes;
    }

    private static CommuneLine line(TerritoryQueries.CommuneFigures f, long issuanceSpentMinor) {
        String share = f.paymentsVolumeMinor() == 0 ? "0.0000" : BigDecimal.valueOf(f.b2bVolumeMinor())
                .divide(BigDecimal.valueOf(f.paymentsVolumeMinor()), 4, RoundingMode.HALF_EVEN).toPlainString();
        return new CommuneLine(f.commune(), f.members(), f.merchants(), Amounts.format(f.conversionsEurosMinor()),
                f.payments(), Amounts.format(f.paymentsVolumeMinor()), share, Amounts.format(f.aidSpentMinor()),
                Amounts.format(issuanceSpentMinor));
    }
}
