package org.mlc.ledger.api.counter;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;
import static org.mlc.ledger.api.web.RequestValues.requiredEnum;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.counter.ConversionHandler.Conversion;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DefineCounter;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.money.Amounts;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/counters")
public class CounterController {

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CounterController(IdempotentCommands commands, ReadYourWrites readYourWrites, JdbcTemplate jdbc,
                             Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record DefineCounterRequest(String name, String currency, String host) {
    }

    public record ConversionRequest(String participant, JsonNode euros, String paidBy, String payout) {
    }

    public record ConversionAnswer(String id, String euros, String units, String bonus) {
    }

    @Allowed(Role.ADMIN)
    @PostMapping
    public ResponseEntity<Map<String, Object>> define(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @RequestBody DefineCounterRequest request) {
        var keyed = commands.key("define-counter", key, request);
        String currency = requiredText(request.currency(), "currency");
        if (jdbc.queryForList("SELECT code FROM currency_view WHERE code = ?", currency).isEmpty()) {
            throw ApiException.notFound("unknown currency " + currency);
        }
        CounterId counterId = commands.send(keyed, new DefineCounter(CounterId.of(keyed.derivedId("counter")),
                requiredText(request.name(), "name"), CurrencyCode.of(currency), optionalText(request.host(), "host"),
                clock.instant()), CounterId.class);
        readYourWrites.awaitAll(counterId.value());
        return ResponseEntity.created(URI.create("/api/v1/counters/" + counterId)).body(view(counterId.value()));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable("id") String counterId) {
        Map<String, Object> view = view(id(counterId, "id"));
        CounterPolicy.checkWorksAt(counterId);
        return view;
    }

    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    @PostMapping("/{id}/conversions")
    public ResponseEntity<ConversionAnswer> convert(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String counterId,
                                                    @RequestBody ConversionRequest request) {
        id(counterId, "id");
        var keyed = commands.key("conversion", key, List.of(counterId, request));
        String currency = (String) view(counterId).get("currency");
        CounterPolicy.checkWorksAt(counterId);
        String participant = id(request.participant(), "participant");
        long euros = positiveAmount(request.euros(), "euros");
        PaidBy paidBy = requiredEnum(request.paidBy(), PaidBy.class, "paidBy");
        Payout payout = request.payout() == null ? Payout.ACCOUNT
                : requiredEnum(request.payout(), Payout.class, "payout");
        AccountId account = accountOf(participant, currency);
        Conversion conversion = commands.send(keyed, new ConvertEuros(CounterId.of(counterId),
                ConversionId.of(keyed.derivedId("conversion")), account, euros, paidBy, payout, clock.instant()),
                Conversion.class);
        readYourWrites.awaitAll(counterId, account.value());
        String id = conversion.conversionId().value();
        return ResponseEntity.created(URI.create("/api/v1/counters/" + counterId + "/conversions/" + id))
                .body(new ConversionAnswer(id, Amounts.format(conversion.eurosMinor()),
                        Amounts.format(conversion.unitsMinor()), Amounts.format(conversion.bonusMinor())));
    }

    private AccountId accountOf(String participant, String currency) {
        List<String> accounts = jdbc.queryForList(
                "SELECT account_id FROM participant_view WHERE participant_id = ? AND currency = ?", String.class,
                participant, currency);
        if (accounts.isEmpty()) {
            throw ApiException.notFound("participant " + participant + " has no account in " + currency);
        }
        return AccountId.of(accounts.get(0));
    }

    private Map<String, Object> view(String counterId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT counter_id AS id, name, currency, host FROM counter_view WHERE counter_id = ?", counterId);
        if (rows.isEmpty()) {
            throw ApiException.notFound("unknown counter " + counterId);
        }
        return rows.get(0);
    }
}
