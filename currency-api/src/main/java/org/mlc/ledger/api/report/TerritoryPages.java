package org.mlc.ledger.api.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.common.CivilDay;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The territory report as a page: the association picks a currency, a collectivité sees its own;
 * by default this month so far (the association's civil days).
 */
@PageController
public class TerritoryPages {

    private final TerritoryReportController reports;
    private final TerritoryQueries territory;
    private final CurrencyQueries currencies;
    private final Clock clock;

    public TerritoryPages(TerritoryReportController reports, TerritoryQueries territory, CurrencyQueries currencies,
                          Clock clock) {
        this.reports = reports;
        this.territory = territory;
        this.currencies = currencies;
        this.clock = clock;
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COLLECTIVITE})
    @CallerCurrency
    @GetMapping("/territory")
    public String territory(@RequestParam(value = "currency", required = false) String currency,
                            @RequestParam(value = "from", required = false) String from,
                            @RequestParam(value = "to", required = false) String to, Model model) {
        Caller caller = Caller.current();
        LocalDate today = LocalDate.now(clock.withZone(CivilDay.ZONE));
        String fromDay = from == null || from.isBlank() ? today.withDayOfMonth(1).toString() : from;
        String toDay = to == null || to.isBlank() ? today.toString() : to;
        String code = caller.seesEverything() ? caller.currencyOr(currency)
                : territory.placeOf(caller.participantId()).map(TerritoryQueries.Place::currency).orElse(null);
        if (caller.seesEverything()) {
            List<CurrencyQueries.Currency> seen = currencies.all().stream().filter(c -> caller.sees(c.code())).toList();
            model.addAttribute("currencies", seen);
            if (code == null || code.isBlank()) {
                code = seen.stream().findFirst().map(CurrencyQueries.Currency::code).orElse(null);
            }
        }
        model.addAttribute("code", code);
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        if (code != null) {
            try {
                model.addAttribute("report", reports.report(code, fromDay, toDay));
            } catch (RuntimeException e) {
                model.addAttribute("problem", Problem.orRethrow(e));
            }
        }
        return "report/territory";
    }
}
