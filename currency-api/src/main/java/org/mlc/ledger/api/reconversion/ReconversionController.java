package org.mlc.ledger.api.reconversion;

import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.account.Csv;
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
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final FundInflows fundInflows;

    public ReconversionController(IdempotentCommands commands, ReadYourWrites readYourWrites, JdbcTemplate jdbc,
                                  Clock clock, FundInflows fundInflows) {
        this.fundInflows = fundInflows;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ReconversionRequest(String merchant, JsonNode units) {
    }

    public record PayoutStepRequest(String bankOrder, String bankReference) {
    }

    @Allowed({Role.ADMIN, Role.MERCHANT, Role.COLLECTIVITE})
    @PostMapping("/api/v1/reconversions")
    public ResponseEntity<Map<String, Object>> reconvert(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestBody ReconversionRequest request) {
        var keyed = commands.key("reconversion", key, request);
        String merchant = id(request.merchant(), "merchant");
        long units = positiveAmount(request.units(), "units");
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT account_id, currency FROM participant_view WHERE participant_id = ?", merchant);
        Caller caller = Caller.current();
        if (rows.isEmpty() || !(caller.is(Role.ADMIN) || caller.owns(merchant))) {
            // another's participant answers as an unknown one
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "unknown participant " + merchant, "merchant");
        }
        String accountId = (String) rows.get(0).get("account_id");
        String currency = (String) rows.get(0).get("currency");
        Reconversion result = commands.send(keyed, new Reconvert(ReconversionId.of(keyed.derivedId("reconversion")),
                CurrencyCode.of(currency), AccountId.of(accountId), units, fundInflowsMinor(currency),
                clock.instant()), Reconversion.class);
        String id = result.reconversionId().value();
        readYourWrites.awaitAll(accountId, GuaranteeFund.idOf(CurrencyCode.of(currency)));
        return ResponseEntity.created(URI.create("/api/v1/reconversions/" + id)).body(find(id));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.COLLECTIVITE})
    @GetMapping("/api/v1/reconversions/{id}")
    public Map<String, Object> get(@PathVariable("id") String reconversionId) {
        Map<String, Object> found = find(id(reconversionId, "id"));
        Caller caller = Caller.current();
        if (found == null || !(caller.seesEverything() || caller.owns((String) found.get("merchant")))) {
            throw ApiException.notFound("unknown reconversion " + reconversionId);
        }
        return found;
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/v1/reconversions/{id}/paid")
    public Map<String, Object> paid(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                    @PathVariable("id") String reconversionId,
                                    @RequestBody PayoutStepRequest request) {
        return payoutStep("payout-paid", key, reconversionId, "bankOrder", request.bankOrder(),
                (currency, bankOrder) -> new MarkPayoutPaid(currency, ReconversionId.of(reconversionId), bankOrder,
                        clock.instant()));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/v1/reconversions/{id}/confirmation")
    public Map<String, Object> confirm(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                       @PathVariable("id") String reconversionId,
                                       @RequestBody PayoutStepRequest request) {
        return payoutStep("payout-confirmation", key, reconversionId, "bankReference", request.bankReference(),
                (currency, bankReference) -> new ConfirmPayout(currency, ReconversionId.of(reconversionId),
                        bankReference, clock.instant()));
    }

    /** A step of a payout (paid, confirmed), sent to the fund of the reconversion's currency. */
    private Map<String, Object> payoutStep(String scope, String key, String reconversionId, String field, String text,
                                           java.util.function.BiFunction<CurrencyCode, String, Object> command) {
        var keyed = commands.key(scope, key, Map.of("reconversion", reconversionId, field, text == null ? "" : text));
        CurrencyCode currency = CurrencyCode.of((String) existing(reconversionId).get("currency"));
        commands.send(keyed, command.apply(currency, optionalText(text, field)), ReconversionId.class);
        readYourWrites.awaitAll(GuaranteeFund.idOf(currency));
        return find(reconversionId);
    }

    /** The payouts of a currency in one status (REQUESTED: the transfers to order), oldest first; CSV for the bank. */
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @GetMapping("/api/v1/currencies/{code}/payouts")
    public ResponseEntity<?> payouts(@PathVariable("code") String code,
                                     @RequestParam(value = "status", required = false) String status,
                                     @RequestParam(value = "format", required = false) String format) {
        String currency = id(code, "code");
        String wanted = status == null ? GuaranteeFund.PayoutStatus.REQUESTED.name() : status;
        try {
            GuaranteeFund.PayoutStatus.valueOf(wanted);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be REQUESTED, PAID or CONFIRMED");
        }
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ApiException.invalid("format", "must be json or csv");
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT r.*, p.participant_id, p.name FROM reconversion_view r "
                + "JOIN account_view a ON a.account_id = r.account_id "
                + "JOIN participant_view p ON p.participant_id = a.participant_id "
                + "WHERE r.currency = ? AND r.status = ? ORDER BY r.requested_at, r.reconversion_id LIMIT ?",
                currency, wanted, MAX_PAYOUT_LINES)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("reconversion", row.get("reconversion_id"));
            line.put("beneficiary", row.get("name"));
            line.put("merchant", row.get("participant_id"));
            line.put("euros", Amounts.format((Long) row.get("euros_minor")));
            line.put("requestedAt", ((Timestamp) row.get("requested_at")).toInstant().toString());
            lines.add(line);
        }
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"payouts-" + currency + "-" + wanted.toLowerCase() + ".csv\"")
                    .body(Csv.write(List.of("reconversion", "beneficiary", "merchant", "euros", "requestedAt"), lines));
        }
        return ResponseEntity.ok(Map.of("currency", currency, "status", wanted, "payouts", lines));
    }

    private long fundInflowsMinor(String currency) {
        return fundInflows.of(currency);
    }

    private Map<String, Object> existing(String reconversionId) {
        Map<String, Object> found = find(id(reconversionId, "id"));
        if (found == null) {
            throw ApiException.notFound("unknown reconversion " + reconversionId);
        }
        return found;
    }

    private Map<String, Object> find(String reconversionId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT r.*, a.participant_id FROM reconversion_view r "
                + "JOIN account_view a ON a.account_id = r.account_id WHERE r.reconversion_id = ?", reconversionId);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", reconversionId);
        view.put("merchant", row.get("participant_id"));
        view.put("accountId", row.get("account_id"));
        view.put("currency", row.get("currency"));
        view.put("units", Amounts.format((Long) row.get("units_minor")));
        view.put("fee", Amounts.format((Long) row.get("fee_minor")));
        view.put("euros", Amounts.format((Long) row.get("euros_minor")));
        view.put("status", row.get("status"));
        view.put("bankOrder", row.get("bank_order"));
        view.put("bankReference", row.get("bank_reference"));
        return view;
    }
}
