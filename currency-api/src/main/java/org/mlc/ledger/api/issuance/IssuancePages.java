package org.mlc.ledger.api.issuance;

import java.time.Clock;
import java.time.LocalDate;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.common.CivilDay;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The funder's space: its direct issuances (what it owes, what was issued), this year's figures
 * and the link to its PDF bilan. Through {@link IssuanceReportController}: the API's checks.
 */
@PageController
public class IssuancePages {

    private final IssuanceReportController reports;
    private final Clock clock;

    public IssuancePages(IssuanceReportController reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Allowed({Role.COLLECTIVITE, Role.EMPLOYER})
    @GetMapping("/funder/issuances")
    public String issuances(Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CivilDay.ZONE);
        LocalDate from = today.withDayOfYear(1);
        model.addAttribute("report", reports.report(null, from, null));
        model.addAttribute("bilan", "/api/v1/reports/funders/" + Caller.current().participantId() + "/bilan.pdf?from="
                + from + "&to=" + today);
        return "issuance/issuances";
    }
}
