package org.mlc.ledger.api.user;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.user.UserController.CreateUserRequest;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.participant.ParticipantKind;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The users: listed for ADMIN and AUDITOR; the administrator creates, disables and enables them. */
@PageController
public class UserPages {

    /** Participants offered when binding a user; beyond that, type the participant id. */
    public static final int MAX_PARTICIPANTS_LISTED = 2_000;
    /** The kinds of participant a user can be bound to (the roles of the same names). */
    private static final List<ParticipantKind> BOUND_KINDS = List.of(ParticipantKind.MEMBER, ParticipantKind.MERCHANT,
            ParticipantKind.CCAS, ParticipantKind.COLLECTIVITE, ParticipantKind.EMPLOYER);

    private final UserController users;
    private final CounterQueries counters;
    private final ParticipantQueries participants;

    private final org.mlc.ledger.api.currency.CurrencyQueries currencies;

    public UserPages(UserController users, CounterQueries counters, ParticipantQueries participants,
                     org.mlc.ledger.api.currency.CurrencyQueries currencies) {
        this.users = users;
        this.currencies = currencies;
        this.counters = counters;
        this.participants = participants;
    }

    /** {@code currency}: for a CURRENCY_ADMIN (required) or an AUDITOR bound to one currency. */
    public record UserForm(String username, String password, String role, String participant, String counter,
                           String currency, String key) {
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @GetMapping("/association/users")
    public String list(Model model) {
        model.addAttribute("form", new UserForm("", "", Role.MEMBER.name(), "", "", "", Forms.newKey()));
        return page(model);
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/users")
    public String create(UserForm form, Model model) {
        try {
            users.create(form.key(), new CreateUserRequest(Forms.blankToNull(form.username()), form.password(),
                    form.role(), Forms.blankToNull(form.participant()), Forms.blankToNull(form.counter()),
                    Forms.blankToNull(form.currency()), null));
            return "redirect:/association/users?created=" + form.username();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", new UserForm(form.username(), "", form.role(), form.participant(),
                    form.counter(), form.currency(), form.key()));
            return page(model);
        }
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/users/status")
    public String status(@RequestParam("username") String username, @RequestParam("enabled") boolean enabled,
                         @RequestParam(name = "key", required = false) String key, Model model) {
        try {
            if (enabled) {
                users.enable(key, username);
            } else {
                users.disable(key, username);
            }
            return "redirect:/association/users";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", new UserForm("", "", Role.MEMBER.name(), "", "", "", Forms.newKey()));
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        Caller caller = Caller.current();
        model.addAttribute("counters", counters.all().stream().filter(counter -> caller.sees(counter.currency()))
                .toList());
        // who each user is bound to, by name and member number rather than by id
        List<String> bound = users.list().stream().map(UserController.UserView::participant)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> boundTo = new java.util.HashMap<>();
        participants.findAll(bound).forEach((id, p) -> boundTo.put(id, p.number() == null ? p.name()
                : p.name() + " — " + p.number()));
        model.addAttribute("boundTo", boundTo);
        model.addAttribute("counterNames", counters.names());
        model.addAttribute("currencies", currencies.all().stream().filter(c -> caller.sees(c.code())).toList());
        model.addAttribute("statusKey", Forms.newKey());
        return "association/users";
    }
}
