package org.mlc.ledger.api.counter;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Role;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.nonNegativeAmount;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.positiveAmount;
import static org.mlc.ledger.api.web.RequestValues.requiredEnum;
import static org.mlc.ledger.api.web.RequestValues.requiredReason;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.ViewsMayLag;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.notes.DepositSeriesNotes;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.common.CorrectionId;
import org.mlc.ledger.common.CoveringId;
import org.mlc.ledger.counter.CancelConversion;
import org.mlc.ledger.counter.CloseCounterDay;
import org.mlc.ledger.counter.CorrectClosing;
import org.mlc.ledger.counter.CoverShortfall;
import org.mlc.ledger.counter.ConfirmRemittance;
import org.mlc.ledger.counter.Conversion;
import org.mlc.ledger.counter.ConversionCancellation;
import org.mlc.ledger.counter.ConversionQuote;
import org.mlc.ledger.counter.QuoteConversion;
import org.mlc.ledger.counter.DayReport;
import org.mlc.ledger.counter.DepositNotes;
import org.mlc.ledger.counter.DepositRemittance;
import org.mlc.ledger.counter.Deposit;
import org.mlc.ledger.counter.Notes;
import org.mlc.ledger.counter.PrepareRemittance;
import org.mlc.ledger.counter.ReceiveNotes;
import org.mlc.ledger.counter.ReopenCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DefineCounter;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.money.Amounts;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.participant.ParticipantRefs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/counters")
public class CounterController {

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final CounterQueries counters;
    private final CounterDayQueries days;
    private final CurrencyQueries currencies;
    private final ParticipantQueries participants;
    private final ParticipantRefs refs;
    private final Clock clock;
    private final ObjectMapper json;

    private static final Logger log = LoggerFactory.getLogger(CounterController.class);

    public CounterController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                             CounterQueries counters, CounterDayQueries days, CurrencyQueries currencies,
                             ParticipantQueries participants, Clock clock, ObjectMapper json,
                             ParticipantRefs refs) {
        this.refs = refs;
        this.json = json;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.counters = counters;
        this.days = days;
        this.currencies = currencies;
        this.participants = participants;
        this.clock = clock;
    }

    public record DefineCounterRequest(String name, String currency, String host) {
    }

    /**
     * {@code participant} and {@code donateTo}: an id or a member number; {@code donateTo}: the
     * association the member gives the donation share to, if any.
     */
    public record ConversionRequest(String participant, JsonNode euros, String paidBy, String payout,
                                    String donateTo) {
    }

    /** {@code bonusReason} says why the bonus is below the ratio's; {@code notes} are the notes handed over. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversionAnswer(String id, String euros, String units, String bonus, String bonusReason,
                                   String payout, Map<Integer, Integer> notes, String donation,
                                   String donationReason) {
    }

    /** Why a conversion is cancelled: required, at most {@link CancelConversion#MAX_REASON_LENGTH} characters. */
    public record CancellationRequest(String reason) {
    }

    /**
     * A cancelled conversion and what went back: the euros out of the drawer, the units (or the
     * {@code notes} into the stock), the bonus to its budget, the donation share from the association.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CancellationAnswer(String conversion, String counter, String euros, String units, String bonus,
                                     String donation, String paidBy, String payout, Map<Integer, Integer> notes,
                                     String reason, String cancelledBy) {
    }

    /** What a conversion would give now; {@code bonusReason} as in {@link ConversionAnswer}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuoteAnswer(String euros, String units, String bonus, String bonusReason) {
    }

    public record NotesRequest(JsonNode notes) {
    }

    /**
     * {@code series}: the series printed on the notes (docs/notes-and-fonte.md); without it, notes of no series.
     * {@code unstamped}: among the notes, those without the stamp of the fonte's last due date, credited
     * less the revalidation fee (left out of the request's hash when absent, as before it existed).
     */
    public record DepositRequest(String participant, JsonNode notes, String series,
                                 @com.fasterxml.jackson.annotation.JsonInclude(
                                         com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                 JsonNode unstamped) {

        public DepositRequest(String participant, JsonNode notes) {
            this(participant, notes, null, null);
        }

        public DepositRequest(String participant, JsonNode notes, String series) {
            this(participant, notes, series, null);
        }
    }

    /** What the agent counted: every means that moved since the last closing must be given. */
    public record ClosingRequest(JsonNode countedCash, JsonNode countedCard, JsonNode countedCheque) {
    }

    /** A recount of a closing: the means recounted (at least one) and why. */
    public record CorrectionRequest(JsonNode countedCash, JsonNode countedCard, JsonNode countedCheque,
                                    String reason) {
    }

    /** Euros the association pays into the fund for a counter's shortfall; {@code reference}: the bank's. */
    public record CoveringRequest(JsonNode euros, String reference) {
    }

    /** A covering recorded, and the counter's shortfall still not covered after it. */
    public record CoveringAnswer(String id, String counter, String euros, String reference,
                                 String uncoveredShortfall) {
    }

    /** A counter, with its shortfall not covered yet (shortfalls net of surpluses, less coverings). */
    public record CounterView(String id, String name, String currency, String host, String uncoveredShortfall) {
    }

    public record RemittanceRequest(JsonNode euros, String means) {
    }

    public record ConfirmationRequest(String bankReference,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) String fundAccount) {
    }

    /** The notes a counter received from the issuer, by denomination. */
    public record NotesReceivedAnswer(String id, Map<Integer, Integer> received) {
    }

    /**
     * Notes brought back by a participant, credited on its account: {@code units} what was credited,
     * {@code fee} the revalidation fee deducted from unstamped notes (absent when none).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record NotesDeposited(String id, String accountId, String units, String fee) {

        public NotesDeposited(String id, String accountId, String units) {
            this(id, accountId, units, null);
        }
    }

    /**
     * A Z report: per means of payment (CASH, CARD, CHEQUE, each present) the euros expected, counted
     * and their difference; what the day converted; the notes that came and went; the period it
     * covers (from the previous closing, or the counter's definition) and who closed (null for a
     * closing recorded before they were kept); its recounts, the closing's own counts kept as they were.
     */
    public record ZReport(String id, String counter, Map<String, String> expected, Map<String, String> counted,
                          Map<String, String> discrepancy, String totalDiscrepancy, Map<PaidBy, Long> conversions,
                          Map<String, String> eurosByMeans, String unitsElectronic, String unitsPaper, String bonus,
                          Map<Integer, Integer> notesReceived, Map<Integer, Integer> notesSold,
                          Map<Integer, Integer> notesTakenBack, String periodFrom, String periodTo, String closedBy,
                          List<ZCorrection> corrections) {
    }

    /** A recount of a closing: the new counts of the means recounted, the difference to the count before, who and why. */
    public record ZCorrection(String id, Map<String, String> counted, Map<String, String> difference,
                              String totalDifference, String reason, String correctedBy, String at) {
    }

    /** A remittance of cash to the fund: TO_REMIT, then REMITTED, then CONFIRMED with the bank's reference. */
    public record RemittanceView(String id, String counter, String means, String euros, String status,
                                 String bankReference) {
    }

    @Allowed(Role.ADMIN)
    @Operation(summary = "Open an exchange counter")
    @PostMapping
    public ResponseEntity<CounterView> define(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @RequestBody DefineCounterRequest request) {
        var keyed = commands.key("define-counter", key, request);
        String currency = requiredText(request.currency(), "currency");
        if (!currencies.exists(currency)) {
            throw ApiException.notFound("web.unknown.currency", "unknown currency {0}", currency);
        }
        CounterId counterId = commands.send(keyed, new DefineCounter(CounterId.of(keyed.derivedId("counter")),
                requiredText(request.name(), "name"), CurrencyCode.of(currency), optionalText(request.host(), "host"),
                clock.instant()), CounterId.class);
        readYourWrites.awaitAll(counterId.value());
        return ResponseEntity.created(URI.create("/api/v1/counters/" + counterId)).body(counterView(counterId.value()));
    }

    /** A counter in the list of counters. */
    public record CounterEntry(String id, String name, String currency, String host) {
    }

    public record CounterList(List<CounterEntry> items, int total) {
    }

    /**
     * The counters, by currency and name, of one currency when {@code currency} is given; a
     * counter agent sees its own counter only (as it may read no other).
     */
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    @CallerCurrency
    @Operation(summary = "List the counters of a currency")
    @GetMapping
    public CounterList list(@RequestParam(name = "currency", required = false) String currency) {
        Caller caller = Caller.current();
        String code = caller.currencyOr(currency == null || currency.isBlank() ? null : id(currency, "currency"));
        List<CounterEntry> items = counters.all().stream()
                .filter(counter -> code == null || counter.currency().equals(code))
                .filter(counter -> !caller.is(Role.COUNTER_AGENT) || counter.id().equals(caller.counterId()))
                .map(counter -> new CounterEntry(counter.id(), counter.name(), counter.currency(), counter.host()))
                .toList();
        return new CounterList(items, items.size());
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    @Operation(summary = "A counter")
    @GetMapping("/{id}")
    public CounterView get(@PathVariable("id") String counterId) {
        CounterView view = counterView(id(counterId, "id"));
        CounterPolicy.checkWorksAt(counterId);
        return view;
    }

    private CounterView counterView(String counterId) {
        CounterQueries.Counter view = view(counterId);
        return new CounterView(view.id(), view.name(), view.currency(), view.host(),
                Amounts.format(days.uncoveredShortfallMinor(view.id())));
    }

    // reads only the counter's currency and the member's account, which never change once they exist (a miss
    // waits for the views and looks again): the answer is the command's, and the next read waits instead
    @ViewsMayLag
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    @Operation(summary = "Convert euros into units at a counter",
            description = "The member hands euros (CASH, CARD or CHEQUE) and receives units on the account or as "
                    + "paper notes. The bonus is drawn from a sponsor's budget when there is one (`bonusReason` "
                    + "says why it is less than the ratio's); GET .../conversion-quote answers the same figures "
                    + "without recording anything.")
    @PostMapping("/{id}/conversions")
    public ResponseEntity<ConversionAnswer> convert(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String counterId,
                                                    @RequestBody ConversionRequest request) {
        id(counterId, "id");
        var keyed = commands.key("conversion", key, List.of(counterId, request));
        String currency = readYourWrites.orOnceCaughtUp(() -> view(counterId)).currency();
        CounterPolicy.checkWorksAt(counterId);
        String participant = readYourWrites.orOnceCaughtUp(() ->
                refs.participant(request.participant(), "participant", currency)).value();
        long euros = positiveAmount(request.euros(), "euros");
        PaidBy paidBy = requiredEnum(request.paidBy(), PaidBy.class, "paidBy");
        Payout payout = request.payout() == null ? Payout.ACCOUNT
                : requiredEnum(request.payout(), Payout.class, "payout");
        AccountId account = readYourWrites.orOnceCaughtUp(() -> accountOf(participant, currency));
        AccountId donateTo = request.donateTo() == null ? null
                : readYourWrites.orOnceCaughtUp(() -> associationAccount(request.donateTo(), currency));
        // answered from its command: the member's next read waits for the views (ViewCatchUp)
        Conversion conversion = commands.send(keyed, new ConvertEuros(CounterId.of(counterId),
                ConversionId.of(keyed.derivedId("conversion")), account, euros, paidBy, payout, clock.instant(),
                donateTo), Conversion.class);
        String id = conversion.conversionId().value();
        return ResponseEntity.created(URI.create("/api/v1/counters/" + counterId + "/conversions/" + id))
                .body(new ConversionAnswer(id, Amounts.format(conversion.eurosMinor()),
                        Amounts.format(conversion.unitsMinor()), Amounts.format(conversion.bonusMinor()),
                        conversion.bonusReason(), conversion.payout().name(), conversion.notes(),
                        donateTo == null ? null : Amounts.format(conversion.donationMinor()),
                        conversion.donationReason()));
    }

    /** Cancels a conversion of the counter's open day by compensation, keeping who and why. */
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    @Operation(summary = "Cancel a conversion of the day")
    @PostMapping("/{id}/conversions/{conversionId}/cancellation")
    public CancellationAnswer cancelConversion(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                               String key, @PathVariable("id") String counterId,
                                               @PathVariable("conversionId") String conversionId,
                                               @RequestBody CancellationRequest request) {
        id(counterId, "id");
        id(conversionId, "conversionId");
        CounterPolicy.checkWorksAt(counterId);
        var keyed = commands.key("conversion-cancellation", key, List.of(counterId, conversionId, request));
        String reason = requiredReason(request.reason(), CancelConversion.MAX_REASON_LENGTH);
        view(counterId);
        String cancelledBy = Caller.current().username();
        ConversionCancellation cancellation = commands.send(keyed, new CancelConversion(CounterId.of(counterId),
                ConversionId.of(conversionId), reason, cancelledBy, clock.instant()), ConversionCancellation.class);
        readYourWrites.awaitAll(counterId);
        log.info("conversion {} cancelled at counter {} by {}: {} euros, {} units, {} bonus back", conversionId,
                counterId, cancelledBy, Amounts.format(cancellation.eurosMinor()),
                Amounts.format(cancellation.unitsMinor()), Amounts.format(cancellation.bonusMinor()));
        return new CancellationAnswer(conversionId, counterId, Amounts.format(cancellation.eurosMinor()),
                Amounts.format(cancellation.unitsMinor()), Amounts.format(cancellation.bonusMinor()),
                cancellation.donationMinor() == 0 ? null : Amounts.format(cancellation.donationMinor()),
                cancellation.paidBy().name(), cancellation.payout().name(), cancellation.notes(), reason, cancelledBy);
    }

    /**
     * What the conversion of these euros would give now (bonus and reason), decided by the
     * conversion's own code on the same state; refused as the conversion would be. Records nothing.
     */
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    @Operation(summary = "What a conversion would give now, recording nothing")
    @GetMapping("/{id}/conversion-quote")
    public QuoteAnswer quote(@PathVariable("id") String counterId,
                             @RequestParam(name = "participant", required = false) String participant,
                             @RequestParam(name = "euros", required = false) String euros,
                             @RequestParam(name = "paidBy", required = false) String paidBy,
                             @RequestParam(name = "payout", required = false) String payout) {
        id(counterId, "id");
        String currency = view(counterId).currency();
        CounterPolicy.checkWorksAt(counterId);
        String participantId = refs.participant(participant, "participant", currency).value();
        long eurosMinor = positiveAmount(euros == null ? null : TextNode.valueOf(euros), "euros");
        PaidBy means = requiredEnum(paidBy, PaidBy.class, "paidBy");
        Payout handedOver = payout == null ? Payout.ACCOUNT : requiredEnum(payout, Payout.class, "payout");
        AccountId account = accountOf(participantId, currency);
        ConversionQuote quote = commands.ask(new QuoteConversion(CounterId.of(counterId), account, eurosMinor, means,
                handedOver, clock.instant(), null), ConversionQuote.class);
        return new QuoteAnswer(Amounts.format(quote.eurosMinor()), Amounts.format(quote.unitsMinor()),
                Amounts.format(quote.bonusMinor()), quote.bonusReason());
    }

    @Operation(summary = "Receive paper notes into a counter's stock")
    @PostMapping("/{id}/note-stock")
    @Allowed(Role.ADMIN)
    public NotesReceivedAnswer receiveNotes(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                            String key, @PathVariable("id") String counterId,
                                            @RequestBody NotesRequest request) {
        id(counterId, "id");
        var keyed = commands.key("note-stock", key, List.of(counterId, request));
        Map<Integer, Integer> notes = RequestValues.noteCounts(request.notes(), "notes", Notes.MAX_NOTES_PER_OPERATION, true);
        view(counterId);
        commands.send(keyed, new ReceiveNotes(CounterId.of(counterId), notes, clock.instant()), CounterId.class);
        readYourWrites.awaitAll(counterId);
        log.info("notes received at counter {}: {}", counterId, notes);
        return new NotesReceivedAnswer(counterId, new TreeMap<>(notes));
    }

    @Operation(summary = "Deposit paper notes into a participant's account")
    @PostMapping("/{id}/note-deposits")
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    public ResponseEntity<NotesDeposited> depositNotes(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String counterId, @RequestBody DepositRequest request) {
        CounterPolicy.checkWorksAt(counterId);
        id(counterId, "id");
        var keyed = commands.key("note-deposit", key, List.of(counterId, request));
        id(request.participant(), "participant");
        Map<Integer, Integer> notes = RequestValues.noteCounts(request.notes(), "notes", Notes.MAX_NOTES_PER_OPERATION, true);
        String currency = view(counterId).currency();
        String participant = refs.participant(request.participant(), "participant", currency).value();
        AccountId account = accountOf(participant, currency);
        String series = request.series() == null ? null : id(request.series(), "series");
        Map<Integer, Integer> unstamped = request.unstamped() == null || request.unstamped().isNull() ? null
                : RequestValues.noteCounts(request.unstamped(), "unstamped", Notes.MAX_NOTES_PER_OPERATION, false);
        DepositId depositId = DepositId.of(keyed.derivedId("deposit"));
        Object command = series == null
                ? new DepositNotes(CounterId.of(counterId), depositId, account, notes, unstamped, clock.instant())
                : new DepositSeriesNotes(CounterId.of(counterId), depositId, account, NoteSeriesId.of(series), notes,
                        unstamped, clock.instant());
        Deposit deposit = commands.send(keyed, command, Deposit.class);
        readYourWrites.awaitAll(counterId, account.value());
        if (deposit.feeMinor() > 0) {
            // the fonte's beneficiary was credited too: its statement and balance read their write
            readYourWrites.awaitCommitted();
        }
        return ResponseEntity.status(201).body(new NotesDeposited(deposit.depositId(), account.value(),
                Amounts.format(deposit.unitsMinor()), deposit.feeMinor() > 0 ? Amounts.format(deposit.feeMinor())
                : null));
    }

    @Operation(summary = "Close a counter's day (Z report)")
    @PostMapping("/{id}/closings")
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    public ResponseEntity<ZReport> close(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String counterId, @RequestBody ClosingRequest request) {
        CounterPolicy.checkWorksAt(counterId);
        id(counterId, "id");
        var keyed = commands.key("closing", key, List.of(counterId, request));
        Map<PaidBy, Long> counted = counted(request.countedCash(), request.countedCard(), request.countedCheque());
        view(counterId);
        String closingId = keyed.derivedId("closing");
        DayReport report = commands.send(keyed, new CloseCounterDay(CounterId.of(counterId), ClosingId.of(closingId),
                counted, clock.instant(), Caller.current().username()), DayReport.class);
        readYourWrites.awaitAll(counterId);
        log.info("counter {} closed by {}, closing {}, discrepancy {}", counterId, Caller.current().username(),
                closingId, Amounts.format(report.totalDiscrepancyMinor()));
        return ResponseEntity.created(URI.create("/api/v1/counters/" + counterId + "/closings/" + closingId))
                .body(closing(counterId, closingId));
    }

    /** The counts given, per means; a means left out is for the domain to accept (it did not move) or refuse. */
    private static Map<PaidBy, Long> counted(JsonNode cash, JsonNode card, JsonNode cheque) {
        Map<PaidBy, Long> counted = new EnumMap<>(PaidBy.class);
        Map<PaidBy, JsonNode> given = new EnumMap<>(Map.of(PaidBy.CASH, nullToMissing(cash),
                PaidBy.CARD, nullToMissing(card), PaidBy.CHEQUE, nullToMissing(cheque)));
        given.forEach((means, node) -> {
            if (!node.isMissingNode() && !node.isNull()) {
                counted.put(means, nonNegativeAmount(node, "counted" + means.name().charAt(0)
                        + means.name().substring(1).toLowerCase(java.util.Locale.ROOT)));
            }
        });
        return counted;
    }

    private static JsonNode nullToMissing(JsonNode node) {
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }

    /** A recount of a closing with its reason: the difference is booked as a discrepancy, the closing stays. */
    @Operation(summary = "Correct a closed day's count")
    @PostMapping("/{id}/closings/{closingId}/corrections")
    @Allowed(Role.ADMIN)
    public ResponseEntity<ZReport> correct(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                           String key, @PathVariable("id") String counterId,
                                           @PathVariable("closingId") String closingId,
                                           @RequestBody CorrectionRequest request) {
        id(counterId, "id");
        id(closingId, "closingId");
        var keyed = commands.key("closing-correction", key, List.of(counterId, closingId, request));
        Map<PaidBy, Long> counted = counted(request.countedCash(), request.countedCard(), request.countedCheque());
        if (counted.isEmpty()) {
            throw ApiException.invalid("countedCash", "counter.correction-recounts",
                    "{0} a correction recounts at least one of countedCash, countedCard, countedCheque");
        }
        String reason = requiredReason(request.reason(), CorrectClosing.MAX_REASON_LENGTH);
        view(counterId);
        String correctionId = keyed.derivedId("correction");
        commands.send(keyed, new CorrectClosing(CounterId.of(counterId), ClosingId.of(closingId),
                CorrectionId.of(correctionId), counted, reason, Caller.current().username(), clock.instant()),
                ClosingId.class);
        readYourWrites.awaitAll(counterId);
        log.info("closing {} of counter {} corrected by {}, correction {}", closingId, counterId,
                Caller.current().username(), correctionId);
        return ResponseEntity.created(URI.create("/api/v1/counters/" + counterId + "/closings/" + closingId))
                .body(closing(counterId, closingId));
    }

    /** The association pays a counter's missing euros into the guarantee fund from its own money. */
    @Operation(summary = "Cover a counter's cash shortfall by the association")
    @PostMapping("/{id}/shortfall-coverings")
    @Allowed(Role.ADMIN)
    public ResponseEntity<CoveringAnswer> coverShortfall(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String counterId, @RequestBody CoveringRequest request) {
        id(counterId, "id");
        var keyed = commands.key("shortfall-covering", key, List.of(counterId, request));
        long euros = positiveAmount(request.euros(), "euros");
        String reference = optionalText(request.reference(), "reference");
        view(counterId);
        CoveringId coveringId = commands.send(keyed, new CoverShortfall(CounterId.of(counterId),
                CoveringId.of(keyed.derivedId("covering")), euros, reference, Caller.current().username(),
                clock.instant()), CoveringId.class);
        readYourWrites.awaitAll(counterId);
        log.info("shortfall of counter {} covered by {}: {} €, covering {}", counterId, Caller.current().username(),
                Amounts.format(euros), coveringId);
        return ResponseEntity.status(201).body(new CoveringAnswer(coveringId.value(), counterId,
                Amounts.format(euros), reference, Amounts.format(days.uncoveredShortfallMinor(counterId))));
    }

    @Operation(summary = "A day closing (Z report)")
    @GetMapping("/{id}/closings/{closingId}")
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    public ZReport closing(@PathVariable("id") String counterId,
                                       @PathVariable("closingId") String closingId) {
        CounterPolicy.checkWorksAt(counterId);
        String report = days.reportJson(id(counterId, "id"), id(closingId, "closingId")).orElseThrow(() ->
                ApiException.notFound("web.unknown-at-counter.closing",
                        "unknown closing {0} at counter {1}", closingId, counterId));
        try {
            List<ZCorrection> corrections = new java.util.ArrayList<>();
            for (CounterDayQueries.Correction c : days.corrections(counterId, closingId)) {
                corrections.add(new ZCorrection(c.correctionId(), given(c.countedJson()), given(c.differenceJson()),
                        Amounts.format(c.totalDifferenceMinor()), c.reason(), c.correctedBy(),
                        c.correctedAt().toString()));
            }
            CounterDayQueries.Signature signature = days.signature(counterId, closingId)
                    .orElse(new CounterDayQueries.Signature(null, null, null));
            return zReport(closingId, counterId, json.readValue(report, DayReport.class), signature, corrections);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored Z report " + closingId + " cannot be read", e);
        }
    }

    /** Amounts of the means a recount names, from the JSON its event carried. */
    private Map<String, String> given(String byMeansJson) throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<PaidBy, Long> byMeans = json.readValue(byMeansJson,
                new com.fasterxml.jackson.core.type.TypeReference<Map<PaidBy, Long>>() { });
        Map<String, String> answer = new LinkedHashMap<>();
        for (PaidBy means : PaidBy.values()) {
            if (byMeans.containsKey(means)) {
                answer.put(means.name(), Amounts.format(byMeans.get(means)));
            }
        }
        return answer;
    }

    @Operation(summary = "Reopen a counter after its day is closed")
    @PostMapping("/{id}/reopening")
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    public CounterView reopen(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                      @PathVariable("id") String counterId) {
        CounterPolicy.checkWorksAt(counterId);
        id(counterId, "id");
        var keyed = commands.key("reopening", key, List.of(counterId));
        view(counterId);
        commands.send(keyed, new ReopenCounter(CounterId.of(counterId), clock.instant()), CounterId.class);
        readYourWrites.awaitAll(counterId);
        log.info("counter {} reopened", counterId);
        return counterView(counterId);
    }

    @Operation(summary = "Remit a counter's euros to the bank")
    @PostMapping("/{id}/remittances")
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    public ResponseEntity<RemittanceView> remit(@RequestHeader(value = IdempotentCommands.HEADER,
            required = false) String key, @PathVariable("id") String counterId,
                                                     @RequestBody RemittanceRequest request) {
        CounterPolicy.checkWorksAt(counterId);
        id(counterId, "id");
        var keyed = commands.key("remittance", key, List.of(counterId, request));
        long euros = positiveAmount(request.euros(), "euros");
        PaidBy means = request.means() == null ? PaidBy.CASH : requiredEnum(request.means(), PaidBy.class, "means");
        view(counterId);
        RemittanceId remittanceId = commands.send(keyed, new PrepareRemittance(CounterId.of(counterId),
                RemittanceId.of(keyed.derivedId("remittance")), means, euros, clock.instant()), RemittanceId.class);
        readYourWrites.awaitAll(counterId);
        log.info("remittance {} of {} prepared at counter {}", remittanceId, Amounts.format(euros), counterId);
        return ResponseEntity.created(URI.create("/api/v1/counters/" + counterId + "/remittances/" + remittanceId))
                .body(remittance(counterId, remittanceId.value()));
    }

    @Operation(summary = "A remittance to the bank")
    @GetMapping("/{id}/remittances/{remittanceId}")
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    public RemittanceView getRemittance(@PathVariable("id") String counterId,
                                             @PathVariable("remittanceId") String remittanceId) {
        CounterPolicy.checkWorksAt(counterId);
        return remittance(id(counterId, "id"), id(remittanceId, "remittanceId"));
    }

    @Operation(summary = "Mark a remittance as handed to the bank")
    @PostMapping("/{id}/remittances/{remittanceId}/remitted")
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    public RemittanceView remitted(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                        @PathVariable("id") String counterId,
                                        @PathVariable("remittanceId") String remittanceId) {
        CounterPolicy.checkWorksAt(counterId);
        id(counterId, "id");
        id(remittanceId, "remittanceId");
        var keyed = commands.key("remittance-remitted", key, List.of(counterId, remittanceId));
        view(counterId);
        commands.send(keyed, new DepositRemittance(CounterId.of(counterId), RemittanceId.of(remittanceId),
                clock.instant()), RemittanceId.class);
        readYourWrites.awaitAll(counterId);
        log.info("remittance {} of counter {} remitted", remittanceId, counterId);
        return remittance(counterId, remittanceId);
    }

    @Operation(summary = "Confirm that a remittance reached the bank")
    @PostMapping("/{id}/remittances/{remittanceId}/confirmation")
    @Allowed(Role.ADMIN)
    public RemittanceView confirm(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                       @PathVariable("id") String counterId,
                                       @PathVariable("remittanceId") String remittanceId,
                                       @RequestBody(required = false) ConfirmationRequest request) {
        id(counterId, "id");
        id(remittanceId, "remittanceId");
        // the fund's bank account only when named, so that the keys of earlier requests still match
        String fundAccount = request == null || request.fundAccount() == null ? null
                : id(request.fundAccount(), "fundAccount");
        var keyed = commands.key("remittance-confirmation", key, fundAccount == null
                ? List.of(counterId, remittanceId, request == null ? "" : String.valueOf(request.bankReference()))
                : List.of(counterId, remittanceId, String.valueOf(request.bankReference()), fundAccount));
        String reference = request == null ? null : optionalText(request.bankReference(), "bankReference");
        view(counterId);
        commands.send(keyed, new ConfirmRemittance(CounterId.of(counterId), RemittanceId.of(remittanceId), reference,
                fundAccount, clock.instant()), RemittanceId.class);
        readYourWrites.awaitAll(counterId);
        log.info("remittance {} of counter {} confirmed", remittanceId, counterId);
        return remittance(counterId, remittanceId);
    }

    private RemittanceView remittance(String counterId, String remittanceId) {
        CounterDayQueries.Remittance remittance = days.remittance(counterId, remittanceId).orElseThrow(() ->
                ApiException.notFound("web.unknown-at-counter.remittance",
                        "unknown remittance {0} at counter {1}", remittanceId, counterId));
        return new RemittanceView(remittance.id(), counterId, remittance.means(),
                Amounts.format(remittance.eurosMinor()), remittance.status(), remittance.bankReference());
    }

    private static ZReport zReport(String closingId, String counterId, DayReport report,
                                   CounterDayQueries.Signature signature, List<ZCorrection> corrections) {
        return new ZReport(closingId, counterId, formatted(report.expectedMinor()), formatted(report.countedMinor()),
                formatted(report.discrepancyMinor()), Amounts.format(report.totalDiscrepancyMinor()),
                report.conversions(), formatted(report.eurosMinor()), Amounts.format(report.unitsElectronicMinor()),
                Amounts.format(report.unitsPaperMinor()), Amounts.format(report.bonusMinor()), report.notesReceived(),
                report.notesSold(), report.notesTakenBack(),
                signature.periodFrom() == null ? null : signature.periodFrom().toString(),
                signature.periodTo() == null ? null : signature.periodTo().toString(), signature.closedBy(),
                corrections);
    }

    private static Map<String, String> formatted(Map<PaidBy, Long> byMeans) {
        Map<String, String> answer = new LinkedHashMap<>();
        for (PaidBy means : PaidBy.values()) {
            answer.put(means.name(), Amounts.format(byMeans.getOrDefault(means, 0L)));
        }
        return answer;
    }


    /** The account of the association a conversion's donation goes to, named by id or member number. */
    private AccountId associationAccount(String named, String currency) {
        String association = refs.participant(named, "donateTo", currency).value();
        // only a participant of this currency can be named; that it is an association is the domain's rule
        if (participants.find(association).filter(found -> found.currency().equals(currency)).isEmpty()) {
            throw ApiException.invalid("donateTo", "currency.association-required",
                    "{0} must be an association of {1}", currency);
        }
        return accountOf(association, currency);
    }

    private AccountId accountOf(String participant, String currency) {
        return AccountId.of(participants.find(participant).filter(found -> found.currency().equals(currency))
                .map(ParticipantQueries.Participant::accountId)
                .orElseThrow(() -> ApiException.notFound("counter.participant-no-account",
                        "participant {0} has no account in {1}", participant, currency)));
    }

    private CounterQueries.Counter view(String counterId) {
        return counters.find(counterId).orElseThrow(() -> ApiException.notFound("web.unknown.counter",
                "unknown counter {0}", counterId));
    }
}
