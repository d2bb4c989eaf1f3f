package org.mlc.ledger.api.bonus;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.bonus.CommitBonusBudget;
import org.mlc.ledger.bonus.RecordSponsorPayment;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.money.Amounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.mlc.ledger.api.counter.BonusBudgetQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sponsors' bonus budgets of a currency, and the sponsors' payments into the fund. */
@RestController
@RequestMapping("/api/v1/currencies/{code}/bonus-budgets")
public class BonusBudgetController {

    private static final Logger log = LoggerFactory.getLogger(BonusBudgetController.class);

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final BonusBudgetQueries budgets;
    private final CurrencyQueries currencies;
    private final ParticipantQueries participants;
    private final Clock clock;

    public BonusBudgetController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                                 BonusBudgetQueries budgets, CurrencyQueries currencies,
                                 ParticipantQueries participants, Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.budgets = budgets;
        this.currencies = currencies;
        this.participants = participants;
        this.clock = clock;
    }

    public record BudgetRequest(String sponsor, JsonNode euros, String from, String to, JsonNode monthlyCapPerMember) {
    }

    public record PaymentRequest(JsonNode euros, String reference) {
    }

    /**
     * A budget: euros committed, drawn as bonus, left, paid into the fund by the sponsor; its period
     * (dates); {@code monthlyCapPerMember} null when there is no cap.
     */
    public record BudgetView(String id, String currency, String sponsor, String euros, String drawn, String remaining,
                             String paidIn, String from, String to, String monthlyCapPerMember) {
    }

    @Operation(summary = "Commit a sponsor's budget that funds the conversion bonus",
            description = "A sponsor (association or collectivité) pledges euros over a period of days (at most three"
                    + " years); conversions draw their bonus from it while it lasts, within `monthlyCapPerMember`"
                    + " if set.")
    @PostMapping
    @Allowed(Role.ADMIN)
    public ResponseEntity<BudgetView> commit(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("code") String code, @RequestBody BudgetRequest request) {
        var keyed = commands.key("bonus-budget", key, List.of(code, request));
        currency(code);
        String sponsor = id(request.sponsor(), "sponsor");
        long euros = positiveAmount(request.euros(), "euros");
        LocalDate from = date(request.from(), "from");
        LocalDate to = date(request.to(), "to");
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "bonus.period", "{0} must be on or after from");
        }
        long cap = request.monthlyCapPerMember() == null || request.monthlyCapPerMember().isNull() ? 0
                : positiveAmount(request.monthlyCapPerMember(), "monthlyCapPerMember");
        if (participants.find(sponsor).filter(participant -> participant.currency().equals(code)).isEmpty()) {
            throw ApiException.notFound("bonus.sponsor-not-in-currency",
                    "participant {0} is not in {1}", sponsor, code);
        }
        BudgetId budgetId = commands.send(keyed, new CommitBonusBudget(BudgetId.of(keyed.derivedId("budget")),
                CurrencyCode.of(code), ParticipantId.of(sponsor), euros, from, to, cap, clock.instant()),
                BudgetId.class);
        readYourWrites.awaitAll(budgetId.value(), code);
        log.info("bonus budget {} of {} committed by {} for {}", budgetId, Amounts.format(euros), sponsor, code);
        return ResponseEntity.created(URI.create("/api/v1/currencies/" + code + "/bonus-budgets/" + budgetId))
                .body(view(code, budgetId.value()));
    }

    @Operation(summary = "A bonus budget: committed, drawn, remaining, paid in")
    @GetMapping("/{id}")
    @Allowed({Role.ADMIN, Role.AUDITOR})
    public BudgetView get(@PathVariable("code") String code, @PathVariable("id") String budgetId) {
        return view(code, id(budgetId, "id"));
    }

    @Operation(summary = "Record a sponsor's payment into the guarantee fund")
    @PostMapping("/{id}/payments")
    @Allowed(Role.ADMIN)
    public ResponseEntity<BudgetView> pay(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("code") String code, @PathVariable("id") String budgetId,
                                                   @RequestBody PaymentRequest request) {
        var keyed = commands.key("sponsor-payment", key, List.of(code, budgetId, request));
        id(budgetId, "id");
        long euros = positiveAmount(request.euros(), "euros");
        String reference = optionalText(request.reference(), "reference");
        view(code, budgetId);
        commands.send(keyed, new RecordSponsorPayment(BudgetId.of(budgetId), euros, reference, clock.instant()),
                BudgetId.class);
        readYourWrites.awaitAll(budgetId);
        log.info("sponsor payment of {} into the fund for budget {}", Amounts.format(euros), budgetId);
        return ResponseEntity.status(201).body(view(code, budgetId));
    }

    private BudgetView view(String code, String budgetId) {
        BonusBudgetQueries.BonusBudget budget = budgets.find(code, budgetId).orElseThrow(() ->
                ApiException.notFound("bonus.unknown-budget", "unknown bonus budget {0} in {1}", budgetId, code));
        long cap = budget.monthlyCapPerMemberMinor();
        return new BudgetView(budget.id(), budget.currency(), budget.sponsor(), Amounts.format(budget.committedMinor()),
                Amounts.format(budget.drawnMinor()), Amounts.format(budget.committedMinor() - budget.drawnMinor()),
                Amounts.format(budget.paidInMinor()), budget.validFrom().toString(), budget.validTo().toString(),
                cap == 0 ? null : Amounts.format(cap));
    }

    private void currency(String code) {
        if (!currencies.exists(code)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
    }

    private static LocalDate date(String value, String field) {
        return RequestValues.requiredDate(value, field);
    }
}
