package org.mlc.ledger.api.aid;

import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.aid.GrantResult;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.aid.Closing;
import org.mlc.ledger.aid.AnnounceAidFunding;
import org.mlc.ledger.aid.CloseAidProgram;
import org.mlc.ledger.aid.ConfirmAidFunding;
import org.mlc.ledger.aid.CreateAidProgram;
import org.mlc.ledger.aid.GrantAid;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.bulk.BulkLine;
import org.mlc.ledger.api.bulk.BulkUpload;
import org.mlc.ledger.api.reconversion.FundInflows;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CCAS aid programmes: opening one, its fundings (announced by the CCAS, confirmed by the
 * association when the bank shows them), grants one by one or in bulk, closing. Grants name
 * beneficiaries: only the programme's CCAS makes them and sees them; the programme itself and its
 * report (which names no beneficiary) are also the association's and the auditors'.
 */
@RestController
public class AidController {

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BulkJobs bulkJobs;
    private final ObjectMapper objectMapper;
    private final FundInflows fundInflows;

    public AidController(IdempotentCommands commands, ReadYourWrites readYourWrites, JdbcTemplate jdbc, Clock clock,
                         BulkJobs bulkJobs, ObjectMapper objectMapper, FundInflows fundInflows) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.jdbc = jdbc;
        this.clock = clock;
        this.bulkJobs = bulkJobs;
        this.objectMapper = objectMapper;
        this.fundInflows = fundInflows;
    }

    public record ProgramRequest(String ccas, String currency, String name, List<String> filieres,
                                 JsonNode validityDays, JsonNode monthlyCapPerBeneficiary) {
    }

    public record FundingRequest(JsonNode euros, String reference) {
    }

    public record ConfirmationRequest(String bankReference) {
    }

    public record GrantRequest(String beneficiary, JsonNode units, String expires) {
    }

    @Allowed({Role.ADMIN, Role.CCAS})
    @PostMapping("/api/v1/aid-programs")
    public ResponseEntity<Map<String, Object>> create(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestBody ProgramRequest request) {
        var keyed = commands.key("aid-program", key, request);
        String ccas = id(request.ccas(), "ccas");
        String currency = requiredText(request.currency(), "currency");
        String name = requiredText(request.name(), "name");
        if (request.filieres() == null || request.filieres().isEmpty()
                || request.filieres().size() > AidProgram.MAX_FILIERES) {
            throw ApiException.invalid("filieres", "1 to " + AidProgram.MAX_FILIERES + " filières are required");
        }
        for (String filiere : request.filieres()) {
            if (filiere == null || !org.mlc.ledger.currency.Filieres.PATTERN.matcher(filiere).matches()) {
                throw ApiException.invalid("filieres", "each must be a code like ALIMENTATION");
            }
        }
        int validityDays = wholeNumber(request.validityDays(), "validityDays", 1, AidProgram.MAX_VALIDITY_DAYS);
        Long cap = request.monthlyCapPerBeneficiary() == null || request.monthlyCapPerBeneficiary().isNull() ? null
                : positiveAmount(request.monthlyCapPerBeneficiary(), "monthlyCapPerBeneficiary");
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT account_id FROM participant_view WHERE participant_id = ?", ccas);
        Caller caller = Caller.current();
        if (rows.isEmpty() || !(caller.is(Role.ADMIN) || caller.owns(ccas))) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "unknown participant " + ccas, "ccas");
        }
        if (jdbc.queryForList("SELECT code FROM currency_view WHERE code = ?", currency).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "unknown currency " + currency, "currency");
        }
        String programId = keyed.derivedId("aid-program");
        commands.send(keyed, new CreateAidProgram(AidProgramId.of(programId), ParticipantId.of(ccas),
                AccountId.of((String) rows.get(0).get("account_id")), CurrencyCode.of(currency), name,
                request.filieres(), validityDays, cap, clock.instant()), AidProgramId.class);
        readYourWrites.awaitAll(programId);
        return ResponseEntity.created(URI.create("/api/v1/aid-programs/" + programId)).body(view(program(programId)));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.CCAS})
    @GetMapping("/api/v1/aid-programs/{id}")
    public Map<String, Object> get(@PathVariable("id") String programId) {
        return view(program(programId));
    }

    @Allowed({Role.ADMIN, Role.CCAS})
    @PostMapping("/api/v1/aid-programs/{id}/fundings")
    public ResponseEntity<Map<String, Object>> fund(
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
    @PostMapping("/api/v1/aid-programs/{id}/fundings/{fundingId}/confirmation")
    public Map<String, Object> confirmFunding(
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

    @Allowed({Role.CCAS})
    @PostMapping("/api/v1/aid-programs/{id}/grants")
    public ResponseEntity<Map<String, Object>> grant(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable("id") String programId, @RequestBody GrantRequest request) {
        var keyed = commands.key("aid-grant", key, List.of(programId, request));
        program(programId);
        String beneficiary = id(request.beneficiary(), "beneficiary");
        long units = positiveAmount(request.units(), "units");
        LocalDate expires = date(request.expires(), "expires");
        String account = accountOf(beneficiary);
        GrantResult result = commands.send(keyed, new GrantAid(AidProgramId.of(programId),
                GrantLines.grantId(programId, keyed.key()), ParticipantId.of(beneficiary), AccountId.of(account),
                units, expires, clock.instant()), GrantResult.class);
        readYourWrites.awaitAll(programId, account);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", result.grantId().value());
        answer.put("program", programId);
        answer.put("beneficiary", beneficiary);
        answer.put("accountId", account);
        answer.put("units", Amounts.format(units));
        answer.put("outcome", result.outcome().name());
        answer.put("expires", result.expiresOn() == null ? null : result.expiresOn().toString());
        return ResponseEntity.created(URI.create("/api/v1/aid-programs/" + programId)).body(answer);
    }

    /**
     * Up to 10,000 grants in one upload, JSON {@code {"lines":[{key, beneficiary, units, expires?}]}}
     * or CSV {@code key,beneficiary,units[,expires]}: stored and answered at once (202) with the
     * job, whose progress and line-by-line outcome {@code GET .../grant-batches/{batchId}} shows.
     */
    @Allowed({Role.CCAS})
    @PostMapping(value = "/api/v1/aid-programs/{id}/grant-batches",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<Map<String, Object>> grantBatch(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @PathVariable("id") String programId, @RequestBody(required = false) String body) {
        var keyed = commands.key("aid-grant-batch", key, Arrays.asList(programId, body));
        program(programId);
        List<BulkUpload.Row> rows = BulkUpload.read(body, contentType, objectMapper,
                List.of("key", "beneficiary", "units"), List.of("expires"));
        List<BulkLine> lines = BulkUpload.lines(rows, (row, lineKey) -> new BulkLine(row.line(), lineKey,
                id(text(row.get("beneficiary")), "beneficiary"), positiveAmount(row.get("units"), "units"),
                date(text(row.get("expires")), "expires"), null, null, null));
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

    @Allowed({Role.CCAS})
    @GetMapping("/api/v1/aid-programs/{id}/grant-batches/{batchId}")
    public ResponseEntity<?> grantBatchProgress(@PathVariable("id") String programId,
                                                @PathVariable("batchId") String batchId,
                                                @RequestParam(value = "fromLine", defaultValue = "1") int fromLine,
                                                @RequestParam(value = "format", required = false) String format) {
        program(programId);
        return bulkJobs.progressAnswer(batchId, GrantLines.KIND, programId, fromLine, format, "grant", readYourWrites);
    }

    /** Closes the programme: what it holds is burnt and paid to the CCAS in euros out of the fund, without fee. */
    @Allowed({Role.ADMIN, Role.CCAS})
    @PostMapping("/api/v1/aid-programs/{id}/closing")
    public Map<String, Object> close(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                     @PathVariable("id") String programId) {
        var keyed = commands.key("aid-closing", key, programId);
        Map<String, Object> program = program(programId);
        String currency = (String) program.get("currency");
        String payout = keyed.derivedId("aid-closing");
        Closing closing = commands.send(keyed, new CloseAidProgram(AidProgramId.of(programId),
                ReconversionId.of(payout), fundInflows.of(currency), clock.instant()), Closing.class);
        readYourWrites.awaitAll(programId, GuaranteeFund.idOf(CurrencyCode.of(currency)));
        Map<String, Object> answer = view(program(programId));
        answer.put("closedUnits", Amounts.format(closing.unitsMinor()));
        answer.put("payout", closing.unitsMinor() == 0 ? null : payout);
        return answer;
    }

    private String accountOf(String beneficiary) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT account_id FROM participant_view WHERE participant_id = ?", beneficiary);
        if (rows.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "unknown beneficiary " + beneficiary,
                    "beneficiary");
        }
        return (String) rows.get(0).get("account_id");
    }

    /** The programme, if the caller may see it (else a 404: ids cannot be probed). */
    Map<String, Object> program(String programId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM aid_program_view WHERE program_id = ?",
                id(programId, "id"));
        Caller caller = Caller.current();
        if (rows.isEmpty() || !(caller.seesEverything() || caller.owns((String) rows.get(0).get("ccas_id")))) {
            throw ApiException.notFound("unknown aid programme " + programId);
        }
        return rows.get(0);
    }

    private Map<String, Object> view(Map<String, Object> row) {
        String programId = (String) row.get("program_id");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", programId);
        view.put("ccas", row.get("ccas_id"));
        view.put("currency", row.get("currency"));
        view.put("name", row.get("name"));
        view.put("filieres", List.of(((String) row.get("filieres")).split(",")));
        view.put("validityDays", row.get("validity_days"));
        Long cap = (Long) row.get("monthly_cap_minor");
        view.put("monthlyCapPerBeneficiary", cap == null ? null : Amounts.format(cap));
        view.put("status", row.get("status"));
        view.put("balance", Amounts.format((Long) row.get("balance_minor")));
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.query("SELECT kind, SUM(units_minor) AS total FROM aid_movement WHERE program_id = ? GROUP BY kind",
                rs -> {
                    totals.put(rs.getString("kind"), rs.getLong("total"));
                }, programId);
        view.put("funded", Amounts.format(totals.getOrDefault("FUNDED", 0L)));
        view.put("granted", Amounts.format(totals.getOrDefault("GRANTED", 0L)));
        view.put("spent", Amounts.format(totals.getOrDefault("SPENT", 0L)));
        view.put("returned", Amounts.format(totals.getOrDefault("RETURNED", 0L)));
        view.put("closedOut", Amounts.format(totals.getOrDefault("CLOSED", 0L)));
        List<Map<String, Object>> fundings = new ArrayList<>();
        for (Map<String, Object> f : jdbc.queryForList("SELECT funding_id FROM aid_funding_view WHERE program_id = ? "
                + "ORDER BY announced_at, funding_id LIMIT 1000", programId)) {
            fundings.add(funding((String) f.get("funding_id")));
        }
        view.put("fundings", fundings);
        return view;
    }

    private Map<String, Object> funding(String fundingId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM aid_funding_view WHERE funding_id = ?",
                fundingId);
        if (rows.isEmpty()) {
            throw ApiException.notFound("unknown funding " + fundingId);
        }
        Map<String, Object> row = rows.get(0);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", fundingId);
        view.put("program", row.get("program_id"));
        view.put("euros", Amounts.format((Long) row.get("euros_minor")));
        view.put("reference", row.get("reference"));
        view.put("status", row.get("status"));
        view.put("bankReference", row.get("bank_reference"));
        view.put("announcedAt", ((Timestamp) row.get("announced_at")).toInstant().toString());
        Timestamp received = (Timestamp) row.get("received_at");
        view.put("receivedAt", received == null ? null : received.toInstant().toString());
        return view;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date like 2026-01-31");
        }
    }

    private static int wholeNumber(JsonNode node, String field, int min, int max) {
        if (node == null || node.isNull()) {
            throw ApiException.invalid(field, "is required");
        }
        String text = node.isTextual() ? node.textValue() : node.isIntegralNumber() ? node.asText() : "";
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw ApiException.invalid(field, "must be a whole number from " + min + " to " + max);
        }
        return Integer.parseInt(text);
    }
}
