package org.mlc.ledger.api.payment;

import org.mlc.ledger.api.participant.ParticipantRefs;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.mlc.ledger.api.account.AccountOwners;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.ViewsMayLag;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.payment.MakePayment;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments between accounts. The answer comes once the payer is debited and the payee credited,
 * in one transaction: its status is COMPLETED. The views follow; a later request waits for them
 * to show it (read-your-writes on the read side, {@link org.mlc.ledger.api.web.ViewCatchUp}).
 */
@RestController
@RequestMapping("/api/v1/payments")
public class PaymentController {

    private final IdempotentCommands commands;
    private final AccountOwners owners;
    private final TransferQueries transfers;
    private final Clock clock;
    private final PaymentPolicy policy;

    private final ParticipantRefs refs;
    private final ReadYourWrites readYourWrites;

    public PaymentController(IdempotentCommands commands, AccountOwners owners, TransferQueries transfers, Clock clock,
                             PaymentPolicy policy, ParticipantRefs refs, ReadYourWrites readYourWrites) {
        this.refs = refs;
        this.readYourWrites = readYourWrites;
        this.policy = policy;
        this.commands = commands;
        this.owners = owners;
        this.transfers = transfers;
        this.clock = clock;
    }

    /** {@code to}: the payee's account id or member number. */
    public record PaymentRequest(String from, String to, JsonNode amount, String reference) {
    }

    public record PaymentAnswer(String id, String from, String to, String amount, String currency, String reference,
                                String status, String reason) {
    }

    // reads only the accounts' owners and currencies, which never change: no wait for the views
    @ViewsMayLag
    @Allowed({Role.ADMIN, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "Pay from one account to another",
            description = "The payer is debited and the payee credited in one transaction before the answer, whose "
                    + "status is COMPLETED. Refused with 422 insufficient-funds, account-frozen or currency-"
                    + "mismatch; an account the caller may not pay from is a 404, as an unknown one.")
    @PostMapping
    public ResponseEntity<PaymentAnswer> pay(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                             String key, @RequestBody PaymentRequest request) {
        var keyed = commands.key("payment", key, request);
        String from = id(request.from(), "from");
        id(request.to(), "to");
        long amount = positiveAmount(request.amount(), "amount");
        String reference = reference(request.reference());
        // an account opened a moment ago may not be in the views yet: then they are waited for
        String fromCurrency = readYourWrites.orOnceCaughtUp(() -> owners.currencyOf(from, "from"));
        if (!policy.mayPayFrom(from)) {
            // the same answer as an unknown account: another's account ids cannot be probed
            throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", "from", "web.unknown.account",
                    "unknown account {0}", from);
        }
        // the payee by its account id or its member number (a number of another currency is not found)
        String to = readYourWrites.orOnceCaughtUp(() -> refs.account(request.to(), "to", fromCurrency)).value();
        // Who may pay whom (approved merchants, frozen accounts, members' transfers) is the domain's, and
        // so is whether the payee exists and shares the currency: asked only after the payer's own funds
        // and rights (PaymentHandler), so that no account id can be probed by a payment that must fail.
        TransferId transferId = commands.send(keyed, new MakePayment(CurrencyCode.of(fromCurrency),
                TransferId.of(keyed.derivedId("transfer")), AccountId.of(from), AccountId.of(to), amount, reference,
                null, clock.instant()), TransferId.class);
        return answered(transferId, from, to, amount, fromCurrency, reference);
    }

    public record RefundRequest(JsonNode amount, String reference) {
    }

    /**
     * A refund of part of a payment, by its payee back to its payer: never more than is left of the
     * payment after earlier refunds ({@code refund-exceeds-payment}).
     */
    @Allowed({Role.ADMIN, Role.MERCHANT, Role.COLLECTIVITE})
    @Operation(summary = "Refund part or all of a payment")
    @PostMapping("/{id}/refunds")
    public ResponseEntity<PaymentAnswer> refund(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                                String key, @PathVariable("id") String paymentId,
                                                @RequestBody RefundRequest request) {
        var keyed = commands.key("refund", key, Map.of("payment", paymentId, "request", request));
        String refunded = id(paymentId, "id");
        long amount = positiveAmount(request.amount(), "amount");
        String reference = reference(request.reference());
        PaymentAnswer original = find(refunded).filter(p -> policy.mayPayFrom(p.to()))
                .orElseThrow(() -> ApiException.notFound("web.unknown.payment", "unknown payment {0}", refunded));
        String from = original.to();
        String to = original.from();
        String recorded = reference == null ? "refund of " + refunded : reference;
        TransferId transferId = commands.send(keyed, new MakePayment(CurrencyCode.of(original.currency()),
                TransferId.of(keyed.derivedId("refund")), AccountId.of(from), AccountId.of(to), amount, recorded,
                TransferId.of(refunded), clock.instant()), TransferId.class);
        return answered(transferId, from, to, amount, original.currency(), recorded);
    }

    /** A payment's optional reference, at most {@link MakePayment#MAX_REFERENCE_LENGTH} characters. */
    static String reference(String raw) {
        String reference = optionalText(raw, "reference");
        if (reference != null && reference.length() > MakePayment.MAX_REFERENCE_LENGTH) {
            throw ApiException.invalid("reference", "web.text-length",
                    "{0} must be at most {1} characters", MakePayment.MAX_REFERENCE_LENGTH);
        }
        return reference;
    }

    /**
     * The payer was debited and the payee credited in one transaction when the command returned
     * (PaymentHandler), so the answer is the command's: it waits for no view. The client's next
     * request, on any node, waits for the views to show it ({@link org.mlc.ledger.api.web.ViewCatchUp}).
     */
    private static ResponseEntity<PaymentAnswer> answered(TransferId transferId, String from, String to, long amount,
                                                          String currency, String reference) {
        PaymentAnswer answer = new PaymentAnswer(transferId.value(), from, to, Amounts.format(amount), currency,
                reference, PaymentStatus.COMPLETED.name(), null);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + transferId)).body(answer);
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "A payment")
    @GetMapping("/{id}")
    public PaymentAnswer get(@PathVariable("id") String transferId) {
        return find(id(transferId, "id")).filter(policy::mayRead)
                .orElseThrow(() -> ApiException.notFound("web.unknown.payment",
                        "unknown payment {0}", transferId));
    }

    private Optional<PaymentAnswer> find(String transferId) {
        return transfers.find(transferId).map(t -> new PaymentAnswer(t.id(), t.fromAccount(), t.toAccount(),
                Amounts.format(t.amountMinor()), t.currency(), t.reference(), t.status().name(), t.reason()));
    }
}
