package org.mlc.ledger.api.issuance;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.money.Amounts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a funder's direct issuances achieved over a period: the issuances, the recipients reached,
 * the units issued, and the share of them spent at the currency's merchants, by filière, as far as
 * the payments trace it. A collectivité sees its own; the association and the auditors any funder's.
 */
@RestController
public class IssuanceReportController {

    private final IssuanceController issuances;
    private final IssuanceQueries queries;

    public IssuanceReportController(IssuanceController issuances, IssuanceQueries queries) {
        this.issuances = issuances;
        this.queries = queries;
    }

    /** One issuance of the period. */
    public record Row(String id, String reference, String status, String euros, String issuedUnits, int lines,
                      String filedAt, String fundedAt) {
    }

    public record FiliereSpent(String filiere, String units) {
    }

    /** The period's figures; {@code shareSpentLocally} is spent ÷ issued, 4 decimals rounded down (null: none issued). */
    public record Report(String funder, String from, String to, List<Row> issuances, int recipients,
                         String unitsIssued, String spentAtMerchants, String shareSpentLocally,
                         List<FiliereSpent> byFiliere) {
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "A funder's direct issuances over a period: recipients, units, share spent locally")
    @GetMapping("/api/v1/reports/issuances")
    public Report report(@RequestParam(value = "funder", required = false) String funder,
                         @RequestParam(value = "from", required = false) String from,
                         @RequestParam(value = "to", required = false) String to) {
        LocalDate fromDay = RequestValues.optionalDate(from, "from");
        LocalDate toDay = RequestValues.optionalDate(to, "to");
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw ApiException.invalid("to", "aid.report-period", "{0} is not before from");
        }
        return report(funder == null ? null : RequestValues.id(funder, "funder"), fromDay, toDay);
    }

    /** The report for the pages and the bilan: the caller's own funder unless it sees everything. */
    public Report report(String funder, LocalDate from, LocalDate to) {
        Caller caller = Caller.current();
        String who = caller.seesEverything() ? funder : caller.participantId();
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(CivilDay.ZONE).toInstant();
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(1).atStartOfDay(CivilDay.ZONE).toInstant();
        List<Row> rows = issuances.list(who, from, to).stream().map(i -> new Row(i.id(), i.reference(), i.status(),
                Amounts.format(i.eurosMinor()), Amounts.format(i.issuedUnitsMinor()), i.lines(),
                i.filedAt().toString(), i.fundedAt() == null ? null : i.fundedAt().toString())).toList();
        IssuanceQueries.Reach reach = queries.reach(who, start, end);
        List<IssuanceQueries.Spent> spent = queries.spentAtMerchants(who, start, end);
        long spentMinor = spent.stream().mapToLong(IssuanceQueries.Spent::unitsMinor).sum();
        String share = reach.unitsMinor() == 0 ? null : BigDecimal.valueOf(spentMinor)
                .divide(BigDecimal.valueOf(reach.unitsMinor()), 4, RoundingMode.DOWN).toPlainString();
        return new Report(who, from == null ? null : from.toString(), to == null ? null : to.toString(), rows,
                reach.recipients(), Amounts.format(reach.unitsMinor()), Amounts.format(spentMinor), share,
                spent.stream().map(s -> new FiliereSpent(s.filiere(), Amounts.format(s.unitsMinor()))).toList());
    }
}
