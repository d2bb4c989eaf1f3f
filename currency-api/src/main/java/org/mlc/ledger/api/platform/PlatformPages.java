package org.mlc.ledger.api.platform;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import org.mlc.ledger.api.currency.CurrencyController;
import org.mlc.ledger.api.currency.CurrencyController.ConversionRequest;
import org.mlc.ledger.api.currency.CurrencyController.DefineCurrencyRequest;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Platform;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.status.StatusController;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.user.UserController;
import org.mlc.ledger.api.user.UserController.CreateUserRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The platform operator's page (docs/hosting.md): the currencies hosted, the projections' health,
 * and a form creating a currency with its first CURRENCY_ADMIN, who then runs the association
 * from its own pages. Refused to every user bound to a currency.
 */
@PageController
public class PlatformPages {

    private static final Logger log = LoggerFactory.getLogger(PlatformPages.class);

    private final CurrencyController currencyController;
    private final UserController users;
    private final CurrencyQueries currencies;
    private final StatusController status;

    public PlatformPages(CurrencyController currencyController, UserController users, CurrencyQueries currencies,
                         StatusController status) {
        this.currencyController = currencyController;
        this.users = users;
        this.currencies = currencies;
        this.status = status;
    }

    /** A new currency (its ratio and fees as the API takes them) and its first administrator. */
    public record CurrencyForm(String code, String name, String euros, String units, String reconversionFee,
                               String membershipFee, String adminUsername, String adminPassword, String key) {
    }

    @Allowed(Role.ADMIN)
    @Platform
    @GetMapping("/platform")
    public String page(Model model) {
        model.addAttribute("form", new CurrencyForm("", "", "1", "1", "0.05", "0", "", "", Forms.newKey()));
        return page(model, true);
    }

    @Allowed(Role.ADMIN)
    @Platform
    @PostMapping("/platform/currencies")
    public String create(CurrencyForm form, Model model) {
        try {
            currencyController.define(form.key() + "-currency", new DefineCurrencyRequest(
                    Forms.blankToNull(form.code()), Forms.blankToNull(form.name()),
                    new ConversionRequest(text(form.euros()), text(form.units())), text(form.reconversionFee()),
                    text(form.membershipFee())));
            users.create(form.key() + "-admin", new CreateUserRequest(Forms.blankToNull(form.adminUsername()),
                    form.adminPassword(), Role.CURRENCY_ADMIN.name(), null, null, Forms.blankToNull(form.code()), null));
            log.info("currency {} hosted with its administrator {}", form.code(), form.adminUsername());
            return "redirect:/platform?created=" + form.code();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", new CurrencyForm(form.code(), form.name(), form.euros(), form.units(),
                    form.reconversionFee(), form.membershipFee(), form.adminUsername(), "", form.key()));
            return page(model, true);
        }
    }

    private String page(Model model, boolean withStatus) {
        model.addAttribute("currencies", currencies.all().stream()
                .sorted(Comparator.comparing(CurrencyQueries.Currency::code)).toList());
        if (withStatus) {
            StatusController.Status health = status.status();
            model.addAttribute("head", health.head());
            model.addAttribute("behind", health.processors().stream().filter(p -> !p.caughtUp()).toList());
            model.addAttribute("processors", health.processors().size());
        }
        return "platform/platform";
    }

    private static TextNode text(String value) {
        return value == null || value.isBlank() ? null : TextNode.valueOf(value.strip());
    }
}
