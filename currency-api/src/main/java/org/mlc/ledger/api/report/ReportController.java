package org.mlc.ledger.api.report;

import static org.mlc.ledger.api.web.RequestValues.id;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.account.AccountController.StatementEntry;
import org.mlc.ledger.api.account.StatementQueries;
import org.mlc.ledger.api.csv.CsvColumn;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.csv.CsvRows;
import org.mlc.ledger.api.counter.CounterPolicy;
import org.mlc.ledger.api.counter.CounterDayQueries;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.notes.NoteInventoryQueries;
import org.mlc.ledger.api.demurrage.DemurrageQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.participant.ParticipantQueries.Participant;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.participant.ParticipantKind;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for the treasurer, the counters and the merchants: JSON, or CSV with {@code ?format=csv}
 * ({@code &dialect=fr} for a French spreadsheet: {@link CsvDialect}).
 */
@RestController
@RequestMapping("/api/v1/reports")
public class ReportController {

    private final Indicators indicators;
    private final CurrencyQueries currencies;
    private final CounterQueries counters;
    private final ConversionQueries conversions;
    private final JournalQueries journal;
    private final ParticipantQueries participants;
    private final StatementQueries statements;
    private final CounterDayQueries counterDays;
    private final CsvFiles csvFiles;
    private final NoteInventoryQueries notes;
    private final DemurrageQueries fonte;

    /** The indicators' columns: amounts in minor units (in units in the French dialect), ratios, counts. */
    static final List<CsvColumn> INDICATORS_CSV = Indicators.CSV_COLUMNS.stream().map(name ->
            name.endsWith("Minor") ? CsvColumn.minor(name)
                    : name.equals("month") ? CsvColumn.month(name)
                    : name.equals("currency") ? CsvColumn.text(name)
                    : name.endsWith("Ratio") || name.equals("b2bShare") || name.equals("velocity")
                            ? CsvColumn.decimal(name) : CsvColumn.number(name)).toList();

    static final List<CsvColumn> COUNTER_DAY_CSV = List.of(CsvColumn.text("conversion"), CsvColumn.instant("at"),
            CsvColumn.text("account"), CsvColumn.word("paidBy", "means."), CsvColumn.word("payout", "payout."),
            CsvColumn.decimal("euros"), CsvColumn.decimal("units"), CsvColumn.decimal("bonus"),
            CsvColumn.text("cancelled"));

    public ReportController(Indicators indicators, CurrencyQueries currencies, CounterQueries counters,
                            ConversionQueries conversions, JournalQueries journal, ParticipantQueries participants,
                            StatementQueries statements, CounterDayQueries counterDays, CsvFiles csvFiles,
                            NoteInventoryQueries notes, DemurrageQueries fonte) {
        this.notes = notes;
        this.fonte = fonte;
        this.csvFiles = csvFiles;
        this.counterDays = counterDays;
        this.indicators = indicators;
        this.currencies = currencies;
        this.counters = counters;
        this.conversions = conversions;
        this.journal = journal;
        this.participants = participants;
        this.statements = statements;
    }

    /** A month's indicators; amounts as decimal strings, ratios as exact decimal strings or null. */
    public record MonthIndicators(String month, String inCirculation, String electronic, String paper,
                                  String inTransit, String backing, String coverageRatio, String cashCoverageRatio,
                                  String sponsorReceivable, String counterShortfall, String underBackedBy,
                                  long conversions,
                                  String conversionEuros, String conversionUnits, String bonus, String redeemedUnits,
                                  long payments, String paymentVolume, long b2bPayments, String b2bVolume,
                                  String b2bShare, String velocity, long activeMembers, long activeMerchants,
                                  String fonteCollected) {
    }

    public record IndicatorsReport(String currency, List<MonthIndicators> months) {
    }

    /** A conversion of a counter's day; also a line of its CSV. {@code cancelled}: the reason, if it was cancelled. */
    public record CounterDayLine(String conversion, String at, String account, String paidBy, String payout,
                                 String euros, String units, String bonus, String cancelled) {
    }

    /**
     * A counter's day: its conversions (a cancelled one listed, with its reason), the euros by means
     * of payment net of cancellations, and the drawer at the start and the end.
     */
    public record CounterDay(String counter, String currency, String date, long conversions, String euros,
                             Map<String, String> eurosByMeans, String units, String bonus, String cashAtStart,
                             String cashAtEnd, Map<String, String> drawerAtStart, Map<String, String> drawerAtEnd,
                             List<CounterDayLine> lines, List<NoteExchangeLine> noteExchanges,
                             List<NoteRevalidationLine> noteRevalidations, String revalidationFees) {
    }

    /**
     * Paper notes revalidated (fonte of paper): the fee paid in euros into the drawer (so in the
     * drawer's figures, not in the conversions'), the same sum issued to the fonte's beneficiary.
     */
    public record NoteRevalidationLine(String revalidation, String at, String seriesId, String series, int notes,
                                       String faceValue, String fee, String paidWith, String periodFrom,
                                       String periodTo) {
    }

    /** Notes of an ended series exchanged at par for valid notes: nothing booked, but counted at the counter. */
    public record NoteExchangeLine(String exchange, String at, String seriesId, String series, int notes,
                                   String units) {
    }

    /** A line of a merchant's month; also a line of its CSV. */
    public record MerchantMonth(String merchant, String name, String account, String currency, String month,
                                String openingBalance, String received, String paid, String closingBalance,
                                List<StatementEntry> lines) {
    }

    /** Currency indicators per month, {@code ?currency=BOUSOL&from=2026-01&to=2026-03}. */
    @Operation(summary = "The monthly indicators of a currency (JSON or CSV)")
    @GetMapping("/indicators")
    @Allowed({Role.ADMIN, Role.AUDITOR})
    public ResponseEntity<?> indicators(@RequestParam(required = false) String currency,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String format,
                                        @RequestParam(required = false) String dialect) {
        CsvDialect csv = CsvDialect.asked(format, dialect);
        String code = knownCurrency(currency);
        YearMonth fromMonth = month(from, "from");
        YearMonth toMonth = month(to, "to");
        if (toMonth.isBefore(fromMonth) || fromMonth.plusMonths(Indicators.MAX_MONTHS - 1).isBefore(toMonth)) {
            throw ApiException.invalid("to", "report.period",
                    "{0} must not be before from, and at most {1} months after it", Indicators.MAX_MONTHS);
        }
        List<Indicators.Month> months = indicators.months(code, fromMonth, toMonth);
        if (csv != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Indicators.Month month : months) {
                Map<String, Object> row = new LinkedHashMap<>();
                List<Object> values = month.csvValues();
                for (int i = 0; i < Indicators.CSV_COLUMNS.size(); i++) {
                    row.put(Indicators.CSV_COLUMNS.get(i), values.get(i));
                }
                rows.add(row);
            }
            return csvFiles.answer(csv, "indicators-" + code + ".csv", INDICATORS_CSV, rows);
        }
        List<MonthIndicators> body = months.stream().map(m -> new MonthIndicators(m.month().toString(),
                Amounts.format(m.inCirculationMinor()), Amounts.format(m.electronicMinor()),
                Amounts.format(m.paperMinor()), Amounts.format(m.inTransitMinor()), Amounts.format(m.backingMinor()),
                m.coverageRatio(), m.cashCoverageRatio(), Amounts.format(m.sponsorReceivableMinor()),
                Amounts.format(m.counterShortfallMinor()), Amounts.format(m.underBackedByMinor()),
                m.conversions(), Amounts.format(m.conversionEurosMinor()),
                Amounts.format(m.conversionUnitsMinor()), Amounts.format(m.bonusMinor()),
                Amounts.format(m.redeemedUnitsMinor()), m.payments(), Amounts.format(m.paymentVolumeMinor()),
                m.b2bPayments(), Amounts.format(m.b2bVolumeMinor()), m.b2bShare(), m.velocity(), m.activeMembers(),
                m.activeMerchants(), Amounts.format(m.fonteCollectedMinor()))).toList();
        return ResponseEntity.ok(new IndicatorsReport(code, body));
    }

    /** A counter's day in the machine dialect (for the pages). */
    public ResponseEntity<?> counterDay(String counterId, String date, String format) {
        return counterDay(counterId, date, format, null);
    }

    /** A counter's day: conversions by means of payment, units issued, cash at the start and the end. */
    @Operation(summary = "A counter's day: conversions and cash by means")
    @GetMapping("/counters/{id}/day")
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    public ResponseEntity<?> counterDay(@PathVariable("id") String counterId,
                                        @RequestParam(required = false) String date,
                                        @RequestParam(required = false) String format,
                                        @RequestParam(required = false) String dialect) {
        CsvDialect csv = CsvDialect.asked(format, dialect);
        id(counterId, "id");
        CounterPolicy.checkWorksAt(counterId);
        String currency = counters.currencyOf(counterId)
                .orElseThrow(() -> ApiException.notFound("web.unknown.counter", "unknown counter {0}", counterId));
        LocalDate day = day(date, "date");
        // the counter's day is the association's civil day, the one its closing counts (ExchangeCounter)
        Instant start = day.atStartOfDay(CivilDay.ZONE).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(CivilDay.ZONE).toInstant();
        List<CounterDayLine> lines = conversions.atCounter(counterId, start, end).stream()
                .map(c -> new CounterDayLine(c.id(), c.convertedAt().toString(), c.accountId(), c.paidBy(), c.payout(),
                        Amounts.format(c.eurosMinor()), Amounts.format(c.unitsMinor()), Amounts.format(c.bonusMinor()),
                        c.cancelled() ? c.cancellation().reason() : null))
                .toList();
        if (csv != null) {
            return csvFiles.answer(csv, "counter-" + counterId + "-" + day + ".csv", COUNTER_DAY_CSV,
                    CsvRows.of(lines));
        }
        Map<String, String> byMeans = new LinkedHashMap<>();
        conversions.eurosByMeansAtCounter(counterId, start, end)
                .forEach((means, euros) -> byMeans.put(means, Amounts.format(euros)));
        ConversionQueries.Totals totals = conversions.totalsAtCounter(counterId, start, end);
        List<DemurrageQueries.Revalidation> revalidations = fonte.revalidationsAtCounter(counterId, start, end);
        // the drawer: what the closing (counters capability) counts against
        return ResponseEntity.ok(new CounterDay(counterId, currency, day.toString(), totals.conversions(),
                Amounts.format(totals.eurosMinor()), byMeans, Amounts.format(totals.unitsMinor()),
                Amounts.format(totals.bonusMinor()), Amounts.format(journal.counterCashBefore(counterId, start)),
                Amounts.format(journal.counterCashBefore(counterId, end)), drawer(counterId, start),
                drawer(counterId, end), lines, notes.exchangesAtCounter(counterId, start, end).stream()
                        .map(e -> new NoteExchangeLine(e.id(), e.at().toString(), e.seriesId(), e.series(), e.notes(),
                                Amounts.format(e.unitsMinor()))).toList(),
                revalidations.stream().map(r -> new NoteRevalidationLine(r.id(), r.at().toString(), r.seriesId(),
                        r.seriesId() == null ? null : notes.series(r.seriesId()).map(NoteInventoryQueries.Series::series).orElse(null), r.notes(),
                        Amounts.format(r.faceValueMinor()), Amounts.format(r.feeMinor()), r.paidWith(),
                        r.periodFrom().toString(), r.dueOn().minusDays(1).toString())).toList(),
                Amounts.format(revalidations.stream().mapToLong(DemurrageQueries.Revalidation::feeMinor).sum())));
    }

    /** What the drawer held at that instant, cash, card slips and cheques apart (each means, 0 if none). */
    private Map<String, String> drawer(String counterId, Instant at) {
        Map<String, Long> held = counterDays.drawerBefore(counterId, at);
        Map<String, String> byMeans = new LinkedHashMap<>();
        for (PaidBy means : PaidBy.values()) {
            byMeans.put(means.name(), Amounts.format(held.getOrDefault(means.name(), 0L)));
        }
        return byMeans;
    }

    /** A merchant's month: opening and closing balance, what came in and went out, the lines. */
    @Operation(summary = "A merchant's month: payments received and refunds")
    @GetMapping("/merchants/{id}/monthly")
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT})
    public ResponseEntity<?> merchantMonthly(@PathVariable("id") String participantId,
                                             @RequestParam(required = false) String month,
                                             @RequestParam(required = false) String format,
                                             @RequestParam(required = false) String dialect) {
        CsvDialect csv = CsvDialect.asked(format, dialect);
        id(participantId, "id");
        Participant merchant = participants.find(participantId).filter(p -> p.kind() == ParticipantKind.MERCHANT)
                .orElse(null);
        // another merchant's month does not exist for this caller (404), like an unknown one
        if (merchant == null || !Caller.current().seesEverything() && !Caller.current().owns(participantId)) {
            throw ApiException.notFound("web.unknown.merchant", "unknown merchant {0}", participantId);
        }
        String accountId = merchant.accountId();
        YearMonth period = month(month, "month");
        Instant start = Indicators.start(period);
        Instant end = Indicators.start(period.plusMonths(1));
        List<StatementEntry> lines = new ArrayList<>();
        long in = 0;
        long out = 0;
        for (StatementQueries.StatementLine entry : statements.linesBetween(accountId, start, end)) {
            long amount = entry.amountMinor();
            if (amount > 0) {
                in += amount;
            } else {
                out -= amount;
            }
            lines.add(StatementEntry.of(entry));
        }
        if (csv != null) {
            return csvFiles.answer(csv, "merchant-" + participantId + "-" + period + ".csv", StatementEntry.CSV,
                    CsvRows.of(lines));
        }
        long openingMinor = statements.balanceBefore(accountId, start);
        return ResponseEntity.ok(new MerchantMonth(participantId, merchant.name(), accountId, merchant.currency(),
                period.toString(), Amounts.format(openingMinor), Amounts.format(in), Amounts.format(out),
                Amounts.format(openingMinor + in - out), lines));
    }

    private String knownCurrency(String currency) {
        String code = id(currency, "currency");
        if (!currencies.exists(code)) {
            throw ApiException.of(org.springframework.http.HttpStatus.NOT_FOUND, "not-found", "currency",
                    "web.unknown.currency",
                    "unknown currency {0}", code);
        }
        return code;
    }

    private static YearMonth month(String text, String field) {
        return RequestValues.requiredMonth(text, field);
    }

    private static LocalDate day(String text, String field) {
        return RequestValues.requiredDate(text, field);
    }
}
