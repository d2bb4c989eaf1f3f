package org.mlc.ledger.api.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;

    public AccountPages(AccountController accounts, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Allowed({Role.MEMBER, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE})
    @GetMapping("/account")
    public String account(@RequestParam(name = "from", required = false) String from,
                          @RequestParam(name = "to", required = false) String to,
                          @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Map<String, Object> owner = ownAccount();
        String accountId = (String) owner.get("account_id");
        model.addAttribute("owner", owner);
        model.addAttribute("account", accounts.get(accountId));
        model.addAttribute("from", Forms.blankToNull(from));
        model.addAttribute("to", Forms.blankToNull(to));
        model.addAttribute("page", Math.max(0, page));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> statement = (Map<String, Object>) accounts.entries(accountId, Math.max(0, page),
                    PAGE_SIZE, Forms.blankToNull(from), Forms.blankToNull(to), null).getBody();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) statement.get("entries");
            model.addAttribute("entries", named(entries));
            model.addAttribute("more", entries.size() == PAGE_SIZE);
        } catch (ApiException e) {
            model.addAttribute("problem", Problem.of(e));
            model.addAttribute("entries", List.of());
            model.addAttribute("more", false);
        }
        return "account/account";
    }

    /** The statement as the API's CSV (plain amounts, ISO times), for a spreadsheet. */
    @Allowed({Role.MEMBER, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE})
    @GetMapping("/account/statement.csv")
    public ResponseEntity<?> csv(@RequestParam(name = "from", required = false) String from,
                                 @RequestParam(name = "to", required = false) String to) {
        String accountId = (String) ownAccount().get("account_id");
        return accounts.entries(accountId, 0, AccountController.DEFAULT_PAGE_SIZE, Forms.blankToNull(from),
                Forms.blankToNull(to), "csv");
    }

    /** The caller's participant and its account (one currency per participant). */
    private Map<String, Object> ownAccount() {
        Caller caller = Caller.current();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT p.participant_id, p.name, p.kind, p.currency, "
                + "p.account_id, p.filiere, p.merchant_status, c.name AS currency_name FROM participant_view p "
                + "JOIN currency_view c ON c.code = p.currency WHERE p.participant_id = ?", caller.participantId());
        if (rows.isEmpty()) {
            throw ApiException.notFound("no participant for this user");
        }
        return rows.get(0);
    }

    /** Statement lines with the counterparty's name where it is a participant's account. */
    private List<Map<String, Object>> named(List<Map<String, Object>> entries) {
        List<String> ids = entries.stream().map(e -> (String) e.get("counterparty")).filter(id -> id != null)
                .distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT account_id, name FROM participant_view WHERE account_id IN ("
                    + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")", rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    }, ids.toArray());
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            Map<String, Object> line = new LinkedHashMap<>(entry);
            line.put("counterpartyName", names.get((String) entry.get("counterparty")));
            lines.add(line);
        }
        return lines;
    }
}
