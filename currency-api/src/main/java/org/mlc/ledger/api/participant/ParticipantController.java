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
import org.mlc.ledger.participant.SetParticipantTerritory;
import org.mlc.ledger.participant.Territory;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/participants")
public class ParticipantController {

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final ParticipantQueries participants;
    private final Clock clock;
    private final ParticipantPolicy policy;
    private final ParticipantRefs refs;

    public ParticipantController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                                 ParticipantQueries participants, Clock clock, ParticipantPolicy policy,
                                 ParticipantRefs refs) {
        this.policy = policy;
        this.refs = refs;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.participants = participants;
        this.clock = clock;
    }

    /** {@code commune}: an INSEE code ({@code 69123}, {@code 2A004}); {@code epci}: a SIREN (nine digits). */
    public record RegisterRequest(String kind, String name, String currency, String filiere, String commune,
                                  String epci) {
    }

    public record TerritoryRequest(String commune, String epci) {
    }

    public record Registered(String id, String accountId, String number) {
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
        String commune = commune(request.commune(), false);
        String epci = epci(request.epci());
        policy.checkMayRegister(kind, currency);
        Registration registration = commands.send(keyed, new RegisterParticipant(
                ParticipantId.of(keyed.derivedId("participant")), kind, name, CurrencyCode.of(currency),
                AccountId.of(keyed.derivedId("account")), filiere, clock.instant(), commune, epci),
                Registration.class);
        readYourWrites.awaitAll(registration.participantId().value(), registration.accountId().value());
        String id = registration.participantId().value();
        String number = participants.find(id).map(ParticipantQueries.Participant::number).orElse(null);
        return ResponseEntity.created(URI.create("/api/v1/participants/" + id))
                .body(new Registered(id, registration.accountId().value(), number));
    }

    /** Where a participant is: its commune and EPCI, set again (a move, a correction). */
    @Allowed({Role.ADMIN})
    @Operation(summary = "Set a participant's commune and EPCI")
    @PostMapping("/{id}/territory")
    public ParticipantView setTerritory(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                        String key, @PathVariable("id") String participantRef,
                                        @RequestBody TerritoryRequest request) {
        var keyed = commands.key("participant-territory", key, List.of(participantRef, request));
        String participantId = refs.participant(participantRef, "id").value();
        String commune = commune(request.commune(), true);
        String epci = epci(request.epci());
        commands.send(keyed, new SetParticipantTerritory(ParticipantId.of(participantId), commune, epci,
                clock.instant()), ParticipantId.class);
        readYourWrites.awaitAll(participantId);
        return get(participantId);
    }

    private static String commune(String value, boolean required) {
        String commune = required ? requiredText(value, "commune") : optionalText(value, "commune");
        if (commune != null && !Territory.COMMUNE.matcher(commune.toUpperCase(java.util.Locale.ROOT)).matches()) {
            throw ApiException.invalid("commune", "web.commune-malformed",
                    "{0} must be an INSEE code: five digits, or 2A/2B and three digits");
        }
        return commune == null ? null : commune.toUpperCase(java.util.Locale.ROOT);
    }

    private static String epci(String value) {
        String epci = optionalText(value, "epci");
        if (epci != null && !Territory.EPCI.matcher(epci).matches()) {
            throw ApiException.invalid("epci", "web.epci-malformed", "{0} must be a SIREN: nine digits");
        }
        return epci;
    }

    /**
     * A participant as the API shows it; {@code number} its member number ({@code BOUSOL-000123}),
     * {@code membershipValidUntil} a date, null before any membership.
     */
    public record ParticipantView(String id, String kind, String name, String number, String currency,
                                  String accountId, String filiere, String membershipValidUntil, String commune,
                                  String epci) {

        static ParticipantView of(ParticipantQueries.Participant participant) {
            return new ParticipantView(participant.id(), participant.kind().name(), participant.name(),
                    participant.number(), participant.currency(), participant.accountId(), participant.filiere(),
                    participant.membershipValidUntil() == null ? null : participant.membershipValidUntil().toString(),
                    participant.commune(), participant.epci());
        }
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.MERCHANT, Role.MEMBER, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "A participant")
    @GetMapping("/{id}")
    public ParticipantView get(@PathVariable("id") String participantId) {
        String id = refs.participant(participantId, "id").value();
        return participants.find(id).filter(participant -> policy.mayRead(id))
                .map(ParticipantView::of)
                .orElseThrow(() -> ApiException.notFound("web.unknown.participant",
                        "unknown participant {0}", participantId));
    }

    /** Longest search text accepted ({@code q}). */
    public static final int MAX_QUERY_LENGTH = 100;
    /** Participants per page when {@code size} is not given. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** The last page that may be asked for: beyond it, narrow the search. */
    public static final int MAX_PAGE = 10_000;

    /** One page of participants and how many matched in all. */
    public record ParticipantPage(List<ParticipantView> items, int page, int size, long total) {
    }

    /**
     * Participants by name (then number), one page at a time: {@code q} matches names (case and
     * accents ignored, anywhere in the name) and member numbers (from their start; digits alone:
     * the number in {@code currency}). ADMIN and AUDITOR see every participant; a counter agent
     * the members of its counter's currency.
     */
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    @Operation(summary = "List and search participants by name or member number")
    @GetMapping
    public ParticipantPage list(@RequestParam(value = "currency", required = false) String currency,
                                @RequestParam(value = "kind", required = false) String kind,
                                @RequestParam(value = "q", required = false) String q,
                                @RequestParam(value = "page", required = false) String page,
                                @RequestParam(value = "size", required = false) String size) {
        String code = currency == null || currency.isBlank() ? null : id(currency, "currency");
        ParticipantKind kindOf = kind == null || kind.isBlank() ? null : requiredEnum(kind, ParticipantKind.class,
                "kind");
        String text = optionalText(q, "q");
        String query = text == null ? "" : text;
        if (query.length() > MAX_QUERY_LENGTH) {
            throw ApiException.invalid("q", "web.text-length", "{0} must be at most {1} characters", MAX_QUERY_LENGTH);
        }
        int pageNumber = whole(page, "page", 0, MAX_PAGE, 0);
        int pageSize = whole(size, "size", 1, ParticipantQueries.MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        ParticipantPolicy.ListScope scope = policy.checkMayList(code, kindOf);
        ParticipantQueries.Page found = participants.search(scope.currency(), scope.kind(), query, pageNumber,
                pageSize);
        return new ParticipantPage(found.items().stream().map(ParticipantView::of).toList(), found.page(),
                found.size(), found.total());
    }

    /** A whole number from a query parameter, from {@code min} to {@code max}; {@code absent} when not given. */
    static int whole(String value, String field, int min, int max, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw ApiException.invalid(field, "web.whole-number",
                    "{0} must be a whole number from {1} to {2}", min, max);
        }
        return Integer.parseInt(value);
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
            required = false) String key, @PathVariable("id") String participantRef,
                                                          @RequestBody MembershipRequest request) {
        var keyed = commands.key("membership", key, List.of(participantRef, request));
        String participantId = refs.participant(participantRef, "id").value();
        String counter = id(request.counter(), "counter");
        FeePaidWith paidWith = requiredEnum(request.paidWith(), FeePaidWith.class, "paidWith");
        CounterPolicy.checkWorksAt(counter);
        String onBehalfReason = policy.checkMayPayMembership(id(participantId, "id"), paidWith,
                optionalText(request.reason(), "reason"));
        String account = participants.find(participantId).map(ParticipantQueries.Participant::accountId)
                .orElseThrow(() -> ApiException.notFound("web.unknown.participant",
                        "unknown participant {0}", participantId));
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
