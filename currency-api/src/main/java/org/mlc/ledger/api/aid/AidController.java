package org.mlc.ledger.api.aid;

import org.mlc.ledger.api.participant.ParticipantRefs;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.mlc.ledger.aid.GrantResult;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.aid.Closing;
import org.mlc.ledger.aid.AnnounceAidFunding;
import org.mlc.ledger.aid.CloseAidProgram;
import org.mlc.ledger.aid.ConfirmAidFunding;
import org.mlc.ledger.aid.CreateAidProgram;
import org.mlc.ledger.aid.GrantAid;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.bulk.BulkLine;
import org.mlc.ledger.api.bulk.BulkUpload;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.reconversion.GuaranteeFund;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Earmarked aid programmes of a funder (a CCAS, a collectivité, an association or an employer):
 * opening one, its fundings (announced by the funder, confirmed by the association when the bank
 * shows them), grants one by one or in bulk, closing. Grants name beneficiaries: only the
 * programme's funder makes them and sees them; the programme itself and its report (which names
 * no beneficiary) are also the association's and the auditors'. Each funder sees only its own.
 */
@RestController
public class AidController {

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final AidQueries queries;
    private final ParticipantQueries participants;
    private final CurrencyQueries currencies;
    private final Clock clock;
    private final BulkJobs bulkJobs;
    private final ObjectMapper objectMapper;

    private final CsvFiles csvFiles;
    private final ParticipantRefs refs;

    public AidController(IdempotentCommands commands, ReadYourWrites readYourWrites, AidQueries queries,
                         ParticipantQueries participants, CurrencyQueries currencies, Clock clock, BulkJobs bulkJobs,
                         ObjectMapper objectMapper, ParticipantRefs refs, CsvFiles csvFiles) {
        this.csvFiles = csvFiles;
        this.refs = refs;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.participants = participants;
        this.currencies = currencies;
        this.clock = clock;
        this.bulkJobs = bulkJobs;
        this.objectMapper = objectMapper;
    }

    /**
     * {@code funder}: the CCAS, collectivité, association or employer running it, by id or member
     * number; {@code ccas}, its older name, is still read when {@code funder} is absent.
     */
    public record ProgramRequest(String funder, String ccas, String currency, String name, List<String> filieres,
                                 JsonNode validityDays, JsonNode monthlyCapPerBeneficiary) {
    }

    public record FundingRequest(JsonNode euros, String reference) {
    }

    public record ConfirmationRequest(String bankReference) {
    }

    public record GrantRequest(String beneficiary, JsonNode units, String expires) {
    }

    /** A programme with its figures since it opened; amounts as decimal strings. */
    public record ProgramAnswer(String id, String funder, String ccas, String currency, String name, List<String> filieres,
                                int validityDays, String monthlyCapPerBeneficiary, String status, String balance,
                                String funded, String granted, String spent, String returned, String closedOut,
                                List<FundingAnswer> fundings) {
    }

    /** A funding; {@code receivedAt} is null until the bank shows it. */
    public record FundingAnswer(String id, String program, String euros, String reference, String status,
                                String bankReference, String announcedAt, String receivedAt) {
    }

    public record GrantAnswer(String id, String program, String beneficiary, String accountId, String units,
                              String outcome, String expires) {
    }

    /** The closed programme, what its closing burnt and the payout to the CCAS (null when nothing was left). */
    public record ClosingAnswer(@JsonUnwrapped ProgramAnswer program, String closedUnits, String payout) {
    }

    @Allowed({Role.ADMIN, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "Create an aid programme")
    @PostMapping("/api/v1/aid-programs")
    public ResponseEntity<ProgramAnswer> create(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestBody ProgramRequest request) {
        var keyed = commands.key("aid-program", key, request);
        String funderField = request.funder() == null && request.ccas() != null ? "ccas" : "funder";
        String funderRef = request.funder() == null ? request.ccas() : request.funder();
        String currency = requiredText(request.currency(), "currency");
        if (!currencies.exists(currency)) {
            throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", "currency", "web.unknown.currency",
                    "unknown currency {0}", currency);
        }
        String ccas = refs.participant(requiredText(funderRef, funderField), funderField).value();
        String name = requiredText(request.name(), "name");
        if (request.filieres() == null || request.filieres().isEmpty()
                || request.filieres().size() > AidProgram.MAX_FILIERES) {
            throw ApiException.invalid("filieres", "aid.filieres-number",
                    "{0} 1 to {1} filières are required", AidProgram.MAX_FILIERES);
        }
        for (String filiere : request.filieres()) {
            if (filiere == null || !org.mlc.ledger.currency.Filieres.PATTERN.matcher(filiere).matches()) {
                throw ApiException.invalid("filieres", "aid.filiere-code", "{0} each must be a code like ALIMENTATION");
            }
        }
        int validityDays = wholeNumber(request.validityDays(), "validityDays", 1, AidProgram.MAX_VALIDITY_DAYS);
        Long cap = request.monthlyCapPerBeneficiary() == null || request.monthlyCapPerBeneficiary().isNull() ? null
                : positiveAmount(request.monthlyCapPerBeneficiary(), "monthlyCapPerBeneficiary");
        String ccasAccount = participants.find(ccas).map(ParticipantQueries.Participant::accountId).orElse(null);
        Caller caller = Caller.current();
        if (ccasAccount == null || !(caller.is(Role.ADMIN) || caller.owns(ccas))) {
            throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", funderField, "web.unknown.participant",
                    "unknown participant {0}", ccas);
        }
        String programId = keyed.derivedId("aid-program");
        commands.send(keyed, new CreateAidProgram(AidProgramId.of(programId), ParticipantId.of(ccas),
                AccountId.of(ccasAccount), CurrencyCode.of(currency), name,
                request.filieres(), validityDays, cap, clock.instant()), AidProgramId.class);
        readYourWrites.awaitAll(programId);
        return ResponseEntity.created(URI.create("/api/v1/aid-programs/" + programId)).body(view(program(programId)));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "An aid programme and its figures")
    @GetMapping("/api/v1/aid-programs/{id}")
    public ProgramAnswer get(@PathVariable("id") String programId) {
        return view(program(programId));
    }

    @Allowed({Role.ADMIN, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "Record a funding of an aid programme in euros")
    @PostMapping("/api/v1/aid-programs/{id}/fundings")
    public ResponseEntity<FundingAnswer> fund(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable("id") String programId, @RequestBody FundingRequest request) {
        var keyed = commands.key("aid-funding", key, List.of(programId, request));
        program(programId);
        long euros = positiveAmount(request.euros(), "euros");
        String reference = optionalText(request.reference(), "reference");
        String fundingId = keyed.derivedId("aid-funding");
        commands.send(keyed, new AnnounceAidFunding(AidProgramId.of(programId), FundingId.of(fundingId), euros,
                reference, clock.instant()), FundingId.class);
        readYourWrites.awaitAll(programId);
        return ResponseEntity.created(URI.create("/api/v1/aid-programs/" + programId + "/fundings/" + fundingId))
                .body(funding(fundingId));
    }

    /** The bank shows the CCAS's euros in the fund: the programme's units are issued, at parity. */
    @Allowed({Role.ADMIN})
    @Operation(summary = "Confirm that a funding reached the bank")
    @PostMapping("/api/v1/aid-programs/{id}/fundings/{fundingId}/confirmation")
    public FundingAnswer confirmFunding(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable("id") String programId, @PathVariable("fundingId") String fundingId,
            @RequestBody(required = false) ConfirmationRequest request) {
        String bankReference = request == null ? null : request.bankReference();
        var keyed = commands.key("aid-funding-confirmation", key, Arrays.asList(programId, fundingId, bankReference));
        program(programId);
        id(fundingId, "fundingId");
        commands.send(keyed, new ConfirmAidFunding(AidProgramId.of(programId), FundingId.of(fundingId),
                optionalText(bankReference, "bankReference"), clock.instant()), FundingId.class);
        readYourWrites.awaitAll(programId);
        return funding(fundingId);
    }

    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "Grant aid to one beneficiary",
            description = "Credits the beneficiary's account with earmarked units from the programme's funding, "
                    + "spendable at merchants of the programme's filières until `expires`.")
    @PostMapping("/api/v1/aid-programs/{id}/grants")
    public ResponseEntity<GrantAnswer> grant(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable("id") String programId, @RequestBody GrantRequest request) {
        var keyed = commands.key("aid-grant", key, List.of(programId, request));
        AidQueries.Program program = program(programId);
        // by id or member number; a number of another currency than the programme's is not found
        String beneficiary = refs.participant(request.beneficiary(), "beneficiary", program.currency()).value();
        long units = positiveAmount(request.units(), "units");
        LocalDate expires = date(request.expires(), "expires");
        String account = accountOf(beneficiary);
        GrantResult result = commands.send(keyed, new GrantAid(AidProgramId.of(programId),
                GrantLines.grantId(programId, keyed.key()), ParticipantId.of(beneficiary), AccountId.of(account),
                units, expires, clock.instant()), GrantResult.class);
        readYourWrites.awaitAll(programId, account);
        GrantAnswer answer = new GrantAnswer(result.grantId().value(), programId, beneficiary, account,
                Amounts.format(units), result.outcome().name(),
                result.expiresOn() == null ? null : result.expiresOn().toString());
        return ResponseEntity.created(URI.create("/api/v1/aid-programs/" + programId)).body(answer);
    }

    /**
     * Up to 10,000 grants in one upload, JSON {@code {"lines":[{key, beneficiary, units, expires?}]}}
     * or CSV {@code key,beneficiary,units[,expires]}: stored and answered at once (202) with the
     * job, whose progress and line-by-line outcome {@code GET .../grant-batches/{batchId}} shows.
     */
    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "Grant aid to many beneficiaries from a file (a job)")
    @PostMapping(value = "/api/v1/aid-programs/{id}/grant-batches",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<BulkJobs.JobView> grantBatch(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @PathVariable("id") String programId, @RequestBody(required = false) String body) {
        var keyed = commands.key("aid-grant-batch", key, Arrays.asList(programId, body));
        String currency = program(programId).currency();
        List<BulkUpload.Row> rows = BulkUpload.read(body, contentType, objectMapper,
                List.of("key", "beneficiary", "units"), List.of("expires"));
        List<BulkLine> lines = BulkUpload.lines(rows, (row, lineKey) -> new BulkLine(row.line(), lineKey,
                refs.participant(row.text("beneficiary"), "beneficiary", currency).value(),
                row.positiveAmount("units"),
                row.optionalDay("expires"), null, null, null), csvFiles::french);
        String jobId = keyed.derivedId("aid-grant-batch");
        Caller caller = Caller.current();
        String answered = commands.apply(keyed, String.class, () -> {
            bulkJobs.create(new BulkJobs.Job(jobId, GrantLines.KIND, programId, caller.participantId(),
                    caller.username()), lines);
            return jobId;
        });
        return ResponseEntity.accepted().location(URI.create("/api/v1/aid-programs/" + programId + "/grant-batches/"
                + answered)).body(bulkJobs.view(answered, 1, false));
    }

    /** A job's progress as JSON (for the pages). */
    public ResponseEntity<?> grantBatchProgress(String programId, String batchId, int fromLine, String format) {
        return grantBatchProgress(programId, batchId, fromLine, format, null);
    }

    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "The progress and line outcomes of a bulk grant")
    @GetMapping("/api/v1/aid-programs/{id}/grant-batches/{batchId}")
    public ResponseEntity<?> grantBatchProgress(@PathVariable("id") String programId,
                                                @PathVariable("batchId") String batchId,
                                                @RequestParam(value = "fromLine", defaultValue = "1") int fromLine,
                                                @RequestParam(value = "format", required = false) String format,
                                                @RequestParam(value = "dialect", required = false) String dialect) {
        program(programId);
        return bulkJobs.progressAnswer(batchId, GrantLines.KIND, programId, fromLine, format, dialect, "grant",
                readYourWrites, csvFiles);
    }

    /** Closes the programme: what it holds is burnt and paid to the CCAS in euros out of the fund, without fee. */
    @Allowed({Role.ADMIN, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "Close an aid programme and pay out what is left")
    @PostMapping("/api/v1/aid-programs/{id}/closing")
    public ClosingAnswer close(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                     @PathVariable("id") String programId) {
        var keyed = commands.key("aid-closing", key, programId);
        String currency = program(programId).currency();
        String payout = keyed.derivedId("aid-closing");
        Closing closing = commands.send(keyed, new CloseAidProgram(AidProgramId.of(programId),
                ReconversionId.of(payout), clock.instant()), Closing.class);
        readYourWrites.awaitAll(programId, GuaranteeFund.idOf(CurrencyCode.of(currency)));
        return new ClosingAnswer(view(program(programId)), Amounts.format(closing.unitsMinor()),
                closing.unitsMinor() == 0 ? null : payout);
    }

    private String accountOf(String beneficiary) {
        return participants.find(beneficiary).map(ParticipantQueries.Participant::accountId).orElseThrow(() ->
                ApiException.of(HttpStatus.NOT_FOUND, "not-found", "beneficiary", "web.unknown.beneficiary",
                        "unknown beneficiary {0}", beneficiary));
    }

    /** The programme, if the caller may see it (else a 404: ids cannot be probed). */
    AidQueries.Program program(String programId) {
        AidQueries.Program program = queries.program(id(programId, "id")).orElse(null);
        Caller caller = Caller.current();
        if (program == null || !(caller.seesEverything() || caller.owns(program.ccasId()))) {
            throw ApiException.notFound("web.unknown.aid-programme", "unknown aid programme {0}", programId);
        }
        return program;
    }

    private ProgramAnswer view(AidQueries.Program program) {
        AidQueries.Totals totals = queries.totals(program.id());
        return new ProgramAnswer(program.id(), program.ccasId(), program.ccasId(), program.currency(), program.name(),
                program.filieres(), program.validityDays(),
                program.monthlyCapMinor() == null ? null : Amounts.format(program.monthlyCapMinor()),
                program.status(), Amounts.format(program.balanceMinor()),
                Amounts.format(totals.fundedMinor()), Amounts.format(totals.grantedMinor()),
                Amounts.format(totals.spentMinor()), Amounts.format(totals.returnedMinor()),
                Amounts.format(totals.closedMinor()),
                queries.fundingsOf(program.id()).stream().map(AidController::funding).toList());
    }

    private FundingAnswer funding(String fundingId) {
        return queries.funding(fundingId).map(AidController::funding)
                .orElseThrow(() -> ApiException.notFound("web.unknown.funding", "unknown funding {0}", fundingId));
    }

    private static FundingAnswer funding(AidQueries.Funding funding) {
        return new FundingAnswer(funding.id(), funding.programId(), Amounts.format(funding.eurosMinor()),
                funding.reference(), funding.status().name(), funding.bankReference(),
                funding.announcedAt().toString(), funding.receivedAt() == null ? null : funding.receivedAt().toString());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static LocalDate date(String value, String field) {
        return RequestValues.optionalDate(value == null ? null : value.strip(), field);
    }

    private static int wholeNumber(JsonNode node, String field, int min, int max) {
        if (node == null || node.isNull()) {
            throw ApiException.invalid(field, "web.required", "{0} is required");
        }
        String text = node.isTextual() ? node.textValue() : node.isIntegralNumber() ? node.asText() : "";
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw ApiException.invalid(field, "web.whole-number",
                    "{0} must be a whole number from {1} to {2}", min, max);
        }
        return Integer.parseInt(text);
    }
}
