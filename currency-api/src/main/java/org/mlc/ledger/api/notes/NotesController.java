package org.mlc.ledger.api.notes;

import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalDate;
import static org.mlc.ledger.api.web.RequestValues.requiredDate;
import static org.mlc.ledger.api.web.RequestValues.requiredReason;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mlc.ledger.api.counter.CounterPolicy;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantRefs;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.NoteExchangeId;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.common.Reasons;
import org.mlc.ledger.counter.Notes;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.common.RevalidationId;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.notes.DestroyNotes;
import org.mlc.ledger.notes.NoteRevalidation;
import org.mlc.ledger.notes.RevalidateNotes;
import org.mlc.ledger.notes.DispatchNotes;
import org.mlc.ledger.notes.ExchangeExpiredNotes;
import org.mlc.ledger.notes.NoteExchange;
import org.mlc.ledger.notes.PrintNoteSeries;
import org.mlc.ledger.notes.NoteSeries;
import org.mlc.ledger.notes.NotesRelease;
import org.mlc.ledger.notes.ReleaseNeverReturnedNotes;
import org.mlc.ledger.notes.ReturnNotes;
import org.mlc.ledger.notes.SerialRange;
import org.mlc.ledger.notes.SetExchangeDeadline;
import org.mlc.ledger.notes.WithdrawDamagedNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paper notes by printed series (docs/notes-and-fonte.md): a series printed into the vault, its
 * notes sent to counters and back, withdrawn as damaged and destroyed before a witness, exchanged
 * once the series ended, and the inventory of where every note is.
 */
@RestController
public class NotesController {

    private static final Logger log = LoggerFactory.getLogger(NotesController.class);

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final NoteInventoryQueries inventory;
    private final CurrencyQueries currencies;
    private final CounterQueries counters;
    private final ParticipantRefs refs;
    private final Clock clock;

    public NotesController(IdempotentCommands commands, ReadYourWrites readYourWrites, NoteInventoryQueries inventory,
                           CurrencyQueries currencies, CounterQueries counters, ParticipantRefs refs, Clock clock) {
        this.refs = refs;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.inventory = inventory;
        this.currencies = currencies;
        this.counters = counters;
        this.clock = clock;
    }

    public record SeriesRequest(String series, JsonNode printed, String validUntil, Map<String, SerialRange> serials) {
    }

    public record MovementRequest(String counter, JsonNode notes) {
    }

    public record WithdrawalRequest(JsonNode notes, String reason, String counter) {
    }

    public record DestructionRequest(JsonNode notes, String reason, String witness) {
    }

    public record DeadlineRequest(String deadline) {
    }

    public record ExchangeRequest(String series, JsonNode notes) {
    }

    public record ReleaseRequest(String beneficiary, String on) {
    }

    /** Notes revalidated at a counter: {@code paidWith} CASH, CARD or CHEQUE; {@code series} optional. */
    public record RevalidationRequest(JsonNode notes, String paidWith, String series) {
    }

    /**
     * A revalidation: the notes, their face value, the fee paid in euros (the same figure in units
     * credited to the fonte's beneficiary) and the period it pays for ({@code periodFrom} to the eve
     * of {@code dueOn}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevalidationAnswer(String id, String counter, String seriesId, Map<Integer, Integer> notes,
                                     String faceValue, String fee, String paidWith, LocalDate periodFrom,
                                     LocalDate dueOn, String beneficiary) {
    }

    public record ReleaseAnswer(String seriesId, String beneficiary, LocalDate on, Map<Integer, Integer> notes,
                                String units) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeriesAnswer(String id, String currency, String series, Map<Integer, Integer> printed,
                               LocalDate validUntil) {
    }

    public record MovementAnswer(String seriesId, String counter, Map<Integer, Integer> notes) {
    }

    public record DeadlineAnswer(String seriesId, LocalDate exchangeDeadline) {
    }

    public record ExchangeAnswer(String id, String seriesId, Map<Integer, Integer> received, List<Lot> given,
                                 String units) {
    }

    /** Notes of a series handed over; {@code seriesId} null for notes of no series. */
    public record Lot(String seriesId, Map<Integer, Integer> notes) {
    }

    @Operation(summary = "Record a printed series of paper notes, into the association's vault")
    @PostMapping("/api/v1/currencies/{code}/note-series")
    @Allowed(Role.ADMIN)
    public ResponseEntity<SeriesAnswer> print(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                              String key, @PathVariable("code") String code,
                                              @RequestBody SeriesRequest request) {
        currency(code);
        var keyed = commands.key("note-series", key, List.of(code, request));
        String series = requiredText(request.series(), "series");
        SortedMap<Integer, Integer> printed = RequestValues.noteCounts(request.printed(), "printed",
                NoteSeries.MAX_PRINTED_PER_DENOMINATION, false);
        LocalDate validUntil = optionalDate(request.validUntil(), "validUntil");
        Map<Integer, SerialRange> serials = serials(request.serials());
        NoteSeriesId id = commands.send(keyed, new PrintNoteSeries(CurrencyCode.of(code), series, printed, validUntil,
                serials, Caller.current().username(), clock.instant()), NoteSeriesId.class);
        readYourWrites.awaitAll(id.value());
        log.info("note series {} printed for {} by {}: {}", id, code, Caller.current().username(), printed);
        return ResponseEntity.created(URI.create("/api/v1/currencies/" + code + "/notes"))
                .body(new SeriesAnswer(id.value(), code, id.value().substring(code.length() + 1), printed,
                        validUntil));
    }

    @Operation(summary = "Send notes of a series from the vault to a counter")
    @PostMapping("/api/v1/note-series/{id}/dispatches")
    @Allowed(Role.ADMIN)
    public ResponseEntity<MovementAnswer> dispatch(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String seriesId, @RequestBody MovementRequest request) {
        id(seriesId, "id");
        var keyed = commands.key("note-dispatch", key, List.of(seriesId, request));
        String counter = id(request.counter(), "counter");
        SortedMap<Integer, Integer> notes = RequestValues.noteCounts(request.notes(), "notes", Notes.MAX_NOTES_PER_OPERATION, false);
        commands.send(keyed, new DispatchNotes(NoteSeriesId.of(seriesId), CounterId.of(counter), notes,
                Caller.current().username(), clock.instant()), NoteSeriesId.class);
        readYourWrites.awaitAll(seriesId, counter);
        log.info("notes of series {} sent to counter {} by {}: {}", seriesId, counter, Caller.current().username(),
                notes);
        return ResponseEntity.status(201).body(new MovementAnswer(seriesId, counter, notes));
    }

    @Operation(summary = "Bring notes of a series back from a counter to the vault")
    @PostMapping("/api/v1/note-series/{id}/returns")
    @Allowed(Role.ADMIN)
    public ResponseEntity<MovementAnswer> giveBack(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String seriesId, @RequestBody MovementRequest request) {
        id(seriesId, "id");
        var keyed = commands.key("note-return", key, List.of(seriesId, request));
        String counter = id(request.counter(), "counter");
        SortedMap<Integer, Integer> notes = RequestValues.noteCounts(request.notes(), "notes", Notes.MAX_NOTES_PER_OPERATION, false);
        commands.send(keyed, new ReturnNotes(NoteSeriesId.of(seriesId), CounterId.of(counter), notes,
                Caller.current().username(), clock.instant()), NoteSeriesId.class);
        readYourWrites.awaitAll(seriesId, counter);
        log.info("notes of series {} back from counter {} by {}: {}", seriesId, counter,
                Caller.current().username(), notes);
        return ResponseEntity.status(201).body(new MovementAnswer(seriesId, counter, notes));
    }

    @Operation(summary = "Withdraw damaged notes of a series from the vault or a counter")
    @PostMapping("/api/v1/note-series/{id}/withdrawals")
    @Allowed(Role.ADMIN)
    public ResponseEntity<MovementAnswer> withdraw(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String seriesId, @RequestBody WithdrawalRequest request) {
        id(seriesId, "id");
        var keyed = commands.key("note-withdrawal", key, List.of(seriesId, request));
        SortedMap<Integer, Integer> notes = RequestValues.noteCounts(request.notes(), "notes", Notes.MAX_NOTES_PER_OPERATION, false);
        String reason = requiredReason(request.reason(), Reasons.MAX_LENGTH);
        String counter = request.counter() == null ? null : id(request.counter(), "counter");
        commands.send(keyed, new WithdrawDamagedNotes(NoteSeriesId.of(seriesId),
                counter == null ? null : CounterId.of(counter), notes, reason, Caller.current().username(),
                clock.instant()), NoteSeriesId.class);
        if (counter == null) {
            readYourWrites.awaitAll(seriesId);
        } else {
            readYourWrites.awaitAll(seriesId, counter);
        }
        log.info("damaged notes of series {} withdrawn from {} by {}: {}", seriesId,
                counter == null ? "the vault" : "counter " + counter, Caller.current().username(), notes);
        return ResponseEntity.status(201).body(new MovementAnswer(seriesId, counter, notes));
    }

    @Operation(summary = "Destroy withdrawn notes, with a reason and a witness")
    @PostMapping("/api/v1/note-series/{id}/destructions")
    @Allowed(Role.ADMIN)
    public ResponseEntity<MovementAnswer> destroy(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String seriesId, @RequestBody DestructionRequest request) {
        id(seriesId, "id");
        var keyed = commands.key("note-destruction", key, List.of(seriesId, request));
        SortedMap<Integer, Integer> notes = RequestValues.noteCounts(request.notes(), "notes", Notes.MAX_NOTES_PER_OPERATION, false);
        String reason = requiredReason(request.reason(), Reasons.MAX_LENGTH);
        String witness = requiredText(request.witness(), "witness");
        commands.send(keyed, new DestroyNotes(NoteSeriesId.of(seriesId), notes, reason, witness,
                Caller.current().username(), clock.instant()), NoteSeriesId.class);
        readYourWrites.awaitAll(seriesId);
        log.info("notes of series {} destroyed by {} before {}: {}", seriesId, Caller.current().username(), witness,
                notes);
        return ResponseEntity.status(201).body(new MovementAnswer(seriesId, null, notes));
    }

    @Operation(summary = "Set the last day the notes of an ended series are exchanged")
    @PostMapping("/api/v1/currencies/{code}/note-series/{id}/exchange-deadline")
    @Allowed(Role.ADMIN)
    public DeadlineAnswer exchangeDeadline(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                           String key, @PathVariable("code") String code,
                                           @PathVariable("id") String seriesId, @RequestBody DeadlineRequest request) {
        currency(code);
        id(seriesId, "id");
        var keyed = commands.key("notes.deadline", key, List.of(code, seriesId, request));
        LocalDate deadline = requiredDate(request.deadline(), "deadline");
        commands.send(keyed, new SetExchangeDeadline(NoteSeriesId.of(seriesId), CurrencyCode.of(code), deadline,
                Caller.current().username(), clock.instant()), NoteSeriesId.class);
        readYourWrites.awaitAll(seriesId);
        log.info("notes of series {} exchanged until {} (set by {})", seriesId, deadline, Caller.current().username());
        return new DeadlineAnswer(seriesId, deadline);
    }

    @Operation(summary = "Release the units of a closed series' notes never returned to the association's projects fund")
    @PostMapping("/api/v1/note-series/{id}/release")
    @Allowed(Role.ADMIN)
    public ResponseEntity<ReleaseAnswer> release(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                                 String key, @PathVariable("id") String seriesId,
                                                 @RequestBody ReleaseRequest request) {
        id(seriesId, "id");
        var keyed = commands.key("note-release", key, List.of(seriesId, request));
        NoteInventoryQueries.Series series = inventory.series(seriesId).orElseThrow(() -> ApiException.notFound(
                "web.unknown.note-series", "unknown note series {0}", seriesId));
        var beneficiary = refs.account(request.beneficiary(), "beneficiary", series.currency());
        LocalDate on = requiredDate(request.on(), "on");
        NotesRelease release = commands.send(keyed, new ReleaseNeverReturnedNotes(NoteSeriesId.of(seriesId),
                beneficiary, on, Caller.current().username(), clock.instant()), NotesRelease.class);
        readYourWrites.awaitAll(seriesId, beneficiary.value());
        log.info("notes of series {} never returned released to account {} on {} by {}: {} ({})", seriesId,
                beneficiary, on, Caller.current().username(), release.notes(), Amounts.format(release.unitsMinor()));
        return ResponseEntity.status(201).body(new ReleaseAnswer(seriesId, beneficiary.value(), on,
                new TreeMap<>(release.notes()), Amounts.format(release.unitsMinor())));
    }

    @Operation(summary = "Exchange notes of an ended series at par for valid notes or units")
    @PostMapping("/api/v1/counters/{id}/note-exchanges")
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    public ResponseEntity<ExchangeAnswer> exchange(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String counterId, @RequestBody ExchangeRequest request) {
        CounterPolicy.checkWorksAt(counterId);
        id(counterId, "id");
        var keyed = commands.key("note-exchange", key, List.of(counterId, request));
        String series = id(request.series(), "series");
        SortedMap<Integer, Integer> notes = RequestValues.noteCounts(request.notes(), "notes", Notes.MAX_NOTES_PER_OPERATION, false);
        counters.find(counterId).orElseThrow(() -> ApiException.notFound("web.unknown.counter",
                "unknown counter {0}", counterId));
        String exchangeId = keyed.derivedId("note-exchange");
        NoteExchange exchange = commands.send(keyed, new ExchangeExpiredNotes(CounterId.of(counterId),
                NoteExchangeId.of(exchangeId), NoteSeriesId.of(series), notes, clock.instant()), NoteExchange.class);
        readYourWrites.awaitAll(counterId);
        log.info("notes of ended series {} exchanged at counter {}, exchange {}: {}", series, counterId, exchangeId,
                notes);
        List<Lot> given = exchange.given().stream().map(lot -> new Lot(lot.seriesId() == null ? null
                : lot.seriesId().value(), new TreeMap<>(lot.notes()))).toList();
        return ResponseEntity.status(201).body(new ExchangeAnswer(exchangeId, series, notes, given,
                Amounts.format(exchange.unitsMinor())));
    }

    @Operation(summary = "Revalidate paper notes for the fonte period: their holder pays the fee in euros")
    @PostMapping("/api/v1/counters/{id}/note-revalidations")
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    public ResponseEntity<RevalidationAnswer> revalidate(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String counterId,
            @RequestBody RevalidationRequest request) {
        CounterPolicy.checkWorksAt(counterId);
        id(counterId, "id");
        var keyed = commands.key("note-revalidation", key, List.of(counterId, request));
        SortedMap<Integer, Integer> notes = RequestValues.noteCounts(request.notes(), "notes",
                Notes.MAX_NOTES_PER_OPERATION, true);
        PaidBy paidWith = RequestValues.requiredEnum(request.paidWith(), PaidBy.class, "paidWith");
        String series = request.series() == null ? null : id(request.series(), "series");
        counters.find(counterId).orElseThrow(() -> ApiException.notFound("web.unknown.counter",
                "unknown counter {0}", counterId));
        String revalidationId = keyed.derivedId("note-revalidation");
        NoteRevalidation done = commands.send(keyed, new RevalidateNotes(CounterId.of(counterId),
                RevalidationId.of(revalidationId), series == null ? null : NoteSeriesId.of(series), notes, paidWith,
                Caller.current().username(), clock.instant()), NoteRevalidation.class);
        readYourWrites.awaitAll(counterId, done.beneficiaryAccount());
        log.info("notes revalidated at counter {} by {}, revalidation {}: {}, fee {}", counterId,
                Caller.current().username(), revalidationId, notes, Amounts.format(done.feeMinor()));
        return ResponseEntity.status(201).body(new RevalidationAnswer(revalidationId, counterId, series,
                done.notes(), Amounts.format(done.faceValueMinor()), Amounts.format(done.feeMinor()), paidWith.name(),
                done.periodFrom(), done.dueOn(), done.beneficiaryAccount()));
    }

    /** A denomination's notes across places; counters by name. */
    public record Denomination(int denomination, long printed, long vault, List<AtCounter> counters,
                               long inCirculation, long withdrawn, long destroyed, long released) {
    }

    public record AtCounter(String counter, String name, long notes) {
    }

    /**
     * A series' inventory; {@code id} null for the notes of no series. {@code status}: VALID,
     * ENDED (no longer sold, still exchanged), CLOSED (past the exchange deadline: the units in
     * circulation are {@code neverReturned}), RELEASED (those units went to the projects fund:
     * {@code released}, their notes in each denomination's {@code released}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeriesInventory(String id, String series, LocalDate validUntil, LocalDate exchangeDeadline,
                                  String status, List<Denomination> denominations, String inCirculation,
                                  String neverReturned, String released) {
    }

    public record Inventory(String currency, List<SeriesInventory> series, String inCirculation) {
    }

    @Operation(summary = "The note inventory per series and denomination")
    @GetMapping("/api/v1/currencies/{code}/notes")
    @Allowed({Role.ADMIN, Role.AUDITOR})
    public Inventory inventory(@PathVariable("code") String code) {
        currency(code);
        LocalDate today = LocalDate.ofInstant(clock.instant(), org.mlc.ledger.common.CivilDay.ZONE);
        Map<String, List<NoteInventoryQueries.Row>> rows = new LinkedHashMap<>();
        for (NoteInventoryQueries.Row row : inventory.rows(code)) {
            rows.computeIfAbsent(row.seriesId(), s -> new ArrayList<>()).add(row);
        }
        Map<String, String> names = new java.util.HashMap<>();
        List<SeriesInventory> answer = new ArrayList<>();
        long total = 0;
        List<NoteInventoryQueries.Series> series = new ArrayList<>(inventory.seriesOf(code));
        if (rows.containsKey(NoteInventoryProjection.NO_SERIES)) {
            series.add(0, null);
        }
        for (NoteInventoryQueries.Series one : series) {
            List<NoteInventoryQueries.Row> ofSeries = rows.getOrDefault(one == null ? NoteInventoryProjection.NO_SERIES
                    : one.id(), List.of());
            List<Denomination> denominations = denominations(ofSeries, names);
            long circulationMinor = denominations.stream().mapToLong(d -> d.inCirculation() * d.denomination()
                    * Money.MINOR_PER_MAJOR).sum();
            total += circulationMinor;
            if (one == null) {
                answer.add(new SeriesInventory(null, null, null, null, "VALID", denominations,
                        Amounts.format(circulationMinor), null, null));
                continue;
            }
            boolean ended = one.validUntil() != null && today.isAfter(one.validUntil());
            boolean closed = one.exchangeDeadline() != null && today.isAfter(one.exchangeDeadline());
            long releasedMinor = denominations.stream().mapToLong(d -> d.released() * d.denomination()
                    * Money.MINOR_PER_MAJOR).sum();
            boolean released = denominations.stream().anyMatch(d -> d.released() > 0);
            answer.add(new SeriesInventory(one.id(), one.series(), one.validUntil(), one.exchangeDeadline(),
                    released ? "RELEASED" : closed ? "CLOSED" : ended ? "ENDED" : "VALID", denominations,
                    Amounts.format(circulationMinor), closed ? Amounts.format(circulationMinor) : null,
                    released ? Amounts.format(releasedMinor) : null));
        }
        return new Inventory(code, answer, Amounts.format(total));
    }

    private List<Denomination> denominations(List<NoteInventoryQueries.Row> rows, Map<String, String> names) {
        Map<Integer, long[]> figures = new TreeMap<>();
        Map<Integer, List<AtCounter>> atCounters = new TreeMap<>();
        for (NoteInventoryQueries.Row row : rows) {
            long[] f = figures.computeIfAbsent(row.denomination(), d -> new long[6]);
            switch (row.place()) {
                case "PRINTED" -> f[0] += row.notes();
                case "VAULT" -> f[1] += row.notes();
                case "CIRCULATION" -> f[2] += row.notes();
                case "WITHDRAWN" -> f[3] += row.notes();
                case "DESTROYED" -> f[4] += row.notes();
                case "RELEASED" -> f[5] += row.notes();
                default -> atCounters.computeIfAbsent(row.denomination(), d -> new ArrayList<>())
                        .add(new AtCounter(row.counterId(), names.computeIfAbsent(row.counterId(),
                                id -> counters.find(id).map(CounterQueries.Counter::name).orElse(id)), row.notes()));
            }
            atCounters.computeIfAbsent(row.denomination(), d -> new ArrayList<>());
        }
        List<Denomination> answer = new ArrayList<>();
        figures.forEach((denomination, f) -> answer.add(new Denomination(denomination, f[0], f[1],
                atCounters.getOrDefault(denomination, List.of()), f[2], f[3], f[4], f[5])));
        atCounters.forEach((denomination, at) -> {
            if (!figures.containsKey(denomination)) {
                answer.add(new Denomination(denomination, 0, 0, at, 0, 0, 0, 0));
            }
        });
        answer.sort(java.util.Comparator.comparingInt(Denomination::denomination));
        return answer;
    }

    private void currency(String code) {
        if (code == null || !org.mlc.ledger.currency.Currency.CODE.matcher(code).matches()
                || currencies.find(code).isEmpty()) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", code);
        }
    }

    /** Notes as {"10": 5, "50": 1}: denominations that exist, whole counts from 0 to {@code max}. */

    private static Map<Integer, SerialRange> serials(Map<String, SerialRange> serials) {
        if (serials == null) {
            return null;
        }
        Map<Integer, SerialRange> byDenomination = new TreeMap<>();
        serials.forEach((denomination, range) -> {
            if (denomination == null || !denomination.matches("[0-9]{1,3}") || range == null
                    || range.from() == null || range.to() == null || range.from().length() > 40
                    || range.to().length() > 40) {
                throw ApiException.invalid("serials", "notes.serials-format",
                        "{0} like {\"10\": {\"from\": \"B000001\", \"to\": \"B003000\"}}");
            }
            byDenomination.put(Integer.parseInt(denomination), range);
        });
        return byDenomination;
    }
}
