package org.mlc.ledger.api.counter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlc.ledger.api.counter.CounterController.ClosingRequest;
import org.mlc.ledger.api.counter.CounterController.ConversionAnswer;
import org.mlc.ledger.api.counter.CounterController.ConversionRequest;
import org.mlc.ledger.api.counter.CounterController.DepositRequest;
import org.mlc.ledger.api.counter.CounterController.NotesRequest;
import org.mlc.ledger.api.counter.CounterController.ZReport;
import org.mlc.ledger.api.account.AccountQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.participant.ParticipantQueries.Participant;
import org.mlc.ledger.api.report.ConversionQueries;
import org.mlc.ledger.api.report.ReportController;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Formats;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.ui.ShortReference;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.counter.Notes;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.money.Amounts;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The exchange counter's pages for its agent: convert euros (member search, the bonus shown
 * before confirming), take notes back, the note stock, the day closing and the printable day
 * report; for the association, the list of counters. Every change goes through
 * {@link CounterController}, so its checks, errors and idempotency keys apply as in the API.
 */
@PageController
public class CounterPages {

    /** Members listed by one search; refine the search beyond that. */
    public static final int MAX_SEARCH_RESULTS = 20;
    /** A search needs this many characters (a name part or the start of a card number). */
    public static final int MIN_SEARCH_LENGTH = 2;

    private final CounterController counters;
    private final ReportController reports;
    private final CounterQueries counterViews;
    private final NoteStockQueries noteStocks;
    private final CounterDayQueries days;
    private final ConversionQueries conversions;
    private final CurrencyQueries currencies;
    private final ParticipantQueries participants;
    private final AccountQueries accountViews;

    public CounterPages(CounterController counters, ReportController reports, CounterQueries counterViews,
                        NoteStockQueries noteStocks, CounterDayQueries days, ConversionQueries conversions,
                        CurrencyQueries currencies, ParticipantQueries participants, AccountQueries accountViews) {
        this.accountViews = accountViews;
        this.counters = counters;
        this.reports = reports;
        this.counterViews = counterViews;
        this.noteStocks = noteStocks;
        this.days = days;
        this.conversions = conversions;
        this.currencies = currencies;
        this.participants = participants;
    }

    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter")
    public String home(Model model) {
        String counterId = counterOf(model);
        model.addAttribute("day", dayReport(counterId, null));
        model.addAttribute("drawer", byMeans(days.drawer(counterId)));
        model.addAttribute("stock", stock(counterId));
        model.addAttribute("closings", days.recentClosings(counterId));
        // one key per page shown, made unique per conversion by its id
        model.addAttribute("cancelKey", Forms.newKey());
        return "counter/home";
    }

    // ---- conversion: search, form, review (bonus shown), confirm ----

    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/convert")
    public String convertForm(@RequestParam(name = "q", required = false) String query,
                              @RequestParam(name = "participant", required = false) String participant, Model model) {
        String counterId = counterOf(model);
        model.addAttribute("q", query);
        model.addAttribute("results", search(counterId, query));
        model.addAttribute("form", new ConversionForm(participant, "", PaidBy.CASH.name(), Payout.ACCOUNT.name(),
                Forms.newKey()));
        model.addAttribute("member", participant == null ? null : member(counterId, participant));
        memberFacts(model);
        return "counter/convert";
    }

    /** The chosen member's balance and membership, shown before converting (the agent may renew it first). */
    private void memberFacts(Model model) {
        Participant member = (Participant) model.getAttribute("member");
        if (member == null) {
            return;
        }
        model.addAttribute("memberBalance", accountViews.find(member.accountId()).map(a -> a.balanceMinor())
                .orElse(0L));
        LocalDate validUntil = member.membershipValidUntil();
        model.addAttribute("membershipValid", validUntil != null
                && !validUntil.isBefore(LocalDate.now(Formats.ZONE)));
    }

    /** The search results alone, for htmx to swap in as the agent types. */
    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/members")
    public String members(@RequestParam(name = "q", required = false) String query,
                          @RequestParam(name = "next", defaultValue = "convert") String next, Model model) {
        model.addAttribute("results", search(counterOf(model), query));
        model.addAttribute("q", query);
        model.addAttribute("next", "deposit".equals(next) ? "deposit" : "convert");
        return "counter/members :: results";
    }

    public record ConversionForm(String participant, String euros, String paidBy, String payout, String key) {
    }

    @Allowed(Role.COUNTER_AGENT)
    @PostMapping("/counter/convert/review")
    public String review(ConversionForm form, Model model) {
        String counterId = counterOf(model);
        model.addAttribute("form", form);
        try {
            String participant = RequestValues.id(form.participant(), "participant");
            Participant member = member(counterId, participant);
            if (member == null) {
                throw ApiException.of(org.springframework.http.HttpStatus.NOT_FOUND, "not-found", "participant",
                        "counter.participant-no-account-here",
                        "participant {0} has no account in this counter's currency", participant);
            }
            long euros = RequestValues.positiveAmount(Forms.amount(form.euros()), "euros");
            // the quote is the conversion's own decision, budgets, caps and eligibility included
            CounterController.QuoteAnswer quote = counters.quote(counterId, participant, Amounts.format(euros),
                    form.paidBy(), form.payout());
            model.addAttribute("member", member);
            model.addAttribute("quote", quote);
            model.addAttribute("eurosText", Amounts.format(euros));
            return "counter/convert-review";
        } catch (RuntimeException e) {
            return convertError(counterId, form, Problem.orRethrow(e), model);
        }
    }

    @Allowed(Role.COUNTER_AGENT)
    @PostMapping("/counter/convert")
    public String convert(ConversionForm form, Model model) {
        String counterId = counterOf(model);
        try {
            ResponseEntity<ConversionAnswer> answer = counters.convert(form.key(), counterId, new ConversionRequest(
                    form.participant(), Forms.amount(form.euros()), form.paidBy(), form.payout(), null));
            model.addAttribute("conversion", answer.getBody());
            model.addAttribute("conversionReference", ShortReference.of('C', answer.getBody().id()));
            model.addAttribute("member", member(counterId, form.participant()));
            return "counter/converted";
        } catch (RuntimeException e) {
            return convertError(counterId, form, Problem.orRethrow(e), model);
        }
    }

    /** What a receipt prints of a conversion: who, what, when, and its short reference. */
    public record Receipt(String reference, ConversionQueries.Conversion conversion, Participant member,
                          String memberNumber) {
    }

    /**
     * The printable receipt of a conversion of this counter, found by its short reference
     * ({@code C-7K3QX9}, what the member reads on the paper) or its id.
     */
    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/receipt")
    public String receipt(@RequestParam("conversion") String reference, Model model) {
        String counterId = counterOf(model);
        ConversionQueries.Conversion conversion = conversionByReference(counterId, reference)
                .orElseThrow(() -> ApiException.notFound("counter.no-conversion-here",
                        "no conversion {0} at this counter", reference));
        Participant member = participants.findByAccount(conversion.accountId()).orElse(null);
        model.addAttribute("receipt", new Receipt(ShortReference.of('C', conversion.id()), conversion, member,
                member == null ? null : member.number()));
        return "counter/receipt";
    }

    private java.util.Optional<ConversionQueries.Conversion> conversionByReference(String counterId, String reference) {
        if (reference != null && reference.matches("[0-9a-fA-F-]{36}")) {
            return conversions.find(counterId, reference.toLowerCase(java.util.Locale.ROOT));
        }
        String normalized = ShortReference.normalized('C', reference);
        return ShortReference.hexPrefix('C', reference).stream()
                .flatMap(prefix -> conversions.withIdPrefix(counterId, prefix).stream())
                .filter(c -> ShortReference.of('C', c.id()).equals(normalized)).findFirst();
    }

    private String convertError(String counterId, ConversionForm form, Problem problem, Model model) {
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        model.addAttribute("results", List.of());
        model.addAttribute("member", form.participant() == null || !form.participant().matches("[A-Za-z0-9-]{1,64}")
                ? null : member(counterId, form.participant()));
        memberFacts(model);
        return "counter/convert";
    }

    // ---- cancelling a conversion of the day (the home page lists them, each with its reason field) ----

    public record CancellationForm(String conversion, String reason, String key) {
    }

    @Allowed(Role.COUNTER_AGENT)
    @PostMapping("/counter/cancellation")
    public String cancel(CancellationForm form, Model model) {
        String counterId = counterOf(model);
        try {
            counters.cancelConversion(form.key(), counterId, form.conversion(),
                    new CounterController.CancellationRequest(form.reason()));
            return "redirect:/counter";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("cancelling", form.conversion());
            return home(model);
        }
    }

    // ---- notes brought back, note stock ----

    public record DepositForm(String participant, Map<String, String> notes, String key) {
    }

    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/deposit")
    public String depositForm(@RequestParam(name = "q", required = false) String query,
                              @RequestParam(name = "participant", required = false) String participant, Model model) {
        String counterId = counterOf(model);
        model.addAttribute("q", query);
        model.addAttribute("results", search(counterId, query));
        model.addAttribute("member", participant == null ? null : member(counterId, participant));
        model.addAttribute("participant", participant);
        model.addAttribute("counts", Map.of());
        model.addAttribute("key", Forms.newKey());
        model.addAttribute("denominations", new java.util.TreeSet<>(Notes.DENOMINATIONS));
        return "counter/deposit";
    }

    @Allowed(Role.COUNTER_AGENT)
    @PostMapping("/counter/deposit")
    public String deposit(@RequestParam Map<String, String> fields, Model model) {
        String counterId = counterOf(model);
        String participant = fields.get("participant");
        String key = fields.get("key");
        Map<String, String> counts = new TreeMap<>();
        for (Integer denomination : Notes.DENOMINATIONS) {
            String typed = Forms.blankToNull(fields.get("n" + denomination));
            if (typed != null) {
                counts.put("n" + denomination, typed);
            }
        }
        ObjectNode notes = notes(fields);
        try {
            model.addAttribute("deposit", counters.depositNotes(key, counterId,
                    new DepositRequest(participant, notes)).getBody());
            model.addAttribute("member", member(counterId, participant));
            return "counter/deposited";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("results", List.of());
            model.addAttribute("participant", participant);
            model.addAttribute("member", participant == null || !participant.matches("[A-Za-z0-9-]{1,64}") ? null
                    : member(counterId, participant));
            model.addAttribute("counts", counts);
            model.addAttribute("key", key);
            model.addAttribute("denominations", new java.util.TreeSet<>(Notes.DENOMINATIONS));
            return "counter/deposit";
        }
    }

    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/notes")
    public String notes(Model model) {
        model.addAttribute("stock", stock(counterOf(model)));
        return "counter/notes";
    }

    // ---- closing the day, the Z report, the day report ----

    public record ClosingForm(String countedCash, String countedCard, String countedCheque, String key) {
    }

    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/closing")
    public String closingForm(Model model) {
        String counterId = counterOf(model);
        model.addAttribute("form", new ClosingForm("", "", "", Forms.newKey()));
        model.addAttribute("day", dayReport(counterId, null));
        return "counter/closing";
    }

    @Allowed(Role.COUNTER_AGENT)
    @PostMapping("/counter/closing")
    public String close(ClosingForm form, Model model) {
        String counterId = counterOf(model);
        try {
            ZReport report = counters.close(form.key(), counterId,
                    new ClosingRequest(Forms.amount(form.countedCash()), Forms.amount(form.countedCard()),
                            Forms.amount(form.countedCheque()))).getBody();
            return "redirect:/counter/z-report?closing=" + report.id();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", form);
            model.addAttribute("day", dayReport(counterId, null));
            return "counter/closing";
        }
    }

    /**
     * The Z report of a closing (its id or its short reference): the period and who closed it;
     * expected, counted and the discrepancy per means of payment. Printable.
     */
    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/z-report")
    public String zReport(@RequestParam("closing") String closing, Model model) {
        String counterId = counterOf(model);
        // the report's short reference (Z-…), as printed, finds it too
        String normalized = ShortReference.normalized('Z', closing);
        String closingId = normalized == null ? closing : ShortReference.hexPrefix('Z', closing).stream()
                .flatMap(prefix -> days.closingIdsWithPrefix(counterId, prefix).stream())
                .filter(id -> ShortReference.of('Z', id).equals(normalized)).findFirst()
                .orElseThrow(() -> ApiException.notFound("counter.no-closing-here",
                        "no closing {0} at this counter", closing));
        ZReport report = counters.closing(counterId, closingId);
        model.addAttribute("report", report);
        model.addAttribute("reportReference", ShortReference.of('Z', report.id()));
        model.addAttribute("reopenKey", Forms.newKey());
        return "counter/z-report";
    }

    @Allowed(Role.COUNTER_AGENT)
    @PostMapping("/counter/reopening")
    public String reopen(@RequestParam(name = "key", required = false) String key, Model model) {
        counters.reopen(key, counterOf(model));
        return "redirect:/counter";
    }

    /** The day's conversions, by means, with the drawer at start and end. Printable. */
    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/day")
    public String day(@RequestParam(name = "date", required = false) String date, Model model) {
        String counterId = counterOf(model);
        ReportController.CounterDay day = dayReport(counterId, Forms.blankToNull(date));
        model.addAttribute("day", day);
        // the report's day is the association's civil day; the drawer at its start and end, cash, card slips and cheques apart
        Instant start = LocalDate.parse(day.date()).atStartOfDay(Formats.ZONE).toInstant();
        Instant end = LocalDate.parse(day.date()).plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
        model.addAttribute("drawerAtStart", byMeans(days.drawerBefore(counterId, start)));
        model.addAttribute("drawerAtEnd", byMeans(days.drawerBefore(counterId, end)));
        return "counter/day";
    }

    // ---- for the association: every counter ----

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @GetMapping("/association/counters")
    public String all(Model model) {
        // each view summed by its own query class, joined here by counter: a few dozen counters, three small maps
        Map<String, ConversionQueries.CounterTotals> converted = conversions.totalsByCounter();
        Map<String, CounterDayQueries.ClosingTotals> closed = days.closingTotalsByCounter();
        Map<String, Long> notesValues = noteStocks.valueUnitsByCounter();
        Map<String, Long> uncovered = days.uncoveredShortfallByCounter();
        Caller caller = Caller.current();
        List<CounterLine> lines = counterViews.all().stream().filter(counter -> caller.sees(counter.currency()))
                .map(counter -> {
            var conversionTotals = converted.getOrDefault(counter.id(), new ConversionQueries.CounterTotals(0, 0));
            var closingTotals = closed.getOrDefault(counter.id(), new CounterDayQueries.ClosingTotals(null, 0));
            return new CounterLine(counter.id(), counter.name(), counter.currency(), conversionTotals.conversions(),
                    conversionTotals.eurosMinor(), notesValues.getOrDefault(counter.id(), 0L),
                    closingTotals.lastClosedAt(), closingTotals.discrepancyMinor(),
                    uncovered.getOrDefault(counter.id(), 0L));
        }).toList();
        model.addAttribute("counters", lines);
        model.addAttribute("denominations", new java.util.TreeSet<>(Notes.DENOMINATIONS));
        model.addAttribute("key", Forms.newKey());
        return "association/counters";
    }

    /** A counter as the association sees it: what it converted, its notes, its closings, its shortfall not covered. */
    public record CounterLine(String id, String name, String currency, long conversions, long eurosMinor,
                              long notesValueUnits, Instant lastClosedAt, long discrepancyMinor,
                              long uncoveredShortfallMinor) {
    }

    /** The issuer delivers paper notes to a counter's stock. */
    @Allowed(Role.ADMIN)
    @PostMapping("/association/counters/notes")
    public String deliverNotes(@RequestParam Map<String, String> fields, Model model) {
        try {
            counters.receiveNotes(fields.get("key"), fields.get("counter"), new NotesRequest(notes(fields)));
            return "redirect:/association/counters?delivered=" + fields.get("counter");
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return all(model);
        }
    }

    /** Counts per denomination typed in fields n1, n2, n5…; what is not a whole number is left for the API to refuse. */
    private static ObjectNode notes(Map<String, String> fields) {
        ObjectNode notes = JsonNodeFactory.instance.objectNode();
        for (Integer denomination : new java.util.TreeSet<>(Notes.DENOMINATIONS)) {
            String typed = Forms.blankToNull(fields.get("n" + denomination));
            if (typed != null) {
                notes.set(String.valueOf(denomination), typed.matches("[0-9]{1,9}")
                        ? JsonNodeFactory.instance.numberNode(Integer.parseInt(typed))
                        : JsonNodeFactory.instance.textNode(typed));
            }
        }
        return notes;
    }

    // ---- helpers ----

    /** The report's day (the association's civil day, as the API's); today there, unless another is asked. */
    private ReportController.CounterDay dayReport(String counterId, String date) {
        String day = date == null ? LocalDate.now(Formats.ZONE).toString() : date;
        return (ReportController.CounterDay) reports.counterDay(counterId, day, null).getBody();
    }

    /** Minor amounts per means, every means present in the order CASH, CARD, CHEQUE. */
    private static Map<String, Long> byMeans(Map<String, Long> held) {
        Map<String, Long> answer = new java.util.LinkedHashMap<>();
        for (PaidBy means : PaidBy.values()) {
            answer.put(means.name(), held.getOrDefault(means.name(), 0L));
        }
        return answer;
    }

    private String counterOf(Model model) {
        String counterId = Caller.current().counterId();
        CounterController.CounterView counter = counters.get(counterId);
        model.addAttribute("counter", counter);
        model.addAttribute("currencyName", currencies.find(counter.currency()).orElseThrow().name());
        model.addAttribute("today", LocalDate.now(Formats.ZONE));
        return counterId;
    }

    private Map<Integer, Long> stock(String counterId) {
        return noteStocks.stock(counterId);
    }

    /**
     * Members of the counter's currency whose name contains the query, or whose card number (the
     * participant id printed on the card) starts with it.
     */
    private List<Participant> search(String counterId, String query) {
        if (query == null || query.strip().length() < MIN_SEARCH_LENGTH) {
            return List.of();
        }
        String q = RequestValues.optionalText(query, "q");
        return counterViews.find(counterId).map(counter -> participants.searchMembers(counter.currency(), q,
                MAX_SEARCH_RESULTS)).orElse(List.of());
    }

    /** The participant if it has an account in the counter's currency, else null. */
    private Participant member(String counterId, String participant) {
        return counterViews.find(counterId).flatMap(counter -> participants.find(participant)
                .or(() -> org.mlc.ledger.participant.MemberNumbers.canonical(participant)
                        .flatMap(participants::findByNumber))
                .filter(found -> found.currency().equals(counter.currency()))).orElse(null);
    }
}
