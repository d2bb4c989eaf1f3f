package org.mlc.ledger.api.account;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlc.ledger.api.account.AccountController.StatementEntry;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A participant's own account: balance (free and earmarked parts), and the statement with date
 * filters, pages and its CSV download (the API's CSV, unchanged). Reads go through
 * {@link AccountController}, so a participant sees its own account only.
 */
@PageController
public class AccountPages {

    public static final int PAGE_SIZE = 25;

    private final AccountController accounts;
    private final ParticipantQueries participants;
    private final CurrencyQueries currencies;

    public AccountPages(AccountController accounts, ParticipantQueries participants, CurrencyQueries currencies) {
        this.accounts = accounts;
        this.participants = participants;
        this.currencies = currencies;
    }

    /** Whose page this is: the caller's participant, its account and its currency's name. */
    public record Owner(String name, String kind, String accountId, String currencyName) {
    }

    /** A statement line with the counterparty's name where it is a participant's account. */
    public record NamedEntry(StatementEntry entry, String counterpartyName) {
    }

    @Allowed({Role.MEMBER, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @GetMapping("/account")
    public String account(@RequestParam(name = "from", required = false) String from,
                          @RequestParam(name = "to", required = false) String to,
                          @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Owner owner = ownAccount();
        model.addAttribute("owner", owner);
        model.addAttribute("memberNumber", participants.find(Caller.current().participantId())
                .map(org.mlc.ledger.api.participant.ParticipantQueries.Participant::number).orElse(null));
        model.addAttribute("account", accounts.get(owner.accountId()));
        model.addAttribute("statementPath", "/account");
        statement(owner, from, to, page, model);
        return "account/account";
    }

    /**
     * Any participant's account as the association sees it: its balance and its statement, newest
     * first, with the same date filter and pages as the participant's own page.
     */
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @GetMapping("/association/account")
    public String anyAccount(@RequestParam(name = "id") String id,
                             @RequestParam(name = "from", required = false) String from,
                             @RequestParam(name = "to", required = false) String to,
                             @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        AccountController.AccountView account = accounts.get(id);
        Owner owner = owner(account.owner()).orElseThrow(() -> ApiException.notFound("web.unknown.account",
                "unknown account {0}", id));
        model.addAttribute("owner", owner);
        model.addAttribute("account", account);
        model.addAttribute("memberNumber", participants.find(account.owner())
                .map(org.mlc.ledger.api.participant.ParticipantQueries.Participant::number).orElse(null));
        model.addAttribute("statementPath", "/association/account");
        model.addAttribute("statementAccount", owner.accountId());
        statement(owner, from, to, page, model);
        return "account/statement";
    }

    /** One page of the owner's statement, newest first, into the model (a refused filter shown on the form). */
    private void statement(Owner owner, String from, String to, int page, Model model) {
        String accountId = owner.accountId();
        model.addAttribute("statementUnit", owner.currencyName());
        model.addAttribute("from", Forms.blankToNull(from));
        model.addAttribute("to", Forms.blankToNull(to));
        model.addAttribute("page", Math.max(0, page));
        try {
            List<StatementEntry> entries = accounts.statement(accountId, Math.max(0, page), PAGE_SIZE,
                    Forms.blankToNull(from), Forms.blankToNull(to)).entries();
            model.addAttribute("entries", named(entries));
            model.addAttribute("more", entries.size() == PAGE_SIZE);
        } catch (ApiException e) {
            model.addAttribute("problem", Problem.of(e));
            model.addAttribute("entries", List.of());
            model.addAttribute("more", false);
        }
    }

    /** The statement as the API's CSV, in the dialect asked (the page's button asks for a French spreadsheet's). */
    @Allowed({Role.MEMBER, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @GetMapping("/account/statement.csv")
    public ResponseEntity<?> csv(@RequestParam(name = "from", required = false) String from,
                                 @RequestParam(name = "to", required = false) String to,
                                 @RequestParam(name = "dialect", required = false) String dialect) {
        String accountId = ownAccount().accountId();
        return accounts.entries(accountId, 0, AccountController.DEFAULT_PAGE_SIZE, Forms.blankToNull(from),
                Forms.blankToNull(to), "csv", Forms.blankToNull(dialect));
    }

    /** The caller's participant and its account (one currency per participant). */
    private Owner ownAccount() {
        return owner(Caller.current().participantId())
                .orElseThrow(() -> ApiException.notFound("web.no-participant-for-user",
                        "no participant for this user"));
    }

    private java.util.Optional<Owner> owner(String participantId) {
        return participants.find(participantId).flatMap(participant -> currencies.find(participant.currency())
                .map(currency -> new Owner(participant.name(), participant.kind().name(), participant.accountId(),
                        currency.name())));
    }

    private List<NamedEntry> named(List<StatementEntry> entries) {
        Map<String, String> names = participants.namesOfAccounts(entries.stream().map(StatementEntry::counterparty)
                .filter(Objects::nonNull).distinct().toList());
        return entries.stream().map(entry -> new NamedEntry(entry, names.get(entry.counterparty()))).toList();
    }
}
