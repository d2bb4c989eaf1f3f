package org.mlc.ledger.api.account;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.time.Clock;
import org.mlc.ledger.account.CloseAccount;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.account.UnfreezeAccount;
import org.mlc.ledger.api.csv.CsvColumn;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.csv.CsvRows;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.api.aid.AidQueries;
import org.mlc.ledger.money.Amounts;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
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
    private final AccountQueries accounts;
    private final StatementQueries statements;
    private final AidQueries earmarkLots;
    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final CsvFiles csvFiles;

    public AccountController(AccountQueries accounts, StatementQueries statements, AidQueries earmarkLots,
                             IdempotentCommands commands, ReadYourWrites readYourWrites, Clock clock,
                             CsvFiles csvFiles) {
        this.csvFiles = csvFiles;
        this.accounts = accounts;
        this.statements = statements;
        this.earmarkLots = earmarkLots;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    public record StatusChangeRequest(String reason) {
    }

    /** Freezes an account: it can neither pay nor be paid until unfrozen. The reason is kept. */
    @Allowed(Role.ADMIN)
    @Operation(summary = "Freeze an account: it neither pays nor is paid")
    @PostMapping("/{id}/freeze")
    public AccountView freeze(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                      @PathVariable("id") String accountId, @RequestBody StatusChangeRequest request) {
        return changeStatus("freeze-account", key, accountId, request,
                (id, reason) -> new FreezeAccount(id, reason, clock.instant()));
    }

    @Allowed(Role.ADMIN)
    @Operation(summary = "Unfreeze an account")
    @PostMapping("/{id}/unfreeze")
    public AccountView unfreeze(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                        @PathVariable("id") String accountId,
                                        @RequestBody StatusChangeRequest request) {
        return changeStatus("unfreeze-account", key, accountId, request,
                (id, reason) -> new UnfreezeAccount(id, reason, clock.instant()));
    }

    /** Closes an account whose balance is zero, for good. */
    @Allowed(Role.ADMIN)
    @Operation(summary = "Close an account for good")
    @PostMapping("/{id}/close")
    public AccountView close(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                     @PathVariable("id") String accountId, @RequestBody StatusChangeRequest request) {
        return changeStatus("close-account", key, accountId, request,
                (id, reason) -> new CloseAccount(id, reason, clock.instant()));
    }

    private AccountView changeStatus(String scope, String key, String accountId, StatusChangeRequest request,
                                             BiFunction<AccountId, String, Object> command) {
        var keyed = commands.key(scope, key, List.of(accountId, request));
        account(id(accountId, "id"));
        String reason = requiredText(request.reason(), "reason");
        commands.send(keyed, command.apply(AccountId.of(accountId), reason), AccountId.class);
        readYourWrites.awaitAll(accountId);
        return get(accountId);
    }

    /** An account as the API shows it: amounts as strings, {@code free} is the part not earmarked. */
    public record AccountView(String id, String currency, String owner, String ownerKind, String balance, String free,
                              String held, String available, List<Earmarked> earmarked, String status) {
    }

    /** An aid lot on the account: spendable only in its filières, until it expires (a date). */
    public record Earmarked(String grant, String program, List<String> filieres, String units, String expires) {
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "An account and its balance")
    @GetMapping("/{id}")
    public AccountView get(@PathVariable("id") String accountId) {
        AccountQueries.Account account = account(id(accountId, "id"));
        // aid lots (see docs/aid.md): spendable only in their filières, until their expiry date
        List<Earmarked> earmarked = new ArrayList<>();
        long earmarkedMinor = 0;
        for (AidQueries.EarmarkLot lot : earmarkLots.remainingOn(accountId)) {
            earmarked.add(new Earmarked(lot.grantId(), lot.programId(), lot.filieres(),
                    Amounts.format(lot.remainingMinor()), lot.expiresOn().toString()));
            earmarkedMinor += lot.remainingMinor();
        }
        long balance = account.balanceMinor();
        // held for authorized two-phase payments: free units still on the account, not spendable elsewhere
        return new AccountView(account.id(), account.currency(), account.participantId(), account.ownerKind().name(),
                Amounts.format(balance), Amounts.format(balance - earmarkedMinor), Amounts.format(account.heldMinor()),
                Amounts.format(balance - earmarkedMinor - account.heldMinor() - account.floorMinor()), earmarked,
                account.status().name());
    }

    /** One page of a statement. */
    public record Statement(String account, int page, int size, List<StatementEntry> entries) {
    }

    /** A statement line as the API shows it: the instant as ISO-8601, amounts as strings. */
    public record StatementEntry(long line, String at, String kind, String operation, String counterparty,
                                 String reference, String amount, String balance) {

        /** The CSV columns, named as the JSON properties. */
        public static final List<String> CSV_COLUMNS = List.of("line", "at", "kind", "operation", "counterparty",
                "reference", "amount", "balance");

        /** The same columns and what their values are, for the French dialect. */
        public static final List<CsvColumn> CSV = List.of(CsvColumn.number("line"), CsvColumn.instant("at"),
                CsvColumn.word("kind", "entry."), CsvColumn.text("operation"), CsvColumn.text("counterparty"),
                CsvColumn.text("reference"), CsvColumn.decimal("amount"), CsvColumn.decimal("balance"));

        public static StatementEntry of(StatementQueries.StatementLine line) {
            return new StatementEntry(line.line(), line.bookedAt().toString(), line.kind(), line.operationId(),
                    line.counterparty(), line.reference(), Amounts.format(line.amountMinor()),
                    Amounts.format(line.balanceAfterMinor()));
        }
    }


    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "An account's statement (JSON or CSV)")
    @GetMapping("/{id}/entries")
    public ResponseEntity<?> entries(@PathVariable("id") String accountId,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String format,
                                     @RequestParam(required = false) String dialect,
                                     @RequestParam(required = false) String order) {
        account(id(accountId, "id"));
        Instant fromInstant = day(from, "from", 0);
        Instant toInstant = day(to, "to", 1);
        boolean newestFirst = newestFirst(order);
        CsvDialect csv = CsvDialect.asked(format, dialect);
        if (csv == null) {
            return ResponseEntity.ok(statement(accountId, page, size, fromInstant, toInstant, newestFirst));
        }
        List<StatementEntry> entries = statements.lines(accountId, fromInstant, toInstant, MAX_CSV_LINES, 0,
                newestFirst).stream().map(StatementEntry::of).toList();
        return csvFiles.answer(csv, "statement-" + accountId + ".csv", StatementEntry.CSV, CsvRows.of(entries));
    }

    /** The statement in booking order, as JSON or CSV in the dialect asked (the pages' download). */
    public ResponseEntity<?> entries(String accountId, int page, int size, String from, String to, String format,
                                     String dialect) {
        return entries(accountId, page, size, from, to, format, dialect, null);
    }

    /**
     * A page of the account's statement, newest first as people read it, dates as yyyy-mm-dd (UTC,
     * both ends included), for the pages.
     */
    public Statement statement(String accountId, int page, int size, String from, String to) {
        account(id(accountId, "id"));
        return statement(accountId, page, size, day(from, "from", 0), day(to, "to", 1), true);
    }

    private Statement statement(String accountId, int page, int size, Instant from, Instant to, boolean newestFirst) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid("size", "account.page-size",
                    "{0} must be between 1 and {1}, page 0 or more", MAX_PAGE_SIZE);
        }
        List<StatementEntry> entries = statements.lines(accountId, from, to, size, (long) page * size, newestFirst)
                .stream().map(StatementEntry::of).toList();
        return new Statement(accountId, page, size, entries);
    }

    /**
     * The API keeps booking order by default (its clients and the CSV's readers rely on it);
     * {@code order=newest} answers a statement as the pages show it.
     */
    private static boolean newestFirst(String order) {
        if (order == null || order.isBlank() || "oldest".equalsIgnoreCase(order)) {
            return false;
        }
        if ("newest".equalsIgnoreCase(order)) {
            return true;
        }
        throw ApiException.invalid("order", "account.order", "{0} must be oldest or newest");
    }

    private AccountQueries.Account account(String accountId) {
        // another's account answers as an unknown one: its id cannot be probed
        return accounts.find(accountId).filter(account -> AccountPolicy.mayRead(account.participantId()))
                .orElseThrow(() -> ApiException.notFound("web.unknown.account", "unknown account {0}", accountId));
    }

    /** A date (yyyy-mm-dd, UTC) as an instant; {@code plusDays} 1 makes an inclusive end date. */
    private static Instant day(String value, String field, int plusDays) {
        LocalDate day = RequestValues.optionalDate(value, field);
        if (day == null) {
            return plusDays == 0 ? Instant.EPOCH : Instant.parse("9999-12-31T00:00:00Z");
        }
        return day.plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
