package org.mlc.ledger.api.participant;

import java.util.List;
import org.mlc.ledger.api.participant.MerchantController.ApprovalRequest;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.participant.ParticipantQueries.Participant;
import org.mlc.ledger.currency.Filieres;
import org.mlc.ledger.participant.MerchantStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The merchants of every currency, those waiting for their agrément first; the administrator approves. */
@PageController
public class MerchantPages {

    public static final int MAX_LISTED = 500;

    private final MerchantController merchants;
    private final ParticipantQueries participants;

    public MerchantPages(MerchantController merchants, ParticipantQueries participants) {
        this.merchants = merchants;
        this.participants = participants;
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
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
        Caller caller = Caller.current();
        List<Participant> all = participants.merchantsForReview(MAX_LISTED).stream()
                .filter(merchant -> caller.sees(merchant.currency())).toList();
        model.addAttribute("waiting", all.stream().filter(m -> m.merchantStatus() != MerchantStatus.APPROVED).toList());
        model.addAttribute("approved", all.stream().filter(m -> m.merchantStatus() == MerchantStatus.APPROVED).toList());
        model.addAttribute("filieres", Filieres.STANDARD);
        model.addAttribute("key", Forms.newKey());
        return "association/merchants";
    }
}
