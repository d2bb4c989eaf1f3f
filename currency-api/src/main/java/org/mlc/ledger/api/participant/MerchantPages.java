package org.mlc.ledger.api.participant;

import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.participant.MerchantController.ApprovalRequest;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.currency.Filieres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The merchants of every currency, those waiting for their agrément first; the administrator approves. */
@PageController
public class MerchantPages {

    public static final int MAX_LISTED = 500;

    private final MerchantController merchants;
    private final JdbcTemplate jdbc;

    public MerchantPages(MerchantController merchants, JdbcTemplate jdbc) {
        this.merchants = merchants;
        this.jdbc = jdbc;
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @GetMapping("/association/merchants")
    public String list(Model model) {
        return page(model);
    }

    public record ApprovalForm(String participant, String filiere, String reason, String key) {
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/merchants/approval")
    public String approve(ApprovalForm form, Model model) {
        try {
            merchants.approve(form.key(), form.participant(), new ApprovalRequest(form.filiere(),
                    Forms.blankToNull(form.reason())));
            return "redirect:/association/merchants?approved=" + form.participant();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return page(model);
        }
    }

    private String page(Model model) {
        List<Map<String, Object>> all = jdbc.queryForList("SELECT participant_id, name, currency, filiere, "
                + "merchant_status, status_reason, status_changed_at FROM participant_view WHERE kind = 'MERCHANT' "
                + "ORDER BY (merchant_status = 'APPROVED'), currency, name LIMIT " + MAX_LISTED);
        model.addAttribute("waiting", all.stream().filter(m -> !"APPROVED".equals(m.get("merchant_status"))).toList());
        model.addAttribute("approved", all.stream().filter(m -> "APPROVED".equals(m.get("merchant_status"))).toList());
        model.addAttribute("filieres", Filieres.STANDARD);
        model.addAttribute("key", Forms.newKey());
        return "association/merchants";
    }
}
