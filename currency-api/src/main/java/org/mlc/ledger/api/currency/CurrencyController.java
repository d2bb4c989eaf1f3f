package org.mlc.ledger.api.currency;

import org.mlc.ledger.currency.SetReconversionFeeMinimum;
import org.mlc.ledger.currency.SetMemberTransfers;
import org.mlc.ledger.currency.SetMembershipPolicy;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Platform;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.basisPoints;
import static org.mlc.ledger.api.web.RequestValues.nonNegativeAmount;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.bonus.SetBonusEligibility;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.currency.DefineCurrency;
import org.mlc.ledger.currency.SetDonationShare;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mlc.ledger.money.Amounts;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.participant.ParticipantKind;
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
    private final CurrencyQueries currencies;
    private final ParticipantQueries participants;
    private final Clock clock;

    public CurrencyController(IdempotentCommands commands, ReadYourWrites readYourWrites, SupplyQuery supply,
                              CurrencyQueries currencies, ParticipantQueries participants, Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.supply = supply;
        this.currencies = currencies;
        this.participants = participants;
        this.clock = clock;
    }

    public record ConversionRequest(JsonNode euros, JsonNode units) {
    }

    public record DefineCurrencyRequest(String code, String name, ConversionRequest conversion,
                                        JsonNode reconversionFee, JsonNode membershipFee) {
    }

    /**
     * A currency, its policies and its supply; the fee as a decimal fraction ("0.05"), amounts as
     * strings.
     */
    public record CurrencyView(String code, String name, ConversionView conversion, String reconversionFee,
                               String membershipFee, boolean membershipRequiredForConversion,
                               List<String> bonusEligibility, DemurrageView demurrage,
                               SupplyQuery.Supply supply, Map<String, String> membershipFeesByKind) {
    }

    /**
     * A currency's demurrage (fonte) policy (null in a currency's view while off): the rate as the
     * decimal it was given ("0.02"), the beneficiary association by id, member number and name.
     */
    public record DemurrageView(String rate, Integer periodMonths, java.time.LocalDate firstDueOn,
                                String thresholdPerAccount, List<String> kinds, String beneficiary,
                                String beneficiaryNumber, String beneficiaryName, boolean includeEarmarked) {

        public static final DemurrageView OFF = new DemurrageView("0", null, null, null, List.of(), null, null, null,
                false);

        /** The policy as the read side holds it, its beneficiary named from {@code participants}. */
        public static DemurrageView of(CurrencyQueries.Demurrage policy, ParticipantQueries participants) {
            var beneficiary = participants.find(policy.beneficiary());
            return new DemurrageView(policy.rate(), policy.periodMonths(), policy.firstDueOn(),
                    Amounts.format(policy.thresholdMinor()), policy.kinds(), policy.beneficiary(),
                    beneficiary.map(ParticipantQueries.Participant::number).orElse(null),
                    beneficiary.map(ParticipantQueries.Participant::name).orElse(null), policy.includeEarmarked());
        }
    }

    /** So many euros buy so many units. */
    public record ConversionView(String euros, String units) {
    }

    public record MemberTransfersAnswer(String currency, boolean memberTransfers) {
    }

    public record MinimumFeeAnswer(String currency, String reconversionMinimumFee) {
    }

    /** {@code issuerAccount} is "" when the share is off. */
    public record DonationShareAnswer(String currency, String share, String issuerAccount) {
    }

    /** A currency is created by the platform's operator, with its first CURRENCY_ADMIN (docs/hosting.md). */
    @Allowed(Role.ADMIN)
    @Platform
    @Operation(summary = "Define a currency and its conversion ratio",
            description = "The ratio (e.g. 20 € = 21 units) gives between 1/100 and 100 units per euro; the "
                    + "reconversion fee and the yearly membership fee are set with it.")
    @PostMapping
    public ResponseEntity<CurrencyView> define(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @RequestBody DefineCurrencyRequest request) {
        var keyed = commands.key("define-currency", key, request);
        String code = requiredText(request.code(), "code");
        if (!Currency.CODE.matcher(code).matches()) {
            throw ApiException.invalid("code", "currency.code-format",
                    "{0} must be 2 to 12 capital letters or digits, starting with a letter");
        }
        if (request.conversion() == null) {
            throw ApiException.invalid("conversion", "currency.conversion-missing",
                    "{0} is required, like {\"euros\":\"20\",\"units\":\"21\"}");
        }
        ConversionPolicy conversion = new ConversionPolicy(
                positiveAmount(request.conversion().euros(), "conversion.euros"),
                positiveAmount(request.conversion().units(), "conversion.units"));
        DomainException.throwIfAny(Currency.ratioOutOfBounds(conversion));
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
    @Operation(summary = "Allow or forbid payments between members")
    @PostMapping("/{code}/member-transfers")
    @Allowed(Role.ADMIN)
    public MemberTransfersAnswer memberTransfers(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                               String key, @PathVariable String code,
                                               @RequestBody MemberTransfersRequest request) {
        var keyed = commands.key("member-transfers", key, List.of(code, request));
        view(code);
        if (request.allowed() == null) {
            throw ApiException.invalid("allowed", "web.boolean-required", "{0} is required: true or false");
        }
        commands.send(keyed, new SetMemberTransfers(CurrencyCode.of(code), request.allowed(), clock.instant()),
                CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("member transfers of {} allowed: {}", code, request.allowed());
        return new MemberTransfersAnswer(code, request.allowed());
    }

    public record MinimumFeeRequest(JsonNode minimumFee) {
    }

    /** {@code kinds}: participant kinds, e.g. ["MEMBER"]; [] gives the bonus to nobody. */
    public record BonusEligibilityRequest(JsonNode kinds) {
    }

    /**
     * Who may get the bonus (members only until a currency says otherwise): any other participant
     * converts at parity, its answer saying {@code not-eligible}.
     */
    @Operation(summary = "Choose who gets the conversion bonus")
    @PostMapping("/{code}/bonus-eligibility")
    @Allowed(Role.ADMIN)
    public CurrencyView bonusEligibility(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                         String key, @PathVariable String code,
                                         @RequestBody BonusEligibilityRequest request) {
        var keyed = commands.key("bonus-eligibility", key, List.of(code, request));
        view(code);
        Set<ParticipantKind> kinds = participantKinds(request.kinds());
        commands.send(keyed, new SetBonusEligibility(CurrencyCode.of(code), kinds, clock.instant()),
                CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("bonus of {} for {}", code, kinds);
        return view(code);
    }

    private static Set<ParticipantKind> participantKinds(JsonNode kinds) {
        String among = Arrays.toString(ParticipantKind.values());
        if (kinds == null || !kinds.isArray() || kinds.size() > ParticipantKind.values().length * 2) {
            throw ApiException.invalid("kinds", "currency.participant-kinds",
                    "{0} must be a list of participant kinds, among {1}", among);
        }
        Set<ParticipantKind> parsed = EnumSet.noneOf(ParticipantKind.class);
        for (JsonNode kind : kinds) {
            if (!kind.isTextual()) {
                throw ApiException.invalid("kinds", "currency.participant-kinds",
                        "{0} must be a list of participant kinds, among {1}", among);
            }
            parsed.add(RequestValues.requiredEnum(kind.textValue(), ParticipantKind.class, "kinds"));
        }
        return parsed;
    }

    /** {@code feesByKind}: the fee of a kind where it differs ({"COLLECTIVITE":"50.00"}); absent: unchanged. */
    public record MembershipPolicyRequest(JsonNode membershipFee, Boolean requiredForConversion,
                                          Map<String, JsonNode> feesByKind) {
    }

    /** The yearly membership fee and whether an expired membership blocks conversions (off by default). */
    @Operation(summary = "Set the yearly membership fee and whether conversions need it")
    @PostMapping("/{code}/membership")
    @Allowed(Role.ADMIN)
    public CurrencyView membership(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                          String key, @PathVariable String code,
                                          @RequestBody MembershipPolicyRequest request) {
        var keyed = commands.key("membership-policy", key, List.of(code, request));
        view(code);
        long fee = nonNegativeAmount(request.membershipFee(), "membershipFee");
        if (request.requiredForConversion() == null) {
            throw ApiException.invalid("requiredForConversion", "web.boolean-required",
                    "{0} is required: true or false");
        }
        Map<String, Long> feesByKind = feesByKind(request.feesByKind());
        commands.send(keyed, new SetMembershipPolicy(CurrencyCode.of(code), fee, request.requiredForConversion(),
                clock.instant(), feesByKind), CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("membership of {}: fee {}, required for conversion {}", code, Amounts.format(fee),
                request.requiredForConversion());
        return view(code);
    }

    /** Fees by participant kind: a kind that adheres (a CCAS is exempt) and an amount, each else a 400 naming feesByKind. */
    private static Map<String, Long> feesByKind(Map<String, JsonNode> asked) {
        if (asked == null) {
            return null;
        }
        Map<String, Long> fees = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> fee : asked.entrySet()) {
            ParticipantKind kind = RequestValues.requiredEnum(fee.getKey(), ParticipantKind.class, "feesByKind");
            if (kind == ParticipantKind.CCAS) {
                throw ApiException.invalid("feesByKind", "web.ccas-exempt", "{0}: a CCAS does not adhere");
            }
            long minor = nonNegativeAmount(fee.getValue(), "feesByKind");
            if (minor > Currency.MAX_MEMBERSHIP_FEE_MINOR) {
                throw ApiException.invalid("feesByKind", "web.fee-too-high", "{0} is at most {1}",
                        Amounts.format(Currency.MAX_MEMBERSHIP_FEE_MINOR));
            }
            fees.put(kind.name(), minor);
        }
        return fees;
    }

    /** The least fee of one reconversion, in units, on top of the percentage ("0" turns it off). */
    @Operation(summary = "Set the least fee of a reconversion")
    @PostMapping("/{code}/reconversion-minimum-fee")
    @Allowed(Role.ADMIN)
    public MinimumFeeAnswer reconversionMinimumFee(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key, @PathVariable String code,
            @RequestBody MinimumFeeRequest request) {
        var keyed = commands.key("reconversion-minimum-fee", key, List.of(code, request));
        view(code);
        long minimumFee = RequestValues.nonNegativeAmount(request.minimumFee(), "minimumFee");
        if (minimumFee > Currency.MAX_RECONVERSION_MINIMUM_FEE_MINOR) {
            throw ApiException.invalid("minimumFee", "web.amount-max",
                    "{0} must not exceed {1}", Amounts.format(Currency.MAX_RECONVERSION_MINIMUM_FEE_MINOR));
        }
        commands.send(keyed, new SetReconversionFeeMinimum(CurrencyCode.of(code), minimumFee, clock.instant()),
                CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("reconversion minimum fee of {} set to {}", code, minimumFee);
        return new MinimumFeeAnswer(code, Amounts.format(minimumFee));
    }

    @Operation(summary = "Set the share of conversions given to an association")
    @PostMapping("/{code}/donation-share")
    @Allowed(Role.ADMIN)
    public DonationShareAnswer donationShare(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                             String key, @PathVariable String code,
                                             @RequestBody DonationShareRequest request) {
        var keyed = commands.key("donation-share", key, List.of(code, request));
        view(code);
        if (request.share() == null || request.share().isNull()) {
            throw ApiException.invalid("share", "currency.donation-share-required",
                    "{0} is required, like \"0.03\" (0 turns it off)");
        }
        long basisPoints = basisPoints(request.share(), "share");
        if (basisPoints > Currency.MAX_DONATION_BASIS_POINTS) {
            throw ApiException.invalid("share", "currency.donation-share-max", "{0} must not exceed 0.20");
        }
        AccountId issuerAccount = null;
        if (basisPoints > 0) {
            String issuer = RequestValues.id(request.issuer(), "issuer");
            issuerAccount = AccountId.of(participants.find(issuer)
                    .filter(participant -> participant.currency().equals(code)
                            && participant.kind() == ParticipantKind.ASSOCIATION)
                    .map(ParticipantQueries.Participant::accountId)
                    .orElseThrow(() -> ApiException.invalid("issuer", "currency.association-required",
                            "{0} must be an association of {1}", code)));
        }
        commands.send(keyed, new SetDonationShare(CurrencyCode.of(code), issuerAccount, basisPoints, clock.instant()),
                CurrencyCode.class);
        readYourWrites.awaitAll(code);
        log.info("donation share of {} set to {} basis points", code, basisPoints);
        return new DonationShareAnswer(code, fraction(basisPoints), issuerAccount == null ? "" : issuerAccount.value());
    }

    /** A currency in the list of currencies: its code, name, ratio and membership fee. */
    public record CurrencyEntry(String code, String name, ConversionView conversion, String membershipFee) {
    }

    public record CurrencyList(List<CurrencyEntry> items, int total) {
    }

    /** Every currency, by code; a caller bound to a currency sees its own only. */
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.AUDITOR})
    @CallerCurrency
    @Operation(summary = "List the currencies")
    @GetMapping
    public CurrencyList list() {
        Caller caller = Caller.current();
        List<CurrencyEntry> items = currencies.all().stream()
                .filter(currency -> caller.sees(currency.code()))
                .sorted(java.util.Comparator.comparing(CurrencyQueries.Currency::code))
                .map(currency -> new CurrencyEntry(currency.code(), currency.name(),
                        new ConversionView(Amounts.format(currency.conversionEurosMinor()),
                                Amounts.format(currency.conversionUnitsMinor())),
                        Amounts.format(currency.membershipFeeMinor())))
                .toList();
        return new CurrencyList(items, items.size());
    }

    @Allowed({Role.ADMIN, Role.COUNTER_AGENT, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.AUDITOR})
    @Operation(summary = "A currency: its policies and supply")
    @GetMapping("/{code}")
    public CurrencyView get(@PathVariable String code) {
        return view(code);
    }

    @Allowed({Role.ADMIN, Role.COUNTER_AGENT, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.AUDITOR})
    @Operation(summary = "The supply of a currency and its backing")
    @GetMapping("/{code}/supply")
    public SupplyQuery.Supply supply(@PathVariable String code) {
        view(code);
        return supply.of(code);
    }

    private CurrencyView view(String code) {
        CurrencyQueries.Currency currency = currencies.find(code)
                .orElseThrow(() -> ApiException.notFound("web.unknown.currency", "unknown currency {0}", code));
        return new CurrencyView(currency.code(), currency.name(),
                new ConversionView(Amounts.format(currency.conversionEurosMinor()),
                        Amounts.format(currency.conversionUnitsMinor())),
                fraction(currency.reconversionFeeBasisPoints()), Amounts.format(currency.membershipFeeMinor()),
                currency.membershipRequired(), currency.bonusEligibleKinds(),
                currencies.demurrage(code).map(policy -> DemurrageView.of(policy, participants)).orElse(null),
                supply.of(code),
                currency.membershipFeesByKind().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, fee -> Amounts.format(fee.getValue()), (a, b) -> a,
                        java.util.TreeMap::new)));
    }

    /** Basis points as a decimal fraction: 500 is "0.05", 0 is "0". */
    private static String fraction(long basisPoints) {
        return java.math.BigDecimal.valueOf(basisPoints, 4).stripTrailingZeros().toPlainString();
    }
}
