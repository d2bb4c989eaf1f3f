package org.mlc.ledger.api.currency;

import org.mlc.ledger.currency.SetReconversionFeeMinimum;
import org.mlc.ledger.currency.SetMemberTransfers;
import org.mlc.ledger.currency.SetMembershipPolicy;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.basisPoints;
import static org.mlc.ledger.api.web.RequestValues.nonNegativeAmount;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.currency.DefineCurrency;
import org.mlc.ledger.currency.SetDonationShare;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
@RequestMapping("/api/v1/currencies")
public class CurrencyController {

    private static final Logger log = LoggerFactory.getLogger(CurrencyController.class);

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final SupplyQuery supply;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CurrencyController(IdempotentCommands commands, ReadYourWrites readYourWrites, SupplyQuery supply,
                              JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.supply = supply;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ConversionRequest(JsonNode euros, JsonNode units) {
    }

    public record DefineCurrencyRequest(String code, String name, ConversionRequest conversion,
                                        JsonNode reconversionFee, JsonNode membershipFee) {
    }

    @Allowed(Role.ADMIN)
    @PostMapping
    public ResponseEntity<Map<String, Object>> define(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @RequestBody DefineCurrencyRequest request) {
        var keyed = commands.key("define-currency", key, request);
        String code = requiredText(request.code(), "code");
        if (!Currency.CODE.matcher(code).matches()) {
            throw ApiException.invalid("code", "must be 2 to 12 capital letters or digits, starting with a letter");
        }
        if (request.conversion() == null) {
            throw ApiException.invalid("conversion", "is required, like {\"euros\":\"20\",\"units\":\"21\"}");
        }
        ConversionPolicy conversion = new ConversionPolicy(
                positiveAmount(request.conversion().euros(), "conversion.euros"),
                positiveAmount(request.conversion().units(), "conversion.units"));
        long fee = basisPoints(request.reconversionFee(), "reconversionFee");
        long membershipFee = request.membershipFee() == null ? 0
                : nonNegativeAmount(request.membershipFee(), "membershipFee");
        commands.send(keyed, new DefineCurrency(CurrencyCode.of(code), requiredText(request.name(), "name"),
                conversion, fee, membershipFee, clock.instant()), CurrencyCode.class);
        readYourWrites.awaitAll(code);
        return ResponseEntity.created(URI.create("/api/v1/currencies/" + code)).body(view(code));
    }

    /** {@code share} like "0.03" (0 turns it off); {@code issuer}: the issuing association's participant id. */
    public record DonationShareRequest(String issuer, JsonNode share) {
    }

    public record MemberTransfersRequest(Boolean allowed) {
    }

    /** Whether members may pay members in this currency (allowed by default). */
    @PostMapping("/{code}/member-transfers")
    @Allowed(Role.ADMIN)
    public Map<String, Object> memberTransfers(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                               String key, @PathVariable String code,
                                               @RequestBody MemberTransfersRequest request) {
        var keyed = commands.key("member-transfers", key, List.of(code, request));
        view(code);
        if (request.allowed() == null) {
            throw ApiException.invalid("allowed", "is required: true or false");
        }
        commands.send(keyed, new SetMemberTransfers(CurrencyCode.of(code), request.allowed(), clock.instant()),
                CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("member transfers of {} allowed: {}", code, request.allowed());
        return Map.of("currency", code, "memberTransfers", request.allowed());
    }

    public record MinimumFeeRequest(JsonNode minimumFee) {
    }

    public record MembershipPolicyRequest(JsonNode membershipFee, Boolean requiredForConversion) {
    }

    /** The yearly membership fee and whether an expired membership blocks conversions (off by default). */
    @PostMapping("/{code}/membership")
    @Allowed(Role.ADMIN)
    public Map<String, Object> membership(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                          String key, @PathVariable String code,
                                          @RequestBody MembershipPolicyRequest request) {
        var keyed = commands.key("membership-policy", key, List.of(code, request));
        view(code);
        long fee = nonNegativeAmount(request.membershipFee(), "membershipFee");
        if (request.requiredForConversion() == null) {
            throw ApiException.invalid("requiredForConversion", "is required: true or false");
        }
        commands.send(keyed, new SetMembershipPolicy(CurrencyCode.of(code), fee, request.requiredForConversion(),
                clock.instant()), CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("membership of {}: fee {}, required for conversion {}", code, Amounts.format(fee),
                request.requiredForConversion());
        return view(code);
    }

    /** The least fee of one reconversion, in units, on top of the percentage ("0" turns it off). */
    @PostMapping("/{code}/reconversion-minimum-fee")
    @Allowed(Role.ADMIN)
    public Map<String, Object> reconversionMinimumFee(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key, @PathVariable String code,
            @RequestBody MinimumFeeRequest request) {
        var keyed = commands.key("reconversion-minimum-fee", key, List.of(code, request));
        view(code);
        long minimumFee = RequestValues.nonNegativeAmount(request.minimumFee(), "minimumFee");
        if (minimumFee > Currency.MAX_RECONVERSION_MINIMUM_FEE_MINOR) {
            throw ApiException.invalid("minimumFee", "must not exceed "
                    + Amounts.format(Currency.MAX_RECONVERSION_MINIMUM_FEE_MINOR));
        }
        commands.send(keyed, new SetReconversionFeeMinimum(CurrencyCode.of(code), minimumFee, clock.instant()),
                CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("reconversion minimum fee of {} set to {}", code, minimumFee);
        return Map.of("currency", code, "reconversionMinimumFee", Amounts.format(minimumFee));
    }

    @PostMapping("/{code}/donation-share")
    @Allowed(Role.ADMIN)
    public Map<String, Object> donationShare(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                             String key, @PathVariable String code,
                                             @RequestBody DonationShareRequest request) {
        var keyed = commands.key("donation-share", key, List.of(code, request));
        view(code);
        if (request.share() == null || request.share().isNull()) {
            throw ApiException.invalid("share", "is required, like \"0.03\" (0 turns it off)");
        }
        long basisPoints = basisPoints(request.share(), "share");
        if (basisPoints > Currency.MAX_DONATION_BASIS_POINTS) {
            throw ApiException.invalid("share", "must not exceed 0.20");
        }
        AccountId issuerAccount = null;
        if (basisPoints > 0) {
            String issuer = RequestValues.id(request.issuer(), "issuer");
            List<String> accounts = jdbc.queryForList("SELECT account_id FROM participant_view WHERE participant_id = ?"
                    + " AND currency = ? AND kind = 'ASSOCIATION'", String.class, issuer, code);
            if (accounts.isEmpty()) {
                throw ApiException.invalid("issuer", "must be an association of " + code);
            }
            issuerAccount = AccountId.of(accounts.get(0));
        }
        commands.send(keyed, new SetDonationShare(CurrencyCode.of(code), issuerAccount, basisPoints, clock.instant()),
                CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("donation share of {} set to {} basis points", code, basisPoints);
        return Map.of("currency", code, "share", java.math.BigDecimal.valueOf(basisPoints, 4).stripTrailingZeros()
                .toPlainString(), "issuerAccount", issuerAccount == null ? "" : issuerAccount.value());
    }

    @Allowed({Role.ADMIN, Role.COUNTER_AGENT, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.AUDITOR})
    @GetMapping("/{code}")
    public Map<String, Object> get(@PathVariable String code) {
        return view(code);
    }

    @Allowed({Role.ADMIN, Role.COUNTER_AGENT, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.AUDITOR})
    @GetMapping("/{code}/supply")
    public SupplyQuery.Supply supply(@PathVariable String code) {
        view(code);
        return supply.of(code);
    }

    private Map<String, Object> view(String code) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM currency_view WHERE code = ?", code);
        if (rows.isEmpty()) {
            throw ApiException.notFound("unknown currency " + code);
        }
        Map<String, Object> row = rows.get(0);
        return Map.of(
                "code", row.get("code"),
                "name", row.get("name"),
                "conversion", Map.of(
                        "euros", Amounts.format((Long) row.get("conversion_euros_minor")),
                        "units", Amounts.format((Long) row.get("conversion_units_minor"))),
                "reconversionFee", java.math.BigDecimal.valueOf((Long) row.get("reconversion_fee_basis_points"), 4)
                        .stripTrailingZeros().toPlainString(),
                "membershipFee", Amounts.format((Long) row.get("membership_fee_minor")),
                "membershipRequiredForConversion", row.get("membership_required"),
                "supply", supply.of(code));
    }
}
