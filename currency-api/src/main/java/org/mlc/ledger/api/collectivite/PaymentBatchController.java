package org.mlc.ledger.api.collectivite;

import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.mlc.ledger.api.account.AccountPolicy;
import org.mlc.ledger.api.account.AccountQueries;
import org.mlc.ledger.api.account.AccountQueries.Account;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.participant.ParticipantRefs;
import org.mlc.ledger.api.bulk.BulkLine;
import org.mlc.ledger.api.bulk.BulkUpload;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.payment.CheckBatchPayer;
import org.mlc.ledger.payment.MakePayment;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
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
 * A collectivité pays many at once (subsidies to associations, indemnités to elected officials):
 * up to 10,000 payments from its account in one upload, JSON {@code {"lines":[{key, to, amount,
 * reference?}]}} or CSV {@code key,to,amount[,reference]}, carried out like bulk grants.
 */
@RestController
public class PaymentBatchController {

    private final IdempotentCommands commands;
    private final AccountQueries accounts;
    private final BulkJobs bulkJobs;
    private final ObjectMapper objectMapper;
    private final ReadYourWrites readYourWrites;

    private final CsvFiles csvFiles;
    private final ParticipantRefs refs;

    public PaymentBatchController(IdempotentCommands commands, AccountQueries accounts, BulkJobs bulkJobs,
                                  ObjectMapper objectMapper, ReadYourWrites readYourWrites, CsvFiles csvFiles,
                                  ParticipantRefs refs) {
        this.refs = refs;
        this.csvFiles = csvFiles;
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.accounts = accounts;
        this.bulkJobs = bulkJobs;
        this.objectMapper = objectMapper;
    }

    @Allowed({Role.ADMIN, Role.COLLECTIVITE})
    @Operation(summary = "Pay many accounts from a file (a job)")
    @PostMapping(value = "/api/v1/accounts/{id}/payment-batches",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<BulkJobs.JobView> create(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @PathVariable("id") String accountId, @RequestBody(required = false) String body) {
        var keyed = commands.key("payment-batch", key, Arrays.asList(accountId, body));
        Account account = account(accountId);
        // the whole upload is refused at once, by the rule each of its lines would meet (PaymentPolicy)
        commands.check(new CheckBatchPayer(AccountId.of(accountId)));
        List<BulkUpload.Row> rows = BulkUpload.read(body, contentType, objectMapper, List.of("key", "to", "amount"),
                List.of("reference"));
        List<BulkLine> lines = BulkUpload.lines(rows, (row, lineKey) -> {
            String reference = optionalText(text(row.get("reference")), "reference");
            if (reference != null && reference.length() > MakePayment.MAX_REFERENCE_LENGTH) {
                throw ApiException.invalid("reference", "web.text-length",
                        "{0} must be at most {1} characters", MakePayment.MAX_REFERENCE_LENGTH);
            }
            String to = refs.account(row.text("to"), "to", account.currency()).value();
            if (to.equals(accountId)) {
                throw ApiException.invalid("to", "collectivite.batch-pays-itself", "{0} an account cannot pay itself");
            }
            return new BulkLine(row.line(), lineKey, to, row.positiveAmount("amount"), null, reference,
                    null, null);
        }, csvFiles::french);
        String jobId = keyed.derivedId("payment-batch");
        Caller caller = Caller.current();
        String answered = commands.apply(keyed, String.class, () -> {
            bulkJobs.create(new BulkJobs.Job(jobId, PaymentLines.KIND, accountId, account.participantId(),
                    caller.username(), account.currency()), lines);
            return jobId;
        });
        return ResponseEntity.accepted().location(URI.create("/api/v1/accounts/" + accountId + "/payment-batches/"
                + answered)).body(bulkJobs.view(answered, 1, false));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COLLECTIVITE})
    @Operation(summary = "The progress and line outcomes of a bulk payment")
    @GetMapping("/api/v1/accounts/{id}/payment-batches/{batchId}")
    public ResponseEntity<?> progress(@PathVariable("id") String accountId, @PathVariable("batchId") String batchId,
                                      @RequestParam(value = "fromLine", defaultValue = "1") int fromLine,
                                      @RequestParam(value = "format", required = false) String format,
                                      @RequestParam(value = "dialect", required = false) String dialect) {
        account(accountId);
        return bulkJobs.progressAnswer(batchId, PaymentLines.KIND, accountId, fromLine, format, dialect, "payment",
                readYourWrites, csvFiles);
    }

    private Account account(String accountId) {
        return accounts.find(id(accountId, "id")).filter(account -> AccountPolicy.mayRead(account.participantId()))
                .orElseThrow(() -> ApiException.notFound("web.unknown.account", "unknown account {0}", accountId));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
