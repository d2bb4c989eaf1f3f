package org.mlc.ledger.api.demurrage;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.mlc.ledger.api.currency.CurrencyController.DemurrageView;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.participant.ParticipantRefs;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.demurrage.DemurrageRunState;
import org.mlc.ledger.demurrage.SetDemurrage;
import org.mlc.ledger.money.Amounts;
import org.springframework.http.HttpStatus;
import org.mlc.ledger.participant.ParticipantKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demurrage (fonte, docs/notes-and-fonte.md): a currency's policy, and its runs, each due date once,
 * on demand (the nightly DemurrageJob runs the due ones).
 */
@RestController
public class DemurrageController {

    private static final Logger log = LoggerFactory.getLogger(DemurrageController.class);
    /** A rate as written: a decimal, its bounds and precision the currency's rule. */
    private static final Pattern RATE = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,12})?");

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final CurrencyQueries currencies;
    private final ParticipantQueries participants;
    private final ParticipantRefs refs;
    private final DemurrageRuns runs;
    private final Clock clock;

    public DemurrageController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                               CurrencyQueries currencies, ParticipantQueries participants, ParticipantRefs refs,
                               DemurrageRuns runs, Clock clock) {
        this.runs = runs;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.currencies = currencies;
        this.participants = participants;
        this.refs = refs;
        this.clock = clock;
    }

    /**
     * {@code rate} like "0.02" (0 turns it off, then nothing else is needed); {@code kinds} null:
     * members and merchants; {@code beneficiary} an association of the currency, by id or member number.
     */
    public record DemurrageRequest(JsonNode rate, JsonNode periodMonths, String firstDueOn,
                                   JsonNode thresholdPerAccount, JsonNode kinds, String beneficiary,
                                   Boolean includeEarmarked) {
    }

    @Operation(summary = "Set a currency's demurrage (fonte): rate per period, due dates, who melts and who receives")
    @PostMapping("/api/v1/currencies/{code}/demurrage")
    @Allowed(Role.ADMIN)
    public DemurrageView policy(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                @PathVariable("code") String code, @RequestBody DemurrageRequest request) {
        currency(code);
        var keyed = commands.key("demurrage-policy", key, List.of(code, request));
        BigDecimal rate = rate(request.rate());
        boolean on = rate.signum() != 0;
        int periodMonths = RequestValues.optionalWholeNumber(request.periodMonths(), "periodMonths", 1,
                Currency.MAX_DEMURRAGE_PERIOD_MONTHS, 0);
        LocalDate firstDueOn = RequestValues.optionalDate(request.firstDueOn(), "firstDueOn");
        long threshold = request.thresholdPerAccount() == null || request.thresholdPerAccount().isNull() ? 0
                : RequestValues.nonNegativeAmount(request.thresholdPerAccount(), "thresholdPerAccount");
        Set<ParticipantKind> kinds = kinds(request.kinds());
        AccountId beneficiary = null;
        if (on) {
            if (periodMonths == 0) {
                throw ApiException.invalid("periodMonths", "web.required", "{0} is required");
            }
            if (firstDueOn == null) {
                throw ApiException.invalid("firstDueOn", "web.date-required",
                        "{0} is required, as a date like 2026-01-31");
            }
            beneficiary = beneficiaryAccount(request.beneficiary(), code);
        }
        commands.send(keyed, new SetDemurrage(CurrencyCode.of(code), rate, periodMonths, firstDueOn, threshold, kinds,
                beneficiary, Boolean.TRUE.equals(request.includeEarmarked()), clock.instant()), CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("demurrage of {} set: rate {}, every {} months from {}, to {}", code, rate.toPlainString(),
                periodMonths, firstDueOn, beneficiary);
        return currencies.demurrage(code).map(policy -> DemurrageView.of(policy, participants))
                .orElse(DemurrageView.OFF);
    }

    /** The association's account: a participant id or member number of the currency, 404 when unknown. */
    private AccountId beneficiaryAccount(String value, String code) {
        String participant = refs.participant(value, "beneficiary", code).value();
        return participants.find(participant)
                .filter(p -> p.currency().equals(code))
                .map(p -> AccountId.of(p.accountId()))
                .orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "not-found",
                        "beneficiary", "demurrage.unknown-beneficiary", "unknown beneficiary {0} in {1}", value, code));
    }

    private static BigDecimal rate(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ApiException.invalid("rate", "demurrage.rate-missing", "{0} is required, like \"0.02\" (0 turns it off)");
        }
        String text = node.isTextual() ? node.textValue() : node.isNumber() ? node.asText() : "";
        if (!RATE.matcher(text).matches()) {
            throw ApiException.invalid("rate", "demurrage.rate-format",
                    "{0} must be a decimal like \"0.02\" (2 % per period; 0 turns it off)");
        }
        return new BigDecimal(text);
    }

    private static Set<ParticipantKind> kinds(JsonNode kinds) {
        if (kinds == null || kinds.isNull() || kinds.isMissingNode()) {
            return null;
        }
        String among = Arrays.toString(ParticipantKind.values());
        if (!kinds.isArray() || kinds.isEmpty() || kinds.size() > ParticipantKind.values().length * 2) {
            throw ApiException.invalid("kinds", "demurrage.kinds", "{0} must be a list of participant kinds, among {1}",
                    among);
        }
        Set<ParticipantKind> parsed = EnumSet.noneOf(ParticipantKind.class);
        for (JsonNode kind : kinds) {
            if (!kind.isTextual()) {
                throw ApiException.invalid("kinds", "demurrage.kinds",
                        "{0} must be a list of participant kinds, among {1}", among);
            }
            parsed.add(RequestValues.requiredEnum(kind.textValue(), ParticipantKind.class, "kinds"));
        }
        return parsed;
    }

    /** {@code currency} a code; {@code dueOn} a due date of its policy that has come. */
    public record RunRequest(String currency, String dueOn) {
    }

    /**
     * What a run did: the accounts that gave, in all {@code total}, to the {@code beneficiary}
     * association (id, member number); {@code alreadyRun} when the period had run before (these are
     * that run's figures, nothing was charged now), {@code resumed} when an interrupted run was finished.
     */
    public record RunAnswer(String run, String currency, LocalDate dueOn, LocalDate periodFrom, int accountsCharged,
                            String total, String beneficiary, String beneficiaryNumber, boolean alreadyRun,
                            boolean resumed) {
    }

    @Operation(summary = "Run a currency's fonte for a due date that has come (once per period: again, it does nothing)")
    @PostMapping("/api/v1/demurrage-runs")
    @Allowed(Role.ADMIN)
    public RunAnswer run(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                         @RequestBody RunRequest request) {
        commands.key("demurrage-run", key, request);
        String code = RequestValues.requiredText(request.currency(), "currency");
        currency(code);
        LocalDate dueOn = RequestValues.requiredDate(request.dueOn(), "dueOn");
        String user = Caller.current().username();
        DemurrageRuns.Outcome outcome = runs.run(CurrencyCode.of(code), dueOn, user).orElseThrow(() ->
                ApiException.of(HttpStatus.CONFLICT, "demurrage-running", null, "demurrage.running",
                        "a fonte is being run now: send the request again in a moment"));
        DemurrageRunState state = outcome.state();
        readYourWrites.awaitAll(state.runId().value(), state.beneficiaryAccount().value());
        var beneficiary = participants.findByAccount(state.beneficiaryAccount().value());
        return new RunAnswer(state.runId().value(), code, state.dueOn(), state.periodFrom(), state.accountsCharged(),
                Amounts.format(state.totalMinor()), beneficiary.map(ParticipantQueries.Participant::id).orElse(null),
                beneficiary.map(ParticipantQueries.Participant::number).orElse(null), outcome.alreadyRun(),
                outcome.resumed());
    }

    private CurrencyQueries.Currency currency(String code) {
        return currencies.find(code)
                .orElseThrow(() -> ApiException.notFound("web.unknown.currency", "unknown currency {0}", code));
    }
}
