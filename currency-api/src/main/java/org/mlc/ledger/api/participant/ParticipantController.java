package org.mlc.ledger.api.participant;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.requiredEnum;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.api.counter.CounterPolicy;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.participant.FeePaidWith;
import org.mlc.ledger.participant.MembershipRenewed;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.PayMembership;
import org.mlc.ledger.account.Registration;
import org.mlc.ledger.participant.RegisterParticipant;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/participants")
public class ParticipantController {

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final ParticipantQueries participants;
    private final Clock clock;
    private final ParticipantPolicy policy;

    public ParticipantController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                                 ParticipantQueries participants, Clock clock, ParticipantPolicy policy) {
        this.policy = policy;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.participants = participants;
        this.clock = clock;
    }

    public record RegisterRequest(String kind, String name, String currency, String filiere) {
    }

    public record Registered(String id, String accountId) {
    }

    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    @Operation(summary = "Register a participant and open its account",
            description = "Registers a MEMBER, MERCHANT, ASSOCIATION, CCAS or COLLECTIVITE in one currency and opens "
                    + "its account; the answer gives both ids. A merchant names its filière and is paid once "
                    + "approved.")
    @PostMapping
    public ResponseEntity<Registered> register(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                               String key, @RequestBody RegisterRequest request) {
        var keyed = commands.key("register-participant", key, request);
        ParticipantKind kind = requiredEnum(request.kind(), ParticipantKind.class, "kind");
        String name = requiredText(request.name(), "name");
        String currency = requiredText(request.currency(), "currency");
        String filiere = optionalText(request.filiere(), "filiere");
        policy.checkMayRegister(kind, currency);
        Registration registration = commands.send(keyed, new RegisterParticipant(
                ParticipantId.of(keyed.derivedId("participant")), kind, name, CurrencyCode.of(currency),
                AccountId.of(keyed.derivedId("account")), filiere, clock.instant()), Registration.class);
        readYourWrites.awaitAll(registration.participantId().value(), registration.accountId().value());
        String id = registration.participantId().value();
        return ResponseEntity.created(URI.create("/api/v1/participants/" + id))
                .body(new Registered(id, registration.accountId().value()));
    }

    /** A participant as the API shows it; {@code membershipValidUntil} a date, null before any membership. */
    public record ParticipantView(String id, String kind, String name, String currency, String accountId,
                                  String filiere, String membershipValidUntil) {
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE})
    @Operation(summary = "A participant")
    @GetMapping("/{id}")
    public ParticipantView get(@PathVariable("id") String participantId) {
        return participants.find(id(participantId, "id")).filter(participant -> policy.mayRead(participantId))
                .map(participant -> new ParticipantView(participant.id(), participant.kind().name(),
                        participant.name(), participant.currency(), participant.accountId(), participant.filiere(),
                        participant.membershipValidUntil() == null ? null
                                : participant.membershipValidUntil().toString()))
                .orElseThrow(() -> ApiException.notFound("unknown participant " + participantId));
    }

    /** {@code reason}: why an ADMIN takes the participant's units for it (required then, kept in the record). */
    public record MembershipRequest(String counter, String paidWith, String reason) {
    }

    public record MembershipAnswer(String id, String participant, String validFrom, String validUntil, String fee,
                                   String paidWith, String counter) {
    }

    /**
     * The yearly membership fee (adhésion) paid at a counter, in euros (CASH, CARD, CHEQUE: into the
     * drawer, by an ADMIN or the counter's agent) or in UNITS (from the participant's account); the
     * membership runs a year from the end of the current one, or from today. Units are spent by
     * their holder: the member itself, or an ADMIN giving a {@code reason}; never an agent.
     */
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT, Role.MEMBER})
    @Operation(summary = "Pay a member's yearly membership")
    @PostMapping("/{id}/memberships")
    public ResponseEntity<MembershipAnswer> payMembership(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String participantId,
                                                          @RequestBody MembershipRequest request) {
        var keyed = commands.key("membership", key, List.of(participantId, request));
        String counter = id(request.counter(), "counter");
        FeePaidWith paidWith = requiredEnum(request.paidWith(), FeePaidWith.class, "paidWith");
        CounterPolicy.checkWorksAt(counter);
        String onBehalfReason = policy.checkMayPayMembership(id(participantId, "id"), paidWith,
                optionalText(request.reason(), "reason"));
        String account = participants.find(participantId).map(ParticipantQueries.Participant::accountId)
                .orElseThrow(() -> ApiException.notFound("unknown participant " + participantId));
        MembershipRenewed renewed = commands.send(keyed, new PayMembership(ParticipantId.of(participantId),
                AccountId.of(account), MembershipId.of(keyed.derivedId("membership")), CounterId.of(counter), paidWith,
                clock.instant(), onBehalfReason), MembershipRenewed.class);
        readYourWrites.awaitAll(participantId, counter, account);
        String id = renewed.membershipId().value();
        return ResponseEntity.created(URI.create("/api/v1/participants/" + participantId + "/memberships/" + id))
                .body(new MembershipAnswer(id, participantId, renewed.validFrom().toString(),
                        renewed.validUntil().toString(), Amounts.format(renewed.feeMinor()), paidWith.name(), counter));
    }
}
