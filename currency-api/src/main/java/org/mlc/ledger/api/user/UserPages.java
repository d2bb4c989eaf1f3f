package org.mlc.ledger.api.user;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.user.UserController.CreateUserRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The users: listed for ADMIN and AUDITOR; the administrator creates, disables and enables them. */
@PageController
public class UserPages {

    /** Participants offered when binding a user; beyond that, type the participant id. */
    public static final int MAX_PARTICIPANTS_LISTED = 2_000;

    private final UserController users;
    private final JdbcTemplate jdbc;

    public UserPages(UserController users, JdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    public record UserForm(String username, String password, String role, String participant, String counter,
                           String key) {
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @GetMapping("/association/users")
    public String list(Model model) {
        model.addAttribute("form", new UserForm("", "", Role.MEMBER.name(), "", "", Forms.newKey()));
        return page(model);
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/users")
    public String create(UserForm form, Model model) {
        try {
            users.create(form.key(), new CreateUserRequest(Forms.blankToNull(form.username()), form.password(),
                    form.role(), Forms.blankToNull(form.participant()), Forms.blankToNull(form.counter())));
            return "redirect:/association/users?created=" + form.username();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", new UserForm(form.username(), "", form.role(), form.participant(),
                    form.counter(), form.key()));
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
            model.addAttribute("form", new UserForm("", "", Role.MEMBER.name(), "", "", Forms.newKey()));
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("counters", jdbc.queryForList("SELECT counter_id, name, currency FROM counter_view "
                + "ORDER BY currency, name LIMIT 500"));
        // to bind a user to a participant without knowing its id by heart: pick it by name
        model.addAttribute("participants", jdbc.queryForList("SELECT participant_id, name, kind, currency "
                + "FROM participant_view WHERE kind IN ('MEMBER', 'MERCHANT', 'CCAS', 'COLLECTIVITE') "
                + "ORDER BY name LIMIT " + MAX_PARTICIPANTS_LISTED));
        model.addAttribute("statusKey", Forms.newKey());
        return "association/users";
    }
}
