package org.mlc.ledger.api.reconversion;

import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.csv.CsvColumn;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.csv.CsvRows;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.reconversion.ConfirmPayout;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.MarkPayoutPaid;
import org.mlc.ledger.reconversion.Reconversion;
import org.mlc.ledger.reconversion.Reconvert;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Units back to euros for approved merchants and collectivités, and the payouts the guarantee
 * fund owes them: requested by the reconversion, paid once the transfer is ordered (the bank's
 * list is a CSV), confirmed when the bank shows it.
 */
@RestController
public class ReconversionController {

    /** The bank's transfer list stops there; mark those paid and ask again. */
    public static final int MAX_PAYOUT_LINES = 1_000;

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final ReconversionQueries queries;
    private final ParticipantQueries participants;
    private final CurrencyQueries currencies;
    private final Clock clock;

    private final CsvFiles csvFiles;
    /** The payouts' columns, for the French dialect: the beneficiary and the merchant by name. */
    static final List<CsvColumn> PAYOUTS_CSV = List.of(CsvColumn.text("reconversion"), CsvColumn.text("beneficiary"),
            CsvColumn.text("merchant"), CsvColumn.decimal("euros"), CsvColumn.instant("requestedAt"));

    public ReconversionController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                                  ReconversionQueries queries, ParticipantQueries participants,
                                  CurrencyQueries currencies, Clock clock, CsvFiles csvFiles) {
        this.csvFiles = csvFiles;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.participants = participants;
        this.currencies = currencies;
        this.clock = clock;
    }

    /** {@code fundAccount}: the fund's bank account paying (absent: the first). */
    public record ReconversionRequest(String merchant, JsonNode units,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) String fundAccount) {
    }

    public record PayoutStepRequest(String bankOrder, String bankReference) {
    }

    /** A reconversion: units taken back, the fee kept, euros owed, and where the payout stands. */
    public record ReconversionAnswer(String id, String merchant, String accountId, String currency, String units,
                                     String fee, String euros, String status, String bankOrder,
                                     String bankReference) {
    }

    /** A payout to order at the bank; also a line of its CSV. */
    public record PayoutLine(String reconversion, String beneficiary, String merchant, String euros,
                             String requestedAt) {
    }

    public record Payouts(String currency, String status, List<PayoutLine> payouts) {
    }

    @Allowed({Role.ADMIN, Role.MERCHANT, Role.COLLECTIVITE})
    @Operation(summary = "Reconvert a merchant's units into euros")
    @PostMapping("/api/v1/reconversions")
    public ResponseEntity<ReconversionAnswer> reconvert(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestBody ReconversionRequest request) {
        var keyed = commands.key("reconversion", key, request);
        String merchant = id(request.merchant(), "merchant");
        long units = positiveAmount(request.units(), "units");
        String fundAccount = request.fundAccount() == null ? null : id(request.fundAccount(), "fundAccount");
        ParticipantQueries.Participant participant = participants.find(merchant).orElse(null);
        Caller caller = Caller.current();
        if (participant == null || !(caller.is(Role.ADMIN) || caller.owns(merchant))) {
            // another's participant answers as an unknown one
            throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", "merchant", "web.unknown.participant",
                    "unknown participant {0}", merchant);
        }
        String accountId = participant.accountId();
        String currency = participant.currency();
        Reconversion result = commands.send(keyed, new Reconvert(ReconversionId.of(keyed.derivedId("reconversion")),
                CurrencyCode.of(currency), AccountId.of(accountId), units, fundAccount, clock.instant()),
                Reconversion.class);
        String id = result.reconversionId().value();
        readYourWrites.awaitAll(accountId, GuaranteeFund.idOf(CurrencyCode.of(currency)));
        return ResponseEntity.created(URI.create("/api/v1/reconversions/" + id)).body(existing(id));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.COLLECTIVITE})
    @Operation(summary = "A reconversion")
    @GetMapping("/api/v1/reconversions/{id}")
    public ReconversionAnswer get(@PathVariable("id") String reconversionId) {
        Caller caller = Caller.current();
        return queries.find(id(reconversionId, "id"))
                .filter(found -> caller.seesEverything() || caller.owns(found.merchantId()))
                .map(ReconversionController::answer)
                .orElseThrow(() -> ApiException.notFound("web.unknown.reconversion",
                        "unknown reconversion {0}", reconversionId));
    }

    @Allowed({Role.ADMIN})
    @Operation(summary = "Mark a reconversion as paid by the bank")
    @PostMapping("/api/v1/reconversions/{id}/paid")
    public ReconversionAnswer paid(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                    @PathVariable("id") String reconversionId,
                                    @RequestBody PayoutStepRequest request) {
        return payoutStep("payout-paid", key, reconversionId, "bankOrder", request.bankOrder(),
                (currency, bankOrder) -> new MarkPayoutPaid(currency, ReconversionId.of(reconversionId), bankOrder,
                        clock.instant()));
    }

    @Allowed({Role.ADMIN})
    @Operation(summary = "Confirm that a reconversion's euros reached the merchant")
    @PostMapping("/api/v1/reconversions/{id}/confirmation")
    public ReconversionAnswer confirm(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                       @PathVariable("id") String reconversionId,
                                       @RequestBody PayoutStepRequest request) {
        return payoutStep("payout-confirmation", key, reconversionId, "bankReference", request.bankReference(),
                (currency, bankReference) -> new ConfirmPayout(currency, ReconversionId.of(reconversionId),
                        bankReference, clock.instant()));
    }

    /** A step of a payout (paid, confirmed), sent to the fund of the reconversion's currency. */
    private ReconversionAnswer payoutStep(String scope, String key, String reconversionId, String field, String text,
                                           java.util.function.BiFunction<CurrencyCode, String, Object> command) {
        var keyed = commands.key(scope, key, Map.of("reconversion", reconversionId, field, text == null ? "" : text));
        CurrencyCode currency = CurrencyCode.of(existing(reconversionId).currency());
        commands.send(keyed, command.apply(currency, optionalText(text, field)), ReconversionId.class);
        readYourWrites.awaitAll(GuaranteeFund.idOf(currency));
        return existing(reconversionId);
    }

    /** The payouts of a currency in one status (REQUESTED: the transfers to order), oldest first; CSV for the bank. */
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "The reconversions to pay out (JSON or CSV for the bank)")
    @GetMapping("/api/v1/currencies/{code}/payouts")
    public ResponseEntity<?> payouts(@PathVariable("code") String code,
                                     @RequestParam(value = "status", required = false) String status,
                                     @RequestParam(value = "format", required = false) String format,
                                     @RequestParam(value = "dialect", required = false) String dialect) {
        String currency = id(code, "code");
        if (!currencies.exists(currency)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", currency);
        }
        String wanted = status == null ? GuaranteeFund.PayoutStatus.REQUESTED.name() : status;
        try {
            GuaranteeFund.PayoutStatus.valueOf(wanted);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "reconversion.payout-status",
                    "{0} must be REQUESTED, PAID or CONFIRMED");
        }
        CsvDialect csv = CsvDialect.asked(format, dialect);
        List<PayoutLine> lines = queries.payouts(currency, wanted, MAX_PAYOUT_LINES).stream()
                .map(payout -> new PayoutLine(payout.reconversionId(), payout.beneficiaryName(), payout.merchantId(),
                        Amounts.format(payout.eurosMinor()), payout.requestedAt().toString())).toList();
        if (csv != null) {
            return csvFiles.answer(csv, "payouts-" + currency + "-" + wanted.toLowerCase() + ".csv", PAYOUTS_CSV,
                    CsvRows.of(lines));
        }
        return ResponseEntity.ok(new Payouts(currency, wanted, lines));
    }

    private ReconversionAnswer existing(String reconversionId) {
        return queries.find(id(reconversionId, "id")).map(ReconversionController::answer)
                .orElseThrow(() -> ApiException.notFound("web.unknown.reconversion",
                        "unknown reconversion {0}", reconversionId));
    }

    private static ReconversionAnswer answer(ReconversionQueries.Reconversion found) {
        return new ReconversionAnswer(found.id(), found.merchantId(), found.accountId(), found.currency(),
                Amounts.format(found.unitsMinor()), Amounts.format(found.feeMinor()),
                Amounts.format(found.eurosMinor()), found.status(), found.bankOrder(), found.bankReference());
    }
}
