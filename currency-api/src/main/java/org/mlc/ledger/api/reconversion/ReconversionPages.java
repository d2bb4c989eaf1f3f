package org.mlc.ledger.api.reconversion;

import java.util.Map;
import org.mlc.ledger.api.reconversion.ReconversionController.ReconversionRequest;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** An approved merchant (or a collectivité) asks for units back in euros, minus the fee. */
@PageController
public class ReconversionPages {

    private final ReconversionController reconversions;
    private final JdbcTemplate jdbc;

    public ReconversionPages(ReconversionController reconversions, JdbcTemplate jdbc) {
        this.reconversions = reconversions;
        this.jdbc = jdbc;
    }

    public record ReconversionForm(String units, String key) {
    }

    @Allowed({Role.MERCHANT, Role.COLLECTIVITE})
    @GetMapping("/reconversion")
    public String form(Model model) {
        model.addAttribute("form", new ReconversionForm("", Forms.newKey()));
        return page(model);
    }

    @Allowed({Role.MERCHANT, Role.COLLECTIVITE})
    @PostMapping("/reconversion")
    public String reconvert(ReconversionForm form, Model model) {
        try {
            Map<String, Object> answer = reconversions.reconvert(form.key(), new ReconversionRequest(
                    Caller.current().participantId(), Forms.amount(form.units()))).getBody();
            model.addAttribute("reconversion", answer);
            return "reconversion/done";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", form);
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("fee", jdbc.queryForMap("SELECT c.name, c.reconversion_fee_basis_points, a.balance_minor "
                + "FROM participant_view p JOIN currency_view c ON c.code = p.currency "
                + "JOIN account_view a ON a.account_id = p.account_id WHERE p.participant_id = ?",
                Caller.current().participantId()));
        model.addAttribute("history", jdbc.queryForList("SELECT r.* FROM reconversion_view r JOIN participant_view p "
                + "ON p.account_id = r.account_id WHERE p.participant_id = ? ORDER BY r.requested_at DESC LIMIT 10",
                Caller.current().participantId()));
        return "reconversion/form";
    }
}
