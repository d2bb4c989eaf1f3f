package org.mlc.ledger.api.account;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.time.Clock;
import org.mlc.ledger.account.CloseAccount;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.account.UnfreezeAccount;
import org.mlc.ledger.api.csv.Csv;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.money.Amounts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and their statements. */
@RestController
@RequestMapping("/api/v1/accounts")
public class AccountController {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    /** A CSV statement is a download, not a page: bounded all the same. */
    public static final int MAX_CSV_LINES = 100_000;
    /** Lots shown on an account; a member holds a few grants at a time. */
    public static final int MAX_EARMARKED_LOTS = 100;

    private final JdbcTemplate jdbc;
    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    public AccountController(JdbcTemplate jdbc, IdempotentCommands commands, ReadYourWrites readYourWrites,
                             Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    public record StatusChangeRequest(String reason) {
    }

    /** Freezes an account: it can neither pay nor be paid until unfrozen. The reason is kept. */
    @Allowed(Role.ADMIN)
    @PostMapping("/{id}/freeze")
    public Map<String, Object> freeze(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                      @PathVariable("id") String accountId, @RequestBody StatusChangeRequest request) {
        return changeStatus("freeze-account", key, accountId, request,
                (id, reason) -> new FreezeAccount(id, reason, clock.instant()));
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/{id}/unfreeze")
    public Map<String, Object> unfreeze(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                        @PathVariable("id") String accountId,
                                        @RequestBody StatusChangeRequest request) {
        return changeStatus("unfreeze-account", key, accountId, request,
                (id, reason) -> new UnfreezeAccount(id, reason, clock.instant()));
    }

    /** Closes an account whose balance is zero, for good. */
    @Allowed(Role.ADMIN)
    @PostMapping("/{id}/close")
    public Map<String, Object> close(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                     @PathVariable("id") String accountId, @RequestBody StatusChangeRequest request) {
        return changeStatus("close-account", key, accountId, request,
                (id, reason) -> new CloseAccount(id, reason, clock.instant()));
    }

    private Map<String, Object> changeStatus(String scope, String key, String accountId, StatusChangeRequest request,
                                             BiFunction<AccountId, String, Object> command) {
        var keyed = commands.key(scope, key, List.of(accountId, request));
        account(id(accountId, "id"));
        String reason = requiredText(request.reason(), "reason");
        commands.send(keyed, command.apply(AccountId.of(accountId), reason), AccountId.class);
        readYourWrites.awaitAll(accountId);
        return get(accountId);
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE})
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable("id") String accountId) {
        Map<String, Object> row = account(id(accountId, "id"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.get("account_id"));
        view.put("currency", row.get("currency"));
        view.put("owner", row.get("participant_id"));
        view.put("ownerKind", row.get("owner_kind"));
        view.put("balance", Amounts.format((Long) row.get("balance_minor")));
        // aid lots (see docs/aid.md): spendable only in their filières, until their expiry date
        List<Map<String, Object>> earmarked = new ArrayList<>();
        long earmarkedMinor = 0;
        for (Map<String, Object> lot : jdbc.queryForList("SELECT grant_id, program_id, remaining_minor, filieres, "
                + "expires_on FROM earmark_lot WHERE account_id = ? AND remaining_minor > 0 ORDER BY expires_on, "
                + "grant_id LIMIT ?", accountId, MAX_EARMARKED_LOTS)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("grant", lot.get("grant_id"));
            line.put("program", lot.get("program_id"));
            line.put("filieres", List.of(((String) lot.get("filieres")).split(",")));
            line.put("units", Amounts.format((Long) lot.get("remaining_minor")));
            line.put("expires", lot.get("expires_on").toString());
            earmarked.add(line);
            earmarkedMinor += (Long) lot.get("remaining_minor");
        }
        view.put("free", Amounts.format((Long) row.get("balance_minor") - earmarkedMinor));
        // held for authorized two-phase payments: free units still on the account, not spendable elsewhere
        view.put("held", Amounts.format((Long) row.get("held_minor")));
        view.put("available", Amounts.format((Long) row.get("balance_minor") - earmarkedMinor
                - (Long) row.get("held_minor") - (Long) row.get("floor_minor")));
        view.put("earmarked", earmarked);
        view.put("status", row.get("status"));
        return view;
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE})
    @GetMapping("/{id}/entries")
    public ResponseEntity<?> entries(@PathVariable("id") String accountId,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String format) {
        account(id(accountId, "id"));
        Instant fromInstant = day(from, "from", 0);
        Instant toInstant = day(to, "to", 1);
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ApiException.invalid("format", "must be json or csv");
        }
        if (!csv && (page < 0 || size < 1 || size > MAX_PAGE_SIZE)) {
            throw ApiException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE + ", page 0 or more");
        }
        int limit = csv ? MAX_CSV_LINES : size;
        long offset = csv ? 0 : (long) page * size;
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT line, booked_at, kind, operation_id, counterparty, "
                        + "reference, amount_minor, balance_after_minor FROM account_entry WHERE account_id = ? "
                        + "AND booked_at >= ? AND booked_at < ? ORDER BY line LIMIT ? OFFSET ?",
                accountId, Timestamp.from(fromInstant), Timestamp.from(toInstant), limit, offset);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", row.get("line"));
            line.put("at", ((Timestamp) row.get("booked_at")).toInstant().toString());
            line.put("kind", row.get("kind"));
            line.put("operation", row.get("operation_id"));
            line.put("counterparty", row.get("counterparty"));
            line.put("reference", row.get("reference"));
            line.put("amount", Amounts.format((Long) row.get("amount_minor")));
            line.put("balance", Amounts.format((Long) row.get("balance_after_minor")));
            lines.add(line);
        }
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + accountId + ".csv\"")
                    .body(Csv.write(List.of("line", "at", "kind", "operation", "counterparty", "reference", "amount",
                            "balance"), lines));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", accountId);
        body.put("page", page);
        body.put("size", size);
        body.put("entries", lines);
        return ResponseEntity.ok(body);
    }

    private Map<String, Object> account(String accountId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM account_view WHERE account_id = ?",
                accountId);
        // another's account answers as an unknown one: its id cannot be probed
        if (rows.isEmpty() || !AccountPolicy.mayRead((String) rows.get(0).get("participant_id"))) {
            throw ApiException.notFound("unknown account " + accountId);
        }
        return rows.get(0);
    }

    /** A date (yyyy-mm-dd, UTC) as an instant; {@code plusDays} 1 makes an inclusive end date. */
    private static Instant day(String value, String field, int plusDays) {
        if (value == null || value.isBlank()) {
            return plusDays == 0 ? Instant.EPOCH : Instant.parse("9999-12-31T00:00:00Z");
        }
        try {
            return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date like 2026-01-31");
        }
    }
}
