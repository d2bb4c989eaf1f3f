package org.mlc.ledger.api.participant;

import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.ApproveMerchant;
import org.mlc.ledger.participant.Participant;
import org.mlc.ledger.currency.Filieres;
import org.mlc.ledger.participant.SuspendMerchant;
import org.mlc.ledger.participant.WithdrawMerchant;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merchants' agrément, decided by the issuer (approval in a filière, suspension, withdrawal; the
 * administrator's user name is recorded as who decided, with the reason), and the directory of
 * approved merchants that every user may read.
 */
@RestController
public class MerchantController {

    /** The directory answers at most this many merchants; filter by currency and filière. */
    public static final int MAX_DIRECTORY_SIZE = 1_000;

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final ParticipantQueries participants;
    private final Clock clock;
    private final ParticipantRefs refs;

    public MerchantController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                              ParticipantQueries participants, Clock clock, ParticipantRefs refs) {
        this.refs = refs;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.participants = participants;
        this.clock = clock;
    }

    public record ApprovalRequest(String filiere, String reason) {
    }

    public record DecisionRequest(String reason) {
    }

    /**
     * A merchant after a decision on its agrément. {@code changedAt} is a {@link Date} so that it is
     * written as before this was typed (Jackson's date format, milliseconds and offset).
     */
    public record MerchantDecision(String id, String kind, String name, String number, String currency,
                                   String filiere,
                                   String merchantStatus, String decidedBy, String reason, Date changedAt) {
    }

    /** The approved merchants found, by name. */
    public record Directory(List<DirectoryEntry> merchants) {
    }

    public record DirectoryEntry(String id, String name, String number, String currency, String filiere,
                                 String accountId) {
    }

    @Allowed({Role.ADMIN})
    @Operation(summary = "Approve a merchant")
    @PostMapping("/api/v1/participants/{id}/approval")
    public MerchantDecision approve(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                       @PathVariable("id") String participantId,
                                       @RequestBody ApprovalRequest request) {
        var keyed = commands.key("merchant-approval", key, Map.of("participant", participantId, "request", request));
        String participant = existing(participantId);
        String filiere = requiredText(request.filiere(), "filiere");
        if (!Filieres.PATTERN.matcher(filiere).matches()) {
            throw ApiException.invalid("filiere", "currency.filiere-code",
                    "{0} must be a code like ALIMENTATION (capital letters and _)");
        }
        String reason = reason(request.reason(), "approved");
        commands.send(keyed, new ApproveMerchant(ParticipantId.of(participant), filiere, decidedBy(), reason,
                clock.instant()), ParticipantId.class);
        return answer(participant);
    }

    @Allowed({Role.ADMIN})
    @Operation(summary = "Suspend a merchant")
    @PostMapping("/api/v1/participants/{id}/suspension")
    public MerchantDecision suspend(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                       @PathVariable("id") String participantId,
                                       @RequestBody DecisionRequest request) {
        return decide("merchant-suspension", key, participantId, request,
                (merchant, reason) -> new SuspendMerchant(merchant, decidedBy(), reason, clock.instant()));
    }

    @Allowed({Role.ADMIN})
    @Operation(summary = "Withdraw a merchant's approval")
    @PostMapping("/api/v1/participants/{id}/withdrawal")
    public MerchantDecision withdraw(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                        @PathVariable("id") String participantId,
                                        @RequestBody DecisionRequest request) {
        return decide("merchant-withdrawal", key, participantId, request,
                (merchant, reason) -> new WithdrawMerchant(merchant, decidedBy(), reason, clock.instant()));
    }

    /** A decision on a merchant that needs only its reason: suspension, withdrawal. */
    private MerchantDecision decide(String scope, String key, String participantId, DecisionRequest request,
                                       java.util.function.BiFunction<ParticipantId, String, Object> decision) {
        var keyed = commands.key(scope, key, Map.of("participant", participantId, "request", request));
        String participant = existing(participantId);
        String reason = requiredText(request.reason(), "reason");
        commands.send(keyed, decision.apply(ParticipantId.of(participant), reason), ParticipantId.class);
        return answer(participant);
    }

    /** The approved, not suspended merchants, by name; {@code currency} and {@code filiere} narrow it. */
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT, Role.MERCHANT, Role.MEMBER, Role.CCAS,
            Role.COLLECTIVITE})
    @CallerCurrency
    @Operation(summary = "The directory of approved merchants")
    @GetMapping("/api/v1/merchants")
    public Directory directory(@RequestParam(value = "currency", required = false) String currency,
                                         @RequestParam(value = "filiere", required = false) String filiere) {
        if (filiere != null && !Filieres.PATTERN.matcher(filiere).matches()) {
            throw ApiException.invalid("filiere", "currency.filiere-code",
                    "{0} must be a code like ALIMENTATION (capital letters and _)");
        }
        String code = Caller.current().currencyOr(currency == null ? null : id(currency, "currency"));
        return new Directory(participants.approvedMerchants(code, filiere, MAX_DIRECTORY_SIZE).stream()
                .map(merchant -> new DirectoryEntry(merchant.id(), merchant.name(), merchant.number(),
                        merchant.currency(), merchant.filiere(), merchant.accountId()))
                .toList());
    }

    private String existing(String participantId) {
        String participant = refs.participant(participantId, "id").value();
        if (participants.find(participant).isEmpty()) {
            throw ApiException.notFound("web.unknown.participant", "unknown participant {0}", participant);
        }
        return participant;
    }

    private MerchantDecision answer(String participant) {
        readYourWrites.awaitAll(participant);
        ParticipantQueries.Participant merchant = participants.find(participant).orElseThrow();
        return new MerchantDecision(merchant.id(), merchant.kind().name(), merchant.name(), merchant.number(),
                merchant.currency(),
                merchant.filiere(), merchant.merchantStatus() == null ? null : merchant.merchantStatus().name(),
                merchant.statusDecidedBy(), merchant.statusReason(),
                merchant.statusChangedAt() == null ? null : Date.from(merchant.statusChangedAt()));
    }

    private static String decidedBy() {
        return Caller.current().username();
    }

    private static String reason(String value, String otherwise) {
        String reason = optionalText(value, "reason");
        return reason == null ? otherwise : reason;
    }
}
