package org.mlc.ledger.api.user;

import org.mlc.ledger.api.participant.ParticipantRefs;
import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.requiredEnum;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.security.SecurityConfiguration;
import org.mlc.ledger.api.security.UserSessions;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.ParticipantId;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The users of the API, managed by an ADMIN: create (bound to a counter or a participant as the
 * role requires), disable, enable, reset the password. Users are not ledger events: they live in
 * {@code app_user}, passwords as bcrypt hashes. A request's hash for its Idempotency-Key leaves the
 * password out, so that no unsalted digest of a password is ever stored.
 */
@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    public static final int MAX_LISTED_USERS = 1000;
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final IdempotentCommands commands;
    private final UserStore store;
    private final CounterQueries counters;
    private final ParticipantQueries participants;
    private final PasswordEncoder encoder;
    private final UserSessions sessions;

    private final ParticipantRefs refs;
    private final CurrencyQueries currencies;

    public UserController(IdempotentCommands commands, UserStore store, CounterQueries counters,
                          ParticipantQueries participants, PasswordEncoder encoder, UserSessions sessions,
                          ParticipantRefs refs, CurrencyQueries currencies) {
        this.refs = refs;
        this.currencies = currencies;
        this.commands = commands;
        this.sessions = sessions;
        this.store = store;
        this.counters = counters;
        this.participants = participants;
        this.encoder = encoder;
    }

    /** {@code currency}: the one a CURRENCY_ADMIN administers, or an AUDITOR reads (none: the whole platform). */
    public record CreateUserRequest(String username, String password, String role, String participant,
                                    String counter, String currency, String email) {
    }

    public record PasswordRequest(String password) {
    }

    public record UserView(String username, String role, String participant, String counter, boolean enabled,
                           String currency, String email) {

        static UserView of(UserStore.User user) {
            return new UserView(user.username(), user.role(), user.participantId(), user.counterId(), user.enabled(),
                    user.currency(), user.email());
        }
    }

    @Allowed(Role.ADMIN)
    @Operation(summary = "Create a user with a role")
    @PostMapping
    public ResponseEntity<UserView> create(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                           String key, @RequestBody CreateUserRequest request) {
        var keyed = commands.key("create-user", key, List.of(String.valueOf(request.username()),
                String.valueOf(request.role()), String.valueOf(request.participant()),
                String.valueOf(request.counter()), String.valueOf(request.currency()), String.valueOf(request.email())));
        String username = username(request.username());
        String password = password(request.password());
        String email = email(request.email());
        Role role = requiredEnum(request.role(), Role.class, "role");
        String participant = null;
        String counter = null;
        if (role == Role.COUNTER_AGENT) {
            counter = id(request.counter(), "counter");
            if (counters.find(counter).isEmpty()) {
                throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", "counter", "web.unknown-counter",
                        "unknown counter {0}", counter);
            }
        } else if (request.counter() != null) {
            throw ApiException.invalid("counter", "web.counter-for-agents", "{0} is only for the role COUNTER_AGENT");
        }
        if (role.boundToParticipant()) {
            participant = refs.participant(request.participant(), "participant").value();
            String boundTo = participant;
            var kind = participants.find(participant).map(found -> found.kind()).orElseThrow(() ->
                    ApiException.of(HttpStatus.NOT_FOUND, "not-found", "participant", "web.unknown-participant",
                            "unknown participant {0}", boundTo));
            if (!kind.name().equals(role.name())) {
                throw ApiException.invalid("participant", "web.participant-kind-not-role", "{0} {1} is a {2}, not a {3}",
                        new ParticipantId(participant), kind, role);
            }
        } else if (request.participant() != null) {
            throw ApiException.invalid("participant", "web.participant-for-bound-roles",
                    "{0} is only for the roles MEMBER, MERCHANT, CCAS, COLLECTIVITE and EMPLOYER");
        }
        String currency = currency(role, request.currency());
        String boundParticipant = participant;
        String boundCounter = counter;
        UserView created = commands.apply(keyed, UserView.class, () -> {
            if (store.find(username).isPresent()) {
                throw ApiException.of(HttpStatus.CONFLICT, "already-exists", "username", "web.user-exists",
                        "user {0} exists already", username);
            }
            store.insert(username, encoder.encode(password), role.name(), boundParticipant, boundCounter, currency,
                    email);
            return find(username);
        });
        return ResponseEntity.created(URI.create("/api/v1/users/" + username)).body(created);
    }

    /** A caller bound to a currency lists the users of its currency only. */
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @Operation(summary = "The users")
    @GetMapping
    public List<UserView> list() {
        return store.list(MAX_LISTED_USERS, Caller.current().currencyOr(null)).stream().map(UserView::of).toList();
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "A user")
    @GetMapping("/{username}")
    public UserView get(@PathVariable("username") String username) {
        return find(username(username));
    }

    /**
     * A disabled user can no longer log in, and its back-office sessions end; the last enabled
     * ADMIN cannot be disabled.
     */
    @Allowed(Role.ADMIN)
    @Operation(summary = "Disable a user")
    @PostMapping("/{username}/disable")
    public UserView disable(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                            @PathVariable("username") String username) {
        var keyed = commands.key("disable-user", key, username);
        find(username(username));
        UserView disabled = commands.apply(keyed, UserView.class, () -> {
            // serialises concurrent disables of administrators
            store.lockAgainstConcurrentChanges();
            UserView user = find(username);
            if (Role.ADMIN.name().equals(user.role()) && user.enabled() && store.enabledAdministrators() <= 1) {
                throw ApiException.of(HttpStatus.CONFLICT, "last-administrator", null, "web.last-administrator",
                        "the last enabled administrator cannot be disabled");
            }
            store.setEnabled(username, false);
            return find(username);
        });
        // once the change is committed: a session read before it would otherwise be saved again
        sessions.endAll(username);
        return disabled;
    }

    @Allowed(Role.ADMIN)
    @Operation(summary = "Enable a user again")
    @PostMapping("/{username}/enable")
    public UserView enable(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                           @PathVariable("username") String username) {
        var keyed = commands.key("enable-user", key, username);
        find(username(username));
        return commands.apply(keyed, UserView.class, () -> {
            store.setEnabled(username, true);
            return find(username);
        });
    }

    /** Sets a new password (the user forgot it, or it leaked); the user's back-office sessions end. */
    @Allowed(Role.ADMIN)
    @Operation(summary = "Reset a user's password")
    @PostMapping("/{username}/password")
    public UserView resetPassword(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                  @PathVariable("username") String username, @RequestBody PasswordRequest request) {
        var keyed = commands.key("reset-password", key, username);
        find(username(username));
        String password = password(request.password());
        UserView changed = commands.apply(keyed, UserView.class, () -> {
            store.setPasswordHash(username, encoder.encode(password));
            return find(username);
        });
        sessions.endAll(username);
        return changed;
    }

    private UserView find(String username) {
        return store.find(username).map(UserView::of)
                .orElseThrow(() -> ApiException.notFound("web.unknown-user", "unknown user {0}", username));
    }

    /**
     * The currency a CURRENCY_ADMIN (required) or an AUDITOR (optional) is bound to; the other roles
     * belong to their counter's or participant's, the platform's ADMIN to none.
     */
    private String currency(Role role, String value) {
        if (role != Role.CURRENCY_ADMIN && role != Role.AUDITOR) {
            if (value != null) {
                throw ApiException.invalid("currency", "web.currency-for-currency-roles",
                        "{0} is only for the roles CURRENCY_ADMIN and AUDITOR");
            }
            return null;
        }
        if (value == null && role == Role.AUDITOR) {
            return null;
        }
        String code = RequestValues.requiredText(value, "currency");
        if (currencies.find(code).isEmpty()) {
            throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", "currency", "web.unknown.currency",
                    "unknown currency {0}", code);
        }
        return code;
    }

    private static String username(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("username", "web.required", "{0} is required");
        }
        if (!USERNAME.matcher(value).matches()) {
            throw ApiException.invalid("username", "web.username-format", "{0} must be 3 to 64 small letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** An optional e-mail address (where a forgotten password's link goes). */
    static String email(String value) {
        String email = org.mlc.ledger.api.web.RequestValues.optionalText(value, "email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiException.invalid("email", "web.email-format", "{0} must be an e-mail address");
        }
        return email;
    }

    static String password(String value) {
        if (value == null) {
            throw ApiException.invalid("password", "web.required", "{0} is required");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (value.length() < MIN_PASSWORD_LENGTH || bytes > SecurityConfiguration.MAX_PASSWORD_BYTES) {
            throw ApiException.invalid("password", "web.password-length", "{0} must be {1} characters to {2} bytes long",
                    MIN_PASSWORD_LENGTH, SecurityConfiguration.MAX_PASSWORD_BYTES);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("password", "web.text-control", "{0} must not contain control characters");
        }
        return value;
    }

}
