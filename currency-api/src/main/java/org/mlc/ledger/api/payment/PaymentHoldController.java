package org.mlc.ledger.api.payment;

import org.mlc.ledger.api.participant.ParticipantRefs;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalWholeNumber;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.infrastructure.AxonConfiguration;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.payment.AuthorizePayment;
import org.mlc.ledger.payment.CapturePayment;
import org.mlc.ledger.payment.PaymentHold;
import org.mlc.ledger.payment.VoidPayment;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.mlc.ledger.api.account.AccountOwners;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-phase payments for terminals: the payer authorizes an amount (held on its account), the
 * payee captures up to it (a payment) or voids it; a hold not captured by its expiry is released
 * by {@link HoldExpiry}. Both phases follow the rules of who may pay whom.
 */
@RestController
@RequestMapping("/api/v1/payment-holds")
public class PaymentHoldController {

    /** How long a hold lasts when the request does not say: a till's sale, not a hotel stay. */
    public static final int DEFAULT_EXPIRY_MINUTES = 30;
    public static final int MAX_EXPIRY_MINUTES = (int) PaymentHold.MAX_DURATION.toMinutes();

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final HoldQueries holds;
    private final AccountOwners owners;
    private final Clock clock;
    private final PaymentPolicy policy;

    private final ParticipantRefs refs;

    public PaymentHoldController(IdempotentCommands commands, ReadYourWrites readYourWrites, HoldQueries holds,
                                 AccountOwners owners, Clock clock, PaymentPolicy policy, ParticipantRefs refs) {
        this.refs = refs;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.holds = holds;
        this.owners = owners;
        this.clock = clock;
        this.policy = policy;
    }

    public record AuthorizeRequest(String from, String to, JsonNode amount, String reference,
                                   JsonNode expiresInMinutes) {
    }

    public record CaptureRequest(JsonNode amount) {
    }

    public record HoldAnswer(String id, String from, String to, String amount, String currency, String reference,
                             String status, String expiresAt, String captured, String paymentId) {
    }

    @Allowed({Role.ADMIN, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "Hold an amount on the payer's account for a later capture")
    @PostMapping
    public ResponseEntity<HoldAnswer> authorize(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                                String key, @RequestBody AuthorizeRequest request) {
        var keyed = commands.key("payment-hold", key, request);
        String from = id(request.from(), "from");
        id(request.to(), "to");
        long amount = positiveAmount(request.amount(), "amount");
        String reference = PaymentController.reference(request.reference());
        int minutes = optionalWholeNumber(request.expiresInMinutes(), "expiresInMinutes", 1, MAX_EXPIRY_MINUTES,
                DEFAULT_EXPIRY_MINUTES);
        String currency = owners.currencyOf(from, "from");
        if (!policy.mayPayFrom(from)) {
            throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", "from", "web.unknown.account",
                    "unknown account {0}", from);
        }
        String to = refs.account(request.to(), "to", currency).value();
        // the payee (exists? same currency?) is the domain's to check, after the payer's funds (PaymentHandler)
        Instant now = clock.instant();
        HoldId holdId = commands.send(keyed, new AuthorizePayment(CurrencyCode.of(currency),
                HoldId.of(keyed.derivedId("hold")), AccountId.of(from), AccountId.of(to), amount, reference,
                now.plus(Duration.ofMinutes(minutes)), now), HoldId.class);
        readYourWrites.awaitAll(from);
        return ResponseEntity.created(URI.create("/api/v1/payment-holds/" + holdId)).body(existing(holdId.value()));
    }

    /**
     * The payee takes {@code amount}, at most the hold (a terminal knows the final amount when it
     * captures); the rest of the hold is released.
     */
    @Allowed({Role.ADMIN, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE})
    @Operation(summary = "Capture a held amount: the payment is made")
    @PostMapping("/{id}/capture")
    public ResponseEntity<HoldAnswer> capture(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                              String key, @PathVariable("id") String holdId,
                                              @RequestBody CaptureRequest request) {
        var keyed = commands.key("payment-hold-capture", key, List.of(holdId, request));
        long amount = positiveAmount(request.amount(), "amount");
        HoldAnswer hold = payeeView(holdId);
        commands.send(keyed, new CapturePayment(HoldId.of(hold.id()), AccountId.of(hold.from()), AccountId.of(hold.to()),
                TransferId.of(keyed.derivedId("transfer")), amount, clock.instant()), TransferId.class);
        // the payee is credited in the capture's own unit of work: only the views need waiting for
        readYourWrites.awaitViews(AxonConfiguration.TRANSFER_SAGA_GROUP, hold.from(), hold.to());
        return ResponseEntity.created(URI.create("/api/v1/payment-holds/" + hold.id())).body(existing(hold.id()));
    }

    @Allowed({Role.ADMIN, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE})
    @Operation(summary = "Release a hold without paying")
    @PostMapping("/{id}/void")
    public HoldAnswer voidHold(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                               @PathVariable("id") String holdId) {
        var keyed = commands.key("payment-hold-void", key, holdId);
        HoldAnswer hold = payeeView(holdId);
        commands.send(keyed, new VoidPayment(AccountId.of(hold.from()), HoldId.of(hold.id()), clock.instant()),
                HoldId.class);
        readYourWrites.awaitAll(hold.from());
        return existing(hold.id());
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "A payment hold")
    @GetMapping("/{id}")
    public HoldAnswer get(@PathVariable("id") String holdId) {
        return find(id(holdId, "id")).filter(h -> policy.mayRead(h.from(), h.to()))
                .orElseThrow(() -> ApiException.notFound("web.unknown.payment-hold",
                        "unknown payment hold {0}", holdId));
    }

    /** A hold the caller may capture or void: the payee's (or an ADMIN's); others see 404. */
    private HoldAnswer payeeView(String holdId) {
        return find(id(holdId, "id")).filter(h -> policy.mayPayFrom(h.to()))
                .orElseThrow(() -> ApiException.notFound("web.unknown.payment-hold",
                        "unknown payment hold {0}", holdId));
    }

    private HoldAnswer existing(String holdId) {
        return find(holdId).orElseThrow(() -> new IllegalStateException("hold " + holdId + " is not in the view"));
    }

    private Optional<HoldAnswer> find(String holdId) {
        return holds.find(holdId).map(h -> new HoldAnswer(h.id(), h.fromAccount(), h.toAccount(),
                Amounts.format(h.amountMinor()), h.currency(), h.reference(), h.status().name(),
                h.expiresAt().toString(), h.capturedMinor() == null ? null : Amounts.format(h.capturedMinor()),
                h.transferId()));
    }
}
