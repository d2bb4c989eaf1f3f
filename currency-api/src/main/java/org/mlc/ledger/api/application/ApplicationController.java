package org.mlc.ledger.api.application;

import static org.mlc.ledger.api.web.RequestValues.id;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.mail.Mailer;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Anonymous;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.ShortReference;
import org.mlc.ledger.api.user.PasswordController;
import org.mlc.ledger.api.user.PasswordTokens;
import org.mlc.ledger.api.user.UserController;
import org.mlc.ledger.api.user.UserStore;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.application.AcceptMembershipApplication;
import org.mlc.ledger.application.ApplicationAccepted;
import org.mlc.ledger.application.ApplicationStatus;
import org.mlc.ledger.application.ApproveMerchantApplication;
import org.mlc.ledger.application.RejectMerchantApplication;
import org.mlc.ledger.application.SubmitMembershipApplication;
import org.mlc.ledger.application.SubmitMerchantApplication;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.Filieres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applications made without an account (#20): a merchant asks for its agrément, a person asks to
 * join. The association reviews them; an approval registers the participant and its user (no
 * password: the welcome e-mail carries a single-use link to choose one). Nothing an applicant sent
 * is shown publicly before approval. A filled honeypot field ({@code confirmEmail}, hidden on the
 * forms) gets the usual answer and records nothing.
 */
@RestController
public class ApplicationController {

    private static final Logger log = LoggerFactory.getLogger(ApplicationController.class);

    public static final int MAX_LISTED = 500;
    public static final int MAX_DESCRIPTION = 1_000;
    /** The password hash of a user who has not chosen one yet: no password matches it. */
    static final String NO_PASSWORD_YET = "!no-password-yet";

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final ApplicationQueries applications;
    private final CurrencyQueries currencies;
    private final ParticipantQueries participants;
    private final CounterQueries counters;
    private final UserStore users;
    private final PasswordTokens tokens;
    private final PasswordController passwords;
    private final Mailer mailer;
    private final Clock clock;

    public ApplicationController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                                 ApplicationQueries applications, CurrencyQueries currencies,
                                 ParticipantQueries participants, CounterQueries counters, UserStore users,
                                 PasswordTokens tokens, PasswordController passwords, Mailer mailer, Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.applications = applications;
        this.currencies = currencies;
        this.participants = participants;
        this.counters = counters;
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.clock = clock;
    }

    public record MerchantApplicationRequest(String currency, String name, String siret, String address,
                                             String postcode, String commune, BigDecimal lat, BigDecimal lon,
                                             String filiere, String email, String phone, String description,
                                             String website, Boolean charterAccepted, String confirmEmail) {
    }

    public record MembershipApplicationRequest(String currency, String name, String email, String commune,
                                               String confirmEmail) {
    }

    /** An application recorded; {@code number} is what a person gives at the counter (memberships only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submitted(String id, String number, String status) {
    }

    public record ApprovalRequest(String filiere) {
    }

    public record RejectionRequest(String reason) {
    }

    /** A participant registered from an application, with its user. */
    public record Approval(String participant, String number, String accountId, String username) {
    }

    public record MerchantApplications(List<ApplicationQueries.MerchantApplication> applications) {
    }

    public record MembershipApplications(List<ApplicationQueries.MembershipApplication> applications) {
    }

    @Anonymous
    @Operation(summary = "Apply as a merchant (anonymous)")
    @PostMapping("/api/v1/public/merchant-applications")
    public ResponseEntity<Submitted> applyAsMerchant(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestBody MerchantApplicationRequest request) {
        var keyed = commands.key("merchant-application", key, request);
        String applicationId = keyed.derivedId("merchant-application");
        CurrencyQueries.Currency currency = currency(request.currency());
        String name = requiredText(request.name(), "name");
        String siret = requiredText(request.siret(), "siret").replace(" ", "");
        String address = requiredText(request.address(), "address");
        String postcode = requiredText(request.postcode(), "postcode");
        String commune = requiredText(request.commune(), "commune");
        String filiere = requiredText(request.filiere(), "filiere");
        String email = requiredText(request.email(), "email");
        String phone = optionalText(request.phone(), "phone");
        String website = optionalText(request.website(), "website");
        String description = RequestValues.optionalLongText(request.description(), "description", MAX_DESCRIPTION);
        if (request.charterAccepted() == null || !request.charterAccepted()) {
            throw ApiException.invalid("charterAccepted", "web.charter-not-accepted", "{0} must be true");
        }
        if (honeypot(request.confirmEmail())) {
            return accepted(new Submitted(applicationId, null, ApplicationStatus.PENDING.name()));
        }
        commands.send(keyed, new SubmitMerchantApplication(applicationId, CurrencyCode.of(currency.code()), name,
                siret, address, postcode, commune, degrees(request.lat()), degrees(request.lon()), filiere, email,
                phone, description, website, true, clock.instant()), String.class);
        readYourWrites.awaitAll(applicationId);
        mailer.send("received:" + applicationId, email, "merchant-application-received",
                Map.of("name", name, "currencyName", currency.name(),
                        "reference", ShortReference.of('C', applicationId)));
        return accepted(new Submitted(applicationId, null, ApplicationStatus.PENDING.name()));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR})
    @CallerCurrency
    @Operation(summary = "The merchant applications, oldest first")
    @GetMapping("/api/v1/merchant-applications")
    public MerchantApplications merchantApplications(@RequestParam(value = "currency", required = false) String currency,
                                                     @RequestParam(value = "status", required = false) String status) {
        String asked = Caller.current().currencyOr(currency);
        return new MerchantApplications(applications.merchants(asked == null ? null : id(asked, "currency"),
                status(status), MAX_LISTED));
    }

    @Allowed(Role.ADMIN)
    @Operation(summary = "Approve a merchant application: the merchant is registered, approved, with its user")
    @PostMapping("/api/v1/merchant-applications/{id}/approval")
    public Approval approveMerchant(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                    @PathVariable("id") String applicationId, @RequestBody ApprovalRequest request) {
        var keyed = commands.key("merchant-application-approval", key,
                Map.of("application", applicationId, "request", request));
        ApplicationQueries.MerchantApplication application = merchantApplication(applicationId);
        String filiere = optionalText(request.filiere(), "filiere");
        if (filiere == null) {
            filiere = application.filiere();
        } else if (!Filieres.PATTERN.matcher(filiere).matches()) {
            throw ApiException.invalid("filiere", "currency.filiere-code",
                    "{0} must be a code like ALIMENTATION (capital letters and _)");
        }
        ApplicationAccepted accepted = commands.send(keyed, new ApproveMerchantApplication(application.id(),
                ParticipantId.of(keyed.derivedId("participant")), AccountId.of(keyed.derivedId("account")), filiere,
                Caller.current().username(), clock.instant()), ApplicationAccepted.class);
        String participant = accepted.participantId().value();
        readYourWrites.awaitAll(participant, application.id());
        String username = userOf(participant, application.name(), application.email(), Role.MERCHANT);
        if (!mailer.written("welcome:" + application.id())) {
            String token = tokens.issue(username, PasswordTokens.Purpose.WELCOME);
            mailer.send("welcome:" + application.id(), application.email(), "merchant-application-approved",
                    Map.of("name", application.name(), "currencyName", currencyName(application.currency()),
                            "filiere", filiere, "username", username, "validity", "7 jours",
                            "link", passwords.link(token)));
        }
        log.info("merchant application {} approved: participant {}, user {}", application.id(), participant,
                username);
        return new Approval(participant, number(participant), accepted.accountId().value(), username);
    }

    @Allowed(Role.ADMIN)
    @Operation(summary = "Reject a merchant application, saying why (the applicant is told)")
    @PostMapping("/api/v1/merchant-applications/{id}/rejection")
    public ApplicationQueries.MerchantApplication rejectMerchant(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable("id") String applicationId, @RequestBody RejectionRequest request) {
        var keyed = commands.key("merchant-application-rejection", key,
                Map.of("application", applicationId, "request", request));
        ApplicationQueries.MerchantApplication application = merchantApplication(applicationId);
        String reason = RequestValues.requiredReason(request.reason(), org.mlc.ledger.participant.Participant.MAX_REASON_LENGTH);
        commands.send(keyed, new RejectMerchantApplication(application.id(), reason, Caller.current().username(),
                clock.instant()), String.class);
        readYourWrites.awaitAll(application.id());
        mailer.send("rejected:" + application.id(), application.email(), "merchant-application-rejected",
                Map.of("name", application.name(), "currencyName", currencyName(application.currency()),
                        "reason", reason));
        return merchantApplication(application.id());
    }

    @Anonymous
    @Operation(summary = "Apply to join as a member (anonymous); the number is given at the counter")
    @PostMapping("/api/v1/public/membership-applications")
    public ResponseEntity<Submitted> applyAsMember(
            @RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
            @RequestBody MembershipApplicationRequest request) {
        var keyed = commands.key("membership-application", key, request);
        String applicationId = keyed.derivedId("membership-application");
        String number = ShortReference.of(ApplicationProjection.NUMBER_KIND, applicationId);
        CurrencyQueries.Currency currency = currency(request.currency());
        String name = requiredText(request.name(), "name");
        String email = requiredText(request.email(), "email");
        String commune = requiredText(request.commune(), "commune");
        if (honeypot(request.confirmEmail())) {
            return accepted(new Submitted(applicationId, number, ApplicationStatus.PENDING.name()));
        }
        commands.send(keyed, new SubmitMembershipApplication(applicationId, CurrencyCode.of(currency.code()), name,
                email, commune, clock.instant()), String.class);
        readYourWrites.awaitAll(applicationId);
        mailer.send("received:" + applicationId, email, "membership-application-received",
                Map.of("name", name, "currencyName", currency.name(), "number", number));
        return accepted(new Submitted(applicationId, number, ApplicationStatus.PENDING.name()));
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COUNTER_AGENT})
    @CallerCurrency
    @Operation(summary = "The membership applications, oldest first, or the one with a number")
    @GetMapping("/api/v1/membership-applications")
    public MembershipApplications membershipApplications(
            @RequestParam(value = "currency", required = false) String currency,
            @RequestParam(value = "status", required = false) String status,
            @RequestParam(value = "number", required = false) String number) {
        Caller caller = Caller.current();
        if (number != null) {
            // an agent finds the applications of its own currency only (an agent's currency: its counter's)
            return new MembershipApplications(applications.membershipByNumber(normalNumber(number)).stream()
                    .filter(application -> caller.sees(application.currency())).toList());
        }
        String asked = caller.currencyOr(currency);
        return new MembershipApplications(applications.memberships(asked == null ? null : id(asked, "currency"),
                status(status), MAX_LISTED));
    }

    /**
     * Completes a membership application: the member is registered with its user (an agent then
     * takes the fee and the first conversion as for any member). An agent completes those of its
     * counter's currency; the administrator any.
     */
    @Allowed({Role.ADMIN, Role.COUNTER_AGENT})
    @Operation(summary = "Complete (approve) a membership application: the member is registered with its user")
    @PostMapping("/api/v1/membership-applications/{id}/approval")
    public Approval approveMembership(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                      @PathVariable("id") String idOrNumber) {
        var keyed = commands.key("membership-application-approval", key, idOrNumber);
        ApplicationQueries.MembershipApplication application = membershipApplication(idOrNumber);
        Caller caller = Caller.current();
        if (caller.role() == Role.COUNTER_AGENT && counters.find(caller.counterId())
                .filter(counter -> counter.currency().equals(application.currency())).isEmpty()) {
            throw Caller.forbidden("web.application-other-currency",
                    "this application is for another currency than your counter's");
        }
        ApplicationAccepted accepted = commands.send(keyed, new AcceptMembershipApplication(application.id(),
                ParticipantId.of(keyed.derivedId("participant")), AccountId.of(keyed.derivedId("account")),
                caller.username(), clock.instant()), ApplicationAccepted.class);
        String participant = accepted.participantId().value();
        readYourWrites.awaitAll(participant, application.id());
        String username = userOf(participant, application.name(), application.email(), Role.MEMBER);
        String memberNumber = number(participant);
        if (!mailer.written("welcome:" + application.id())) {
            String token = tokens.issue(username, PasswordTokens.Purpose.WELCOME);
            mailer.send("welcome:" + application.id(), application.email(), "membership-application-approved",
                    Map.of("name", application.name(), "currencyName", currencyName(application.currency()),
                            "memberNumber", String.valueOf(memberNumber), "username", username,
                            "validity", "7 jours", "link", passwords.link(token)));
        }
        log.info("membership application {} completed by {}: participant {}, user {}", application.id(),
                caller.username(), participant, username);
        return new Approval(participant, memberNumber, accepted.accountId().value(), username);
    }

    /** The user bound to the participant, made on the first call with no password (the link sets it). */
    private String userOf(String participant, String name, String email, Role role) {
        List<UserStore.User> existing = users.ofParticipant(participant);
        if (!existing.isEmpty()) {
            return existing.get(0).username();
        }
        String base = username(name);
        String username = base;
        for (int i = 2; users.find(username).isPresent(); i++) {
            username = base + "-" + i;
        }
        users.insert(username, NO_PASSWORD_YET, role.name(), participant, null, null, email);
        return username;
    }

    /** A user name from a name: small letters and digits without accents, words joined by dots. */
    static String username(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (plain.length() > 50) {
            plain = plain.substring(0, 50).replaceAll("\\.+$", "");
        }
        if (plain.length() < 3) {
            plain = "user." + plain;
        }
        return UserController.USERNAME.matcher(plain).matches() ? plain : "user";
    }

    private String number(String participant) {
        return participants.find(participant).map(ParticipantQueries.Participant::number).orElse(null);
    }

    private CurrencyQueries.Currency currency(String value) {
        String code = id(value, "currency");
        return currencies.find(code).orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "not-found", "currency",
                "web.unknown.currency", "unknown currency {0}", code));
    }

    private String currencyName(String code) {
        return currencies.find(code).map(CurrencyQueries.Currency::name).orElse(code);
    }

    private ApplicationQueries.MerchantApplication merchantApplication(String value) {
        String applicationId = id(value, "id");
        return applications.merchant(applicationId).orElseThrow(() -> ApiException.notFound(
                "web.unknown-application", "unknown application {0}", applicationId));
    }

    private ApplicationQueries.MembershipApplication membershipApplication(String value) {
        String idOrNumber = id(value, "id");
        return applications.membershipByIdOrNumber(idOrNumber)
                .orElseThrow(() -> ApiException.notFound("web.unknown-application", "unknown application {0}",
                        idOrNumber));
    }

    /** A number as typed (any case, with or without its dash). */
    static String normalNumber(String number) {
        String plain = number.strip().toUpperCase().replace("-", "");
        return plain.length() == 7 && plain.charAt(0) == ApplicationProjection.NUMBER_KIND
                ? plain.charAt(0) + "-" + plain.substring(1) : number.strip().toUpperCase();
    }

    private static String status(String status) {
        return status == null ? null : RequestValues.requiredEnum(status, ApplicationStatus.class, "status").name();
    }

    /** Decimal degrees as text, as the domain keeps them (never a binary fraction). */
    private static String degrees(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static boolean honeypot(String value) {
        if (value != null && !value.isEmpty()) {
            log.info("application with the honeypot field filled: answered, not recorded");
            return true;
        }
        return false;
    }

    private static ResponseEntity<Submitted> accepted(Submitted submitted) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(submitted);
    }
}
