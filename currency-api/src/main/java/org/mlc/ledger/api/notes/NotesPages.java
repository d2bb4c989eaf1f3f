package org.mlc.ledger.api.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.counter.Notes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The paper notes' pages (docs/notes-and-fonte.md): for the association the inventory of a
 * currency per series and denomination, with its identity, and the forms to print a series, send
 * notes to a counter and destroy withdrawn notes; for a counter agent its stock per series. Every
 * change goes through {@link NotesController}, so its checks, errors and idempotency keys apply.
 */
@PageController
public class NotesPages {

    private final NotesController notes;
    private final CurrencyQueries currencies;
    private final CounterQueries counters;
    private final NoteInventoryQueries inventory;

    public NotesPages(NotesController notes, CurrencyQueries currencies, CounterQueries counters,
                      NoteInventoryQueries inventory) {
        this.notes = notes;
        this.currencies = currencies;
        this.counters = counters;
        this.inventory = inventory;
    }

    /** Counts typed per denomination ({@code n1} … {@code n50}); blank is none. */
    public record Counts(String n1, String n2, String n5, String n10, String n20, String n50) {

        JsonNode asJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            String[] typed = {n1, n2, n5, n10, n20, n50};
            int[] denominations = {1, 2, 5, 10, 20, 50};
            for (int i = 0; i < typed.length; i++) {
                String value = Forms.blankToNull(typed[i]);
                if (value != null) {
                    try {
                        json.put(String.valueOf(denominations[i]), Integer.parseInt(value.strip()));
                    } catch (NumberFormatException e) {
                        // passed on as typed: the API's reading refuses it naming the field
                        json.put(String.valueOf(denominations[i]), value);
                    }
                }
            }
            return json;
        }
    }

    public record SeriesForm(String currency, String series, String validUntil, String n1, String n2, String n5,
                             String n10, String n20, String n50, String key) {
    }

    public record DispatchForm(String currency, String seriesId, String counter, String n1, String n2, String n5,
                               String n10, String n20, String n50, String key) {
    }

    public record DestructionForm(String currency, String seriesId, String reason, String witness, String n1,
                                  String n2, String n5, String n10, String n20, String n50, String key) {
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @GetMapping("/association/notes")
    public String inventory(@RequestParam(name = "currency", required = false) String currency, Model model) {
        return page(currency, model);
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/notes/series")
    public String print(SeriesForm form, Model model) {
        try {
            notes.print(form.key(), form.currency(), new NotesController.SeriesRequest(form.series(),
                    new Counts(form.n1(), form.n2(), form.n5(), form.n10(), form.n20(), form.n50()).asJson(),
                    Forms.blankToNull(form.validUntil()), null));
            return "redirect:/association/notes?done=series&currency=" + form.currency();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return page(form.currency(), model);
        }
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/notes/dispatch")
    public String dispatch(DispatchForm form, Model model) {
        try {
            notes.dispatch(form.key(), form.seriesId(), new NotesController.MovementRequest(form.counter(),
                    new Counts(form.n1(), form.n2(), form.n5(), form.n10(), form.n20(), form.n50()).asJson()));
            return "redirect:/association/notes?done=dispatch&currency=" + form.currency();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return page(form.currency(), model);
        }
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/notes/destruction")
    public String destroy(DestructionForm form, Model model) {
        try {
            notes.destroy(form.key(), form.seriesId(), new NotesController.DestructionRequest(
                    new Counts(form.n1(), form.n2(), form.n5(), form.n10(), form.n20(), form.n50()).asJson(),
                    form.reason(), form.witness()));
            return "redirect:/association/notes?done=destruction&currency=" + form.currency();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return page(form.currency(), model);
        }
    }

    private String page(String currency, Model model) {
        Caller caller = Caller.current();
        List<CurrencyQueries.Currency> all = currencies.all().stream().filter(c -> caller.sees(c.code())).toList();
        String code = currency != null && all.stream().anyMatch(c -> c.code().equals(currency)) ? currency
                : all.isEmpty() ? null : all.get(0).code();
        model.addAttribute("currencies", all);
        model.addAttribute("currency", code);
        model.addAttribute("inventory", code == null ? null : notes.inventory(code));
        model.addAttribute("series", code == null ? List.of() : inventory.seriesOf(code));
        model.addAttribute("counters", counters.all().stream().filter(c -> c.currency().equals(code)).toList());
        model.addAttribute("denominations", new ArrayList<>(new java.util.TreeSet<>(Notes.DENOMINATIONS)));
        model.addAttribute("key", Forms.newKey());
        return "association/notes";
    }

    /** A series' notes at the agent's counter, by denomination. */
    public record SeriesStock(String series, Map<Integer, Long> notes) {
    }

    @Allowed(Role.COUNTER_AGENT)
    @GetMapping("/counter/note-series")
    public String counterStock(Model model) {
        String counterId = Caller.current().counterId();
        String currency = counters.currencyOf(counterId).orElseThrow();
        Map<String, String> names = new TreeMap<>();
        inventory.seriesOf(currency).forEach(s -> names.put(s.id(), s.series()));
        Map<String, Map<Integer, Long>> bySeries = new java.util.LinkedHashMap<>();
        for (NoteInventoryQueries.Row row : inventory.rows(currency)) {
            if ("COUNTER".equals(row.place()) && counterId.equals(row.counterId())) {
                bySeries.computeIfAbsent(row.seriesId(), s -> new TreeMap<>()).merge(row.denomination(), row.notes(),
                        Long::sum);
            }
        }
        List<SeriesStock> stock = new ArrayList<>();
        bySeries.forEach((seriesId, held) -> stock.add(new SeriesStock(seriesId.isEmpty() ? null
                : names.getOrDefault(seriesId, seriesId), held)));
        model.addAttribute("stock", stock);
        model.addAttribute("counter", counters.find(counterId).orElseThrow());
        return "counter/note-series";
    }
}
