package org.mlc.ledger.api.application;

import java.math.BigDecimal;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Anonymous;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.currency.Filieres;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The application forms anyone may fill in (a merchant, a future member; usable on a phone), the
 * association's review of the merchant applications, and the counter's completion of a
 * membership application found by its number. Applicants' words are shown only to the
 * association, escaped like every text of the pages.
 */
@PageController
public class ApplicationPages {

    private final ApplicationController applications;
    private final CurrencyQueries currencies;

    public ApplicationPages(ApplicationController applications, CurrencyQueries currencies) {
        this.applications = applications;
        this.currencies = currencies;
    }

    public record MerchantForm(String currency, String name, String siret, String address, String postcode,
                               String commune, String lat, String lon, String filiere, String email, String phone,
                               String description, String website, boolean charterAccepted, String confirmEmail,
                               String key) {
    }

    public record MemberForm(String currency, String name, String email, String commune, String confirmEmail,
                             String key) {
    }

    @Anonymous
    @GetMapping("/apply/merchant")
    public String merchantForm(@RequestParam(name = "currency", required = false) String currency, Model model) {
        model.addAttribute("form", new MerchantForm(currency, "", "", "", "", "", "", "", "", "", "", "", "", false,
                "", Forms.newKey()));
        return merchantPage(model);
    }

    @Anonymous
    @PostMapping("/apply/merchant")
    public String applyAsMerchant(MerchantForm form, Model model) {
        try {
            ApplicationController.Submitted submitted = applications.applyAsMerchant(form.key(),
                    new ApplicationController.MerchantApplicationRequest(form.currency(), form.name(), form.siret(),
                            form.address(), form.postcode(), form.commune(), degrees(form.lat(), "lat"),
                            degrees(form.lon(), "lon"), form.filiere(), form.email(), Forms.blankToNull(form.phone()),
                            Forms.blankToNull(form.description()), Forms.blankToNull(form.website()),
                            form.charterAccepted(), form.confirmEmail())).getBody();
            model.addAttribute("submitted", submitted);
            return "application/merchant-sent";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", form);
            return merchantPage(model);
        }
    }

    @Anonymous
    @GetMapping("/apply/member")
    public String memberForm(@RequestParam(name = "currency", required = false) String currency, Model model) {
        model.addAttribute("form", new MemberForm(currency, "", "", "", "", Forms.newKey()));
        model.addAttribute("currencies", currencies.all());
        return "application/member";
    }

    @Anonymous
    @PostMapping("/apply/member")
    public String applyAsMember(MemberForm form, Model model) {
        try {
            model.addAttribute("submitted", applications.applyAsMember(form.key(),
                    new ApplicationController.MembershipApplicationRequest(form.currency(), form.name(),
                            form.email(), form.commune(), form.confirmEmail())).getBody());
            return "application/member-sent";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", form);
            model.addAttribute("currencies", currencies.all());
            return "application/member";
        }
    }

    /** The merchant applications of a status (pending by default), for the association. */
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @GetMapping("/association/applications")
    public String review(@RequestParam(name = "status", required = false) String status, Model model) {
        String shown = status == null || status.isBlank() ? "PENDING" : status;
        model.addAttribute("status", shown);
        model.addAttribute("applications", applications.merchantApplications(null, shown).applications());
        model.addAttribute("memberships", applications.membershipApplications(null, "PENDING", null).applications());
        model.addAttribute("filieres", Filieres.STANDARD);
        model.addAttribute("key", Forms.newKey());
        return "application/review";
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/applications/approval")
    public String approve(@RequestParam("id") String id, @RequestParam(name = "filiere", required = false) String filiere,
                          @RequestParam("key") String key, Model model) {
        try {
            ApplicationController.Approval approval = applications.approveMerchant(key, id,
                    new ApplicationController.ApprovalRequest(Forms.blankToNull(filiere)));
            return "redirect:/association/applications?approved=" + approval.username();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return review(null, model);
        }
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/applications/rejection")
    public String reject(@RequestParam("id") String id, @RequestParam(name = "reason", required = false) String reason,
                         @RequestParam("key") String key, Model model) {
        try {
            applications.rejectMerchant(key, id, new ApplicationController.RejectionRequest(reason));
            return "redirect:/association/applications?rejected";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return review(null, model);
        }
    }

    /** The counter finds a membership application by the number the person gives, and completes it. */
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    @CallerCurrency
    @GetMapping("/counter/applications")
    public String findMembership(@RequestParam(name = "number", required = false) String number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("key", Forms.newKey());
        if (number != null && !number.isBlank()) {
            try {
                model.addAttribute("found", applications.membershipApplications(null, null, number).applications());
            } catch (RuntimeException e) {
                model.addAttribute("problem", Problem.orRethrow(e));
            }
        }
        return "application/counter";
    }

    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    @PostMapping("/counter/applications")
    public String completeMembership(@RequestParam("id") String id, @RequestParam("key") String key, Model model) {
        try {
            model.addAttribute("completed", applications.approveMembership(key, id));
            model.addAttribute("key", Forms.newKey());
            return "application/counter";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return findMembership(null, model);
        }
    }

    private String merchantPage(Model model) {
        model.addAttribute("currencies", currencies.all());
        model.addAttribute("filieres", Filieres.STANDARD);
        return "application/merchant";
    }

    private static BigDecimal degrees(String typed, String field) {
        String text = Forms.blankToNull(typed);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "web.degrees-format", "{0} must be decimal degrees");
        }
    }
}
