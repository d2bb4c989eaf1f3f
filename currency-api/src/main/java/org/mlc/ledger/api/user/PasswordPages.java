package org.mlc.ledger.api.user;

import org.mlc.ledger.api.security.Anonymous;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Mot de passe oublié" and the page of a link's token where a password is chosen. */
@PageController
public class PasswordPages {

    private final PasswordController passwords;
    private final PasswordTokens tokens;

    public PasswordPages(PasswordController passwords, PasswordTokens tokens) {
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Anonymous
    @GetMapping("/password/forgotten")
    public String forgotten() {
        return "user/password-forgotten";
    }

    /** The same page whatever the address: nobody learns from it who has an account. */
    @Anonymous
    @PostMapping("/password/forgotten")
    public String askReset(@RequestParam(name = "email", required = false) String email,
                           @RequestParam(name = "confirmEmail", required = false) String confirmEmail, Model model) {
        try {
            passwords.requestReset(email, confirmEmail);
            model.addAttribute("sent", true);
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
        }
        return "user/password-forgotten";
    }

    @Anonymous
    @GetMapping("/password/new")
    public String newPassword(@RequestParam(name = "token", required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", tokens.valid(token));
        model.addAttribute("key", org.mlc.ledger.api.ui.Forms.newKey());
        return "user/password-new";
    }

    @Anonymous
    @PostMapping("/password/new")
    public String setPassword(@RequestParam(name = "token", required = false) String token,
                              @RequestParam(name = "password", required = false) String password,
                              @RequestParam(name = "key", required = false) String key, Model model) {
        try {
            passwords.setPassword(key, new PasswordController.NewPasswordRequest(token, password));
            return "redirect:/login?password";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("token", token);
            model.addAttribute("valid", tokens.valid(token));
            model.addAttribute("key", org.mlc.ledger.api.ui.Forms.newKey());
            return "user/password-new";
        }
    }
}
