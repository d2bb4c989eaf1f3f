package org.mlc.ledger.api.report;

import org.mlc.ledger.api.demurrage.FonteExplained;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.currency.CurrencyQueries.Currency;
import org.mlc.ledger.api.currency.SupplyQuery;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Formats;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Svg;
import org.mlc.ledger.api.ui.Svg.Series;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The association's dashboard: the supply figures of a currency now, and month by month the
 * circulation (electronic and paper), the coverage ratio, conversions and reconversions and the
 * share of B2B payments, as charts drawn on the server from {@link Indicators} (the figures of
 * the indicators report and of the operator's export).
 */
@PageController
public class DashboardPages {

    /** Months the dashboard shows, the current one included. */
    public static final int MONTHS_SHOWN = 12;

    private final CurrencyQueries currencies;
    private final SupplyQuery supply;
    private final Indicators indicators;
    private final MessageSource messages;
    private final Formats formats;
    private final FonteExplained fonte;

    public DashboardPages(CurrencyQueries currencies, SupplyQuery supply, Indicators indicators,
                          MessageSource messages, Formats formats, FonteExplained fonte) {
        this.fonte = fonte;
        this.currencies = currencies;
        this.supply = supply;
        this.indicators = indicators;
        this.messages = messages;
        this.formats = formats;
    }

    /** One currency's dashboard; a currency's admin or auditor is offered its own only. */
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @GetMapping("/association")
    public String dashboard(@RequestParam(name = "currency", required = false) String currency, Model model) {
        Caller caller = Caller.current();
        List<Currency> all = currencies.all().stream().filter(c -> caller.sees(c.code())).toList();
        model.addAttribute("currencies", all);
        if (all.isEmpty()) {
            return "association/dashboard";
        }
        String code = currency == null ? all.get(0).code() : RequestValues.id(currency, "currency");
        if (all.stream().noneMatch(c -> c.code().equals(code))) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
        model.addAttribute("code", code);
        String unit = all.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().name();
        model.addAttribute("unit", unit);
        model.addAttribute("supply", supply.of(code));
        model.addAttribute("fonte", fonte.of(code, java.time.LocalDate.now(Formats.ZONE),
                LocaleContextHolder.getLocale()).orElse(null));
        YearMonth to = YearMonth.now(Formats.ZONE);
        List<Indicators.Month> months = indicators.months(code, to.minusMonths(MONTHS_SHOWN - 1), to);
        model.addAttribute("months", months);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i).month();
            // the year under the first month and under each January, not under every bar
            labels.add(formats.monthShort(month) + (i == 0 || month.getMonthValue() == 1 ? "\n" + month.getYear() : ""));
        }
        // amounts: ticks in whole units once there is more than a few units to show
        Svg.Axis units = new Svg.Axis(unit, formats::minorOnAxis, 1, 400);
        Svg.Axis percent = new Svg.Axis("%", this::basisPoints, 100, 10_000);
        model.addAttribute("circulationChart", Svg.bars(text("dashboard.circulation"), labels, List.of(
                new Series(text("dashboard.electronic"), values(months, Indicators.Month::electronicMinor)),
                new Series(text("dashboard.paper"), values(months, Indicators.Month::paperMinor))), true, units));
        // coverage is a level, not a quantity: a line, against the full coverage of 1.0 (100 %)
        model.addAttribute("coverageChart", Svg.lines(text("dashboard.coverage"), labels, List.of(
                new Svg.Line(text("dashboard.coverage"), ratios(months, Indicators.Month::coverageRatio)),
                new Svg.Line(text("dashboard.cashCoverage"), ratios(months, Indicators.Month::cashCoverageRatio))),
                percent, new Svg.Mark(10_000, text("dashboard.fullCoverage"))));
        model.addAttribute("flowsChart", Svg.bars(text("dashboard.flows"), labels, List.of(
                new Series(text("dashboard.conversions"), values(months, Indicators.Month::conversionUnitsMinor)),
                new Series(text("dashboard.reconversions"), values(months, Indicators.Month::redeemedUnitsMinor))),
                false, units));
        model.addAttribute("b2bChart", Svg.lines(text("dashboard.b2b"), labels, List.of(
                new Svg.Line(text("dashboard.b2b"), ratios(months, Indicators.Month::b2bShare))), percent, null));
        return "association/dashboard";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String basisPoints(long value) {
        return formats.percent(BigDecimal.valueOf(value, 4));
    }

    private static long[] values(List<Indicators.Month> months, java.util.function.ToLongFunction<Indicators.Month> f) {
        return months.stream().mapToLong(f).toArray();
    }

    /** An exact ratio ("0.9876") as basis points for drawing; no ratio (nothing to divide) is a gap. */
    private static List<Long> ratios(List<Indicators.Month> months,
                                     java.util.function.Function<Indicators.Month, String> f) {
        return months.stream().map(f).map(r -> r == null ? null
                : new BigDecimal(r).movePointRight(4).setScale(0, java.math.RoundingMode.DOWN).longValueExact())
                .toList();
    }
}
