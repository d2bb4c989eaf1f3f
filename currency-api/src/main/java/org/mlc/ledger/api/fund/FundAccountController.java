package org.mlc.ledger.api.fund;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.reconversion.DeclareFundAccount;
import org.mlc.ledger.reconversion.FundAccount;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.Iban;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guarantee fund's bank accounts ("à la NEF ou au Crédit Municipal"): declared by an admin,
 * each with its statements (imported with {@code ?fundAccount=}) and its balance.
 */
@RestController
@RequestMapping("/api/v1/currencies/{code}/fund-accounts")
public class FundAccountController {

    private static final Logger log = LoggerFactory.getLogger(FundAccountController.class);

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final CurrencyQueries currencies;
    private final FundAccountQueries accounts;
    private final Clock clock;

    public FundAccountController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                                 CurrencyQueries currencies, FundAccountQueries accounts, Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.currencies = currencies;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record DeclarationRequest(String bank, String iban) {
    }

    /** A bank account of the fund; {@code bank} and {@code iban} are null for the implicit one. */
    public record FundAccountAnswer(String id, String bank, String iban, String balance) {
    }

    /** The fund's accounts, and their total: the guarantee fund. */
    public record FundAccounts(String currency, List<FundAccountAnswer> accounts, String total) {
    }

    @Operation(summary = "Declare a bank account of the guarantee fund")
    @PostMapping
    @Allowed(Role.ADMIN)
    public ResponseEntity<FundAccountAnswer> declare(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("code") String code,
                                                     @RequestBody DeclarationRequest request) {
        var keyed = commands.key("fund-account", key, List.of(code, String.valueOf(request.bank()),
                String.valueOf(request.iban())));
        if (!currencies.exists(code)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
        String bank = RequestValues.requiredText(request.bank(), "bank");
        if (bank.length() > DeclareFundAccount.MAX_BANK_LENGTH) {
            throw ApiException.invalid("bank", "web.text-length",
                    "{0} must be at most {1} characters", DeclareFundAccount.MAX_BANK_LENGTH);
        }
        String iban = Iban.normalized(RequestValues.requiredText(request.iban(), "iban"));
        FundAccount declared = commands.send(keyed, new DeclareFundAccount(CurrencyCode.of(code), bank, iban,
                clock.instant()), FundAccount.class);
        readYourWrites.awaitAll(GuaranteeFund.idOf(CurrencyCode.of(code)));
        log.info("guarantee fund of {}: bank account {} declared ({}, {})", code, declared.id(), bank,
                Iban.masked(iban));
        FundAccountAnswer answer = list(code).accounts().stream().filter(a -> a.id().equals(declared.id()))
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/currencies/" + code + "/fund-accounts")).body(answer);
    }

    /** Each account's bank, IBAN (all but its last 4 characters masked for an auditor) and balance. */
    @Operation(summary = "The guarantee fund's bank accounts and balances")
    @GetMapping
    @Allowed({Role.ADMIN, Role.AUDITOR})
    public FundAccounts list(@PathVariable("code") String code) {
        if (!currencies.exists(code)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
        boolean admin = Caller.current().is(Role.ADMIN);
        List<FundAccountQueries.FundAccountBalance> balances = accounts.balances(code);
        long total = balances.stream().mapToLong(FundAccountQueries.FundAccountBalance::balanceMinor).sum();
        return new FundAccounts(code, balances.stream().map(a -> new FundAccountAnswer(a.id(), a.bank(),
                admin ? a.iban() : Iban.masked(a.iban()), Amounts.format(a.balanceMinor()))).toList(),
                Amounts.format(total));
    }
}
