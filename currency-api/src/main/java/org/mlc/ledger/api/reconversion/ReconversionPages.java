package org.mlc.ledger.api.reconversion;

import org.mlc.ledger.api.account.AccountQueries;
import org.mlc.ledger.api.account.AccountQueries.Account;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.currency.CurrencyQueries.Currency;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.participant.ParticipantQueries.Participant;
import org.mlc.ledger.api.reconversion.ReconversionController.ReconversionAnswer;
import org.mlc.ledger.api.reconversion.ReconversionController.ReconversionRequest;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.web.ApiException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** An approved merchant (or a collectivité) asks for units back in euros, minus the fee. */
@PageController
public class ReconversionPages {

    /** Reconversions shown under the form. */
    public static final int HISTORY_SHOWN = 10;

    private final ReconversionController reconversions;
    private final ReconversionQueries queries;
    private final ParticipantQueries participants;
    private final CurrencyQueries currencies;
    private final AccountQueries accounts;

    public ReconversionPages(ReconversionController reconversions, ReconversionQueries queries,
                             ParticipantQueries participants, CurrencyQueries currencies, AccountQueries accounts) {
        this.reconversions = reconversions;
        this.queries = queries;
        this.participants = participants;
        this.currencies = currencies;
        this.accounts = accounts;
    }

    public record ReconversionForm(String units, String key) {
    }

    /** What the form tells before asking: the currency's name, its fee and the balance to take back from. */
    public record FeeHint(String name, long reconversionFeeBasisPoints, long balanceMinor) {
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
            ReconversionAnswer answer = reconversions.reconvert(form.key(), new ReconversionRequest(
                    Caller.current().participantId(), Forms.amount(form.units()), null)).getBody();
            model.addAttribute("reconversion", answer);
            return "reconversion/done";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", form);
            return page(model);
        }
    }

    private String page(Model model) {
        Participant me = participants.find(Caller.current().participantId())
                .orElseThrow(() -> ApiException.notFound("web.no-participant-for-user",
                        "no participant for this user"));
        Currency currency = currencies.find(me.currency())
                .orElseThrow(() -> ApiException.notFound("web.unknown.currency",
                        "unknown currency {0}", me.currency()));
        Account account = accounts.find(me.accountId())
                .orElseThrow(() -> ApiException.notFound("web.unknown.account", "unknown account {0}", me.accountId()));
        model.addAttribute("fee", new FeeHint(currency.name(), currency.reconversionFeeBasisPoints(),
                account.balanceMinor()));
        model.addAttribute("history", queries.latestOf(me.accountId(), HISTORY_SHOWN));
        return "reconversion/form";
    }
}
