package org.mlc.ledger.api.currency;

import static org.mlc.ledger.api.web.RequestValues.requiredText;

import java.util.List;
import java.time.Clock;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.currency.AddFiliere;
import org.mlc.ledger.currency.Filieres;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A filière of the currency's own, besides the usual ones ({@link Filieres#STANDARD}): aid
 * programmes may then be earmarked to it.
 */
@RestController
public class FiliereController {

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final CurrencyQueries currencies;
    private final Clock clock;

    public FiliereController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                             CurrencyQueries currencies, Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.currencies = currencies;
        this.clock = clock;
    }

    public record FiliereRequest(String filiere) {
    }

    public record FiliereAnswer(String currency, String filiere) {
    }

    @Allowed(Role.ADMIN)
    @Operation(summary = "Add a filière of the currency's own")
    @PostMapping("/api/v1/currencies/{code}/filieres")
    public FiliereAnswer add(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                   @PathVariable("code") String code, @RequestBody FiliereRequest request) {
        var keyed = commands.key("filiere", key, List.of(code, request));
        if (!currencies.exists(code)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
        String filiere = requiredText(request.filiere(), "filiere");
        if (!Filieres.PATTERN.matcher(filiere).matches()) {
            throw ApiException.invalid("filiere", "currency.filiere-code",
                    "{0} must be a code like ALIMENTATION (capital letters and _)");
        }
        commands.send(keyed, new AddFiliere(CurrencyCode.of(code), filiere, clock.instant()), CurrencyCode.class);
        readYourWrites.awaitAll(code);
        return new FiliereAnswer(code, filiere);
    }
}
