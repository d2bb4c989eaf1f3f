package org.mlc.ledger.api.user;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.mlc.ledger.api.mail.Mailer;
import org.mlc.ledger.api.security.Anonymous;
import org.mlc.ledger.api.security.UserSessions;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.PublicUrl;
import org.mlc.ledger.api.web.RequestValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Mot de passe oublié": anyone asks for a link by e-mail address and gets the same answer
 * whether a user has that address or not; the link's token sets a new password once. A welcome
 * link (an approved application) sets the first one the same way.
 */
@RestController
public class PasswordController {

    private static final Logger log = LoggerFactory.getLogger(PasswordController.class);

    private final UserStore users;
    private final PasswordTokens tokens;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final PasswordEncoder encoder;
    private final UserSessions sessions;
    private final TransactionTemplate transactions;
    private final IdempotentCommands commands;

    public PasswordController(UserStore users, PasswordTokens tokens, Mailer mailer, PublicUrl publicUrl,
                              PasswordEncoder encoder, UserSessions sessions, TransactionTemplate transactions,
                              IdempotentCommands commands) {
        this.commands = commands;
        this.users = users;
        this.tokens = tokens;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.encoder = encoder;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    public record ResetRequest(String email, String confirmEmail) {
    }

    public record ResetAnswer(String status) {
    }

    public record NewPasswordRequest(String token, String password) {
    }

    public record NewPasswordAnswer(String username) {
    }

    @Anonymous
    @Operation(summary = "Ask for a password reset link by e-mail (same answer whether the address is known or not)")
    @PostMapping("/api/v1/public/password-resets")
    public ResponseEntity<ResetAnswer> askReset(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestBody ResetRequest request) {
        // checked as on every POST; a resend asks again (the hourly limit per user holds)
        commands.key("password-reset", key, request);
        requestReset(request.email(), request.confirmEmail());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ResetAnswer("SENT_IF_KNOWN"));
    }

    /** Sends a reset link to each enabled user with this address (none: nothing, and the same answer). */
    public void requestReset(String email, String honeypot) {
        String address = RequestValues.requiredText(email, "email");
        if (honeypot != null && !honeypot.isEmpty()) {
            log.info("password reset asked with the honeypot filled: ignored");
            return;
        }
        for (UserStore.User user : users.withEmail(address)) {
            if (!user.enabled() || !tokens.mayReset(user.username())) {
                continue;
            }
            String token = tokens.issue(user.username(), PasswordTokens.Purpose.RESET);
            mailer.send("reset:" + PasswordTokens.hash(token), address, "password-reset",
                    Map.of("username", user.username(), "link", link(token)));
            log.info("password reset link sent for user {}", user.username());
        }
    }

    @Anonymous
    @Operation(summary = "Set a password with the token of a welcome or reset link (once)")
    @PostMapping("/api/v1/public/passwords")
    public NewPasswordAnswer setPassword(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                         @RequestBody NewPasswordRequest request) {
        // checked as on every POST; the hash leaves the password out (as for users)
        commands.key("password-set", key, String.valueOf(request.token()));
        String password = UserController.password(request.password());
        String hash = encoder.encode(password);
        String username = transactions.execute(status -> tokens.use(request.token()).map(user -> {
            users.setPasswordHash(user, hash);
            return user;
        }).orElse(null));
        if (username == null) {
            throw ApiException.invalid("token", "web.password-token-invalid",
                    "{0} is unknown, used or expired: ask for a new link");
        }
        sessions.endAll(username);
        log.info("password set by link for user {}", username);
        return new NewPasswordAnswer(username);
    }

    /** The page's link to choose a password with this token. */
    public String link(String token) {
        return publicUrl.base().path("/password/new").queryParam("token", token).build().toUriString();
    }
}
