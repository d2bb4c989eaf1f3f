package org.mlc.ledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.mlc.ledger.api.audit.AuditQueries.AuditEntry;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who did what, when: the event store's metadata ({@link AuditQueries}), newest first. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 500;
    private static final Pattern FILTER = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final AuditQueries audit;

    public AuditController(AuditQueries audit) {
        this.audit = audit;
    }

    /** One page of the trail. */
    public record AuditTrail(int page, int size, List<AuditEntry> entries) {
    }

    /** A caller bound to a currency reads the trail of its currency only (and names no other). */
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @Operation(summary = "Who did what: the audit trail")
    @GetMapping
    public AuditTrail trail(@RequestParam(required = false) String currency,
                            @RequestParam(required = false) String user,
                            @RequestParam(required = false) String correlationId,
                            @RequestParam(required = false) String aggregate,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 0) {
            throw ApiException.invalid("page", "web.page-number", "{0} must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid("size", "web.page-size", "{0} must be between 1 and {1}", MAX_PAGE_SIZE);
        }
        AuditQueries.Filter filter = new AuditQueries.Filter(filter(user, "user"),
                filter(correlationId, "correlationId"), filter(aggregate, "aggregate"), day(from, "from"),
                day(to, "to"), Caller.current().currencyOr(filter(currency, "currency")));
        return new AuditTrail(page, size, audit.entries(filter, size, (long) page * size));
    }

    private static String filter(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!FILTER.matcher(value).matches()) {
            throw ApiException.invalid(field, "audit.filter-format", "{0} must be 1 to 200 letters, digits or . _ : -");
        }
        return value;
    }

    private static LocalDate day(String value, String field) {
        return RequestValues.optionalDate(value, field);
    }
}
