package org.mlc.ledger.api.bank;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mlc.ledger.api.bank.BankStatementController.StatementAnswer;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.web.ApiException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The guarantee fund's bank statement: upload the CSV, see what matched and the lines that did not. */
@PageController
public class BankPages {

    private final BankStatementController statements;
    private final CurrencyQueries currencies;

    public BankPages(BankStatementController statements, CurrencyQueries currencies) {
        this.statements = statements;
        this.currencies = currencies;
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @GetMapping("/association/bank")
    public String form(Model model) {
        return page(model);
    }

    @Allowed(Role.ADMIN)
    @PostMapping("/association/bank")
    public String upload(@RequestParam("currency") String currency, @RequestParam("key") String key,
                         @RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        try {
            if (file == null || file.isEmpty()) {
                throw ApiException.invalid("file", "bank.file-required", "{0} is required: the bank statement as CSV");
            }
            if (file.getSize() > BankStatementController.MAX_STATEMENT_BYTES) {
                throw ApiException.invalid("file", "web.file-max-bytes",
                        "{0} is at most {1} bytes", BankStatementController.MAX_STATEMENT_BYTES);
            }
            StatementAnswer result = statements.importStatement(key, currency, null,
                    new String(file.getBytes(), StandardCharsets.UTF_8));
            model.addAttribute("result", result);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded statement", e);
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
        }
        return page(model);
    }

    private String page(Model model) {
        Caller caller = Caller.current();
        model.addAttribute("currencies", currencies.all().stream().filter(c -> caller.sees(c.code())).toList());
        model.addAttribute("key", Forms.newKey());
        model.addAttribute("header", BankStatementController.HEADER);
        return "association/bank";
    }
}
