package org.mlc.ledger.api.issuance;

import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.bulk.BulkJobs;
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
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.issuance.ConfirmIssuanceFunds;
import org.mlc.ledger.issuance.FileIssuance;
import org.mlc.ledger.issuance.IssuanceLine;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Direct issuances (indemnités, subsidies, staff bonuses paid in the currency): a funder files its
 * lines and owes the euros at parity, without bonus; once the euros are in the fund (a bank
 * statement line whose reference is the issuance id, or an admin's confirmation) the units go to
 * each recipient, line by line ({@link IssuanceLines}). A funder sees only its own issuances.
 */
@RestController
public class IssuanceController {

    private static final Logger log = LoggerFactory.getLogger(IssuanceController.class);

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final IssuanceQueries queries;
    private final ParticipantQueries participants;
    private final ParticipantRefs refs;
    private final CurrencyQueries currencies;
    private final IssuanceLines issuanceLines;
    private final Clock clock;

    public IssuanceController(IdempotentCommands commands, ReadYourWrites readYourWrites, IssuanceQueries queries,
                              ParticipantQueries participants, ParticipantRefs refs, CurrencyQueries currencies,
                              IssuanceLines issuanceLines, Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.participants = participants;
        this.refs = refs;
        this.currencies = currencies;
        this.issuanceLines = issuanceLines;
        this.clock = clock;
    }

    public record LineRequest(String key, String recipient, JsonNode units, String label) {
    }

    public record IssuanceRequest(String funder, String reference, List<LineRequest> lines) {
    }

    public record ConfirmationRequest(String bankReference) {
    }

    /** A line: who (name and member number, not only an id), how much, and what became of it. */
    public record LineAnswer(int line, String key, String recipient, String recipientName, String memberNumber,
                             String units, String label, String status, String code) {
    }

    /** An issuance; {@code euros} is what the funder owes (paid in once {@code fundedAt} is set). */
    public record IssuanceAnswer(String id, String currency, String funder, String funderName, String reference,
                                 String status, String euros, String issuedUnits, int lineCount, int issuedLines,
                                 int refusedLines, String bankReference, String filedAt, String fundedAt,
                                 List<LineAnswer> lines) {
    }

    @Allowed({Role.ADMIN, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "File a direct issuance: units for recipients against the funder's euros at parity")
    @PostMapping("/api/v1/currencies/{code}/issuances")
    public ResponseEntity<IssuanceAnswer> file(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable("code") String code, @RequestBody IssuanceRequest request) {
        var keyed = commands.key("issuance", key, Arrays.asList(code, request));
        if (!currencies.exists(code)) {
            throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", "code", "web.unknown.currency",
                    "unknown currency {0}", code);
        }
        String funder = refs.participant(request.funder(), "funder", code).value();
        Caller caller = Caller.current();
        ParticipantQueries.Participant funderView = participants.find(funder).orElse(null);
        if (funderView == null || !(caller.is(Role.ADMIN) || caller.owns(funder))) {
            throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", "funder", "web.unknown.participant",
                    "unknown participant {0}", funder);
        }
        String reference = requiredText(request.reference(), "reference");
        List<LineRequest> lines = request.lines();
        if (lines == null || lines.isEmpty() || lines.size() > BulkJobs.MAX_LINES) {
            throw ApiException.invalid("lines", "web.issuance.lines-count", "{0}: 1 to {1} lines",
                    BulkJobs.MAX_LINES);
        }
        List<IssuanceLine> issuanceLines = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                throw ApiException.invalid(field, "web.required", "{0} is required");
            }
            String lineKey = RequestValues.id(line.key(), field + ".key");
            String recipient = refs.participant(line.recipient(), field + ".recipient", code).value();
            String account = participants.find(recipient).map(ParticipantQueries.Participant::accountId)
                    .orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "not-found", field + ".recipient",
                            "web.unknown.participant", "unknown participant {0}", recipient));
            long units = positiveAmount(line.units(), field + ".units");
            issuanceLines.add(new IssuanceLine(lineKey, ParticipantId.of(recipient), AccountId.of(account), units,
                    optionalText(line.label(), field + ".label")));
        }
        String issuanceId = keyed.derivedId("issuance");
        commands.send(keyed, new FileIssuance(IssuanceId.of(issuanceId), CurrencyCode.of(code),
                ParticipantId.of(funder), AccountId.of(funderView.accountId()), reference, issuanceLines,
                caller.username(), clock.instant()), IssuanceId.class);
        readYourWrites.awaitAll(issuanceId);
        log.info("issuance {} filed in {} by {} for funder {}: {} lines", issuanceId, code, caller.username(), funder,
                issuanceLines.size());
        return ResponseEntity.accepted().location(URI.create("/api/v1/issuances/" + issuanceId))
                .body(answer(issuance(issuanceId)));
    }

    /** The association saw the euros in the fund's bank account: the units go to the recipients. */
    @Allowed({Role.ADMIN})
    @Operation(summary = "Confirm that an issuance's euros reached the fund; its units are issued")
    @PostMapping("/api/v1/currencies/{code}/issuances/{id}/confirmation")
    public ResponseEntity<IssuanceAnswer> confirm(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable("code") String code, @PathVariable("id") String issuanceId,
            @RequestBody(required = false) ConfirmationRequest request) {
        String bankReference = request == null ? null : request.bankReference();
        var keyed = commands.key("issuance-confirmation", key, Arrays.asList(code, issuanceId, bankReference));
        IssuanceQueries.Issuance issuance = issuance(issuanceId);
        if (!issuance.currency().equals(code)) {
            throw ApiException.notFound("web.unknown", "unknown {0}", issuanceId);
        }
        commands.send(keyed, new ConfirmIssuanceFunds(IssuanceId.of(issuanceId),
                optionalText(bankReference, "bankReference"), Caller.current().username(), clock.instant()),
                IssuanceId.class);
        readYourWrites.awaitAll(issuanceId, GuaranteeFund.idOf(CurrencyCode.of(code)));
        issuanceLines.start(issuanceId);
        return ResponseEntity.accepted().location(URI.create("/api/v1/issuances/" + issuanceId))
                .body(answer(issuance(issuanceId)));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "An issuance and each line's result")
    @GetMapping("/api/v1/issuances/{id}")
    public IssuanceAnswer get(@PathVariable("id") String issuanceId) {
        return answer(issuance(issuanceId));
    }

    /** A funder's issuances, newest first (ADMIN and AUDITOR: any funder's, or all). */
    public List<IssuanceQueries.Issuance> list(String funder, LocalDate from, LocalDate to) {
        Caller caller = Caller.current();
        String who = caller.seesEverything() ? funder : caller.participantId();
        return queries.byFunder(who, start(from), to == null ? null : start(to.plusDays(1)), 1_000);
    }

    /** The issuance, 404 when it does not exist or is another funder's. */
    public IssuanceQueries.Issuance issuance(String issuanceId) {
        RequestValues.id(issuanceId, "id");
        IssuanceQueries.Issuance issuance = queries.find(issuanceId).orElse(null);
        Caller caller = Caller.current();
        if (issuance == null || !(caller.seesEverything() || caller.owns(issuance.funderId()))) {
            throw ApiException.notFound("web.unknown", "unknown {0}", issuanceId);
        }
        return issuance;
    }

    IssuanceAnswer answer(IssuanceQueries.Issuance issuance) {
        List<IssuanceQueries.Line> lines = queries.lines(issuance.id(), BulkJobs.MAX_LINES_SHOWN);
        List<String> ids = new ArrayList<>(lines.stream().map(IssuanceQueries.Line::recipientId).distinct().toList());
        ids.add(issuance.funderId());
        Map<String, ParticipantQueries.Participant> named = participants.findAll(ids);
        List<LineAnswer> answers = lines.stream().map(l -> {
            ParticipantQueries.Participant p = named.get(l.recipientId());
            return new LineAnswer(l.line(), l.key(), l.recipientId(), p == null ? null : p.name(),
                    p == null ? null : p.number(), Amounts.format(l.unitsMinor()), l.label(), l.status(), l.code());
        }).toList();
        ParticipantQueries.Participant funder = named.get(issuance.funderId());
        return new IssuanceAnswer(issuance.id(), issuance.currency(), issuance.funderId(),
                funder == null ? null : funder.name(), issuance.reference(), issuance.status(),
                Amounts.format(issuance.eurosMinor()), Amounts.format(issuance.issuedUnitsMinor()), issuance.lines(),
                issuance.issuedLines(), issuance.refusedLines(), issuance.bankReference(),
                issuance.filedAt().toString(), issuance.fundedAt() == null ? null : issuance.fundedAt().toString(),
                answers);
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(CivilDay.ZONE).toInstant();
    }
}
