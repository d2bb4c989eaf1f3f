package org.mlc.ledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException.Wording;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A refusal's words as a person reads them: the French or English text of its key
 * ({@code problem.<key>} in the message bundles, else the English template), its arguments shown
 * as people know them (a participant by name, a counter by its name, an amount the French way, a
 * date as 03/12/2026, an enum by its label). The API answers in the language its
 * {@code Accept-Language} prefers (English without one: clients and their tests read English);
 * pages in the page's language. Rendering never fails a request: whatever cannot be looked up is
 * shown as a short reference (the first 8 characters of an id), never as a whole UUID.
 */
@Component
public class Wordings {

    private static final Logger log = LoggerFactory.getLogger(Wordings.class);
    static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The one instance, for the static callers (problem documents written by filters, page records). */
    private static volatile Wordings current;

    private final MessageSource messages;
    private final ObjectProvider<ParticipantQueries> participants;
    private final ObjectProvider<CounterQueries> counters;
    private final ObjectProvider<CurrencyQueries> currencies;

    public Wordings(MessageSource messages, ObjectProvider<ParticipantQueries> participants,
                    ObjectProvider<CounterQueries> counters, ObjectProvider<CurrencyQueries> currencies) {
        this.messages = messages;
        this.participants = participants;
        this.counters = counters;
        this.currencies = currencies;
        current = this;
    }

    /** A field of a request as an argument: shown by its label ({@code field.<name>}), else its name. */
    public record Field(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The words in the language the current API request asks for. */
    public static String forApi(Wording wording) {
        Locale locale = apiLocale(currentRequest());
        return render(wording, locale, !isEnglish(locale));
    }

    /** The words in the language of the current page. */
    public static String forPage(Wording wording) {
        return render(wording, LocaleContextHolder.getLocale(), true);
    }

    /**
     * The words in this language; for a person ({@code person}) no whole id is left in them. The plain
     * English when no application context is there to look them up.
     */
    public static String render(Wording wording, Locale locale, boolean person) {
        Wordings wordings = current;
        if (wordings == null) {
            return person ? shortenIds(wording.english()) : wording.english();
        }
        try {
            return wordings.words(wording, locale, person);
        } catch (RuntimeException e) {
            log.warn("could not render the words of {}: {}", wording.key(), e.toString());
            return person ? shortenIds(wording.english()) : wording.english();
        }
    }

    /**
     * The API's language: French when {@code Accept-Language} ranks French above English, English
     * otherwise (also without the header).
     */
    public static Locale apiLocale(HttpServletRequest request) {
        String header = request == null ? null : request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (language.equals("fr") || language.startsWith("fr-")) {
                    return Locale.FRENCH;
                }
                if (language.equals("en") || language.startsWith("en-") || language.equals("*")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
        return Locale.ENGLISH;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
    }

    private String words(Wording given, Locale locale, boolean person) {
        Wording wording = given.key() == null && !isEnglish(locale) ? Legacy.keyed(given) : given;
        List<String> texts = new ArrayList<>(wording.args().size());
        for (Object arg : wording.args()) {
            texts.add(argument(arg, locale, person));
        }
        String text = Wording.fill(template(wording, locale), texts);
        // an id written into old English words: a person reads a short reference, a client the id
        return person ? shortenIds(text) : text;
    }

    private String template(Wording wording, Locale locale) {
        if (wording.key() == null) {
            return wording.template();
        }
        String found = message("problem." + wording.key(), locale);
        return found != null ? found : wording.template();
    }

    /**
     * Words written before refusals were translatable, in the few shapes most of them take ("unknown
     * account 1234…", "amount is required"): given a key so that they read in French too.
     */
    static final class Legacy {

        private static final Pattern UNKNOWN = Pattern.compile("unknown ([a-z][a-z ]{1,40}?) (\\S+)");
        private static final Pattern UNKNOWN_AT_COUNTER = Pattern.compile(
                "unknown ([a-z][a-z ]{1,40}?) (\\S+) at counter (\\S+)");
        private static final Pattern REQUIRED = Pattern.compile("([A-Za-z][A-Za-z0-9.\\[\\]]{0,60}) is required");

        static Wording keyed(Wording wording) {
            String text = wording.english();
            Matcher atCounter = UNKNOWN_AT_COUNTER.matcher(text);
            if (atCounter.matches()) {
                return new Wording("web.unknown-at-counter." + atCounter.group(1).replace(' ', '-'), text,
                        List.of(atCounter.group(2), CounterId.of(atCounter.group(3))));
            }
            Matcher unknown = UNKNOWN.matcher(text);
            if (unknown.matches()) {
                return new Wording("web.unknown." + unknown.group(1).replace(' ', '-'), text,
                        List.of(unknown.group(2)));
            }
            Matcher required = REQUIRED.matcher(text);
            if (required.matches()) {
                return new Wording("web.required", text, List.of(new Field(required.group(1))));
            }
            return wording;
        }
    }

    /** One argument as a person reads it in this language. */
    public String argument(Object arg, Locale locale, boolean person) {
        boolean french = !isEnglish(locale);
        if (arg == null) {
            return "—";
        }
        if (arg instanceof ParticipantId participant) {
            return participant(participant.value());
        }
        if (arg instanceof AccountId account) {
            return account(account.value());
        }
        if (arg instanceof CounterId counter) {
            return counter(counter.value());
        }
        if (arg instanceof Money money) {
            return french ? frenchAmount(money) : money.toString();
        }
        if (arg instanceof LocalDate date) {
            return french ? FRENCH_DATE.format(date) : date.toString();
        }
        // a client reading English gets the API's own names (a field, a role); a person their labels
        if (arg instanceof Field field) {
            return french || person ? label("field." + field.name(), field.name(), locale) : field.name();
        }
        if (arg instanceof Role role) {
            return french || person ? label("role." + role.name(), role.name(), locale) : role.name();
        }
        if (arg instanceof Enum<?> value && !french && !person) {
            return value.name();
        }
        if (arg instanceof Enum<?> value) {
            return label("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(),
                    french ? value.name().toLowerCase(Locale.ROOT).replace('_', ' ') : value.name(), locale);
        }
        String text = String.valueOf(arg);
        if (person && UUID.matcher(text).matches()) {
            return anyId(text);
        }
        return text;
    }

    private String label(String key, String fallback, Locale locale) {
        String found = message(key, locale);
        return found != null ? found : fallback;
    }

    /**
     * A text of the bundles in this language, or null. The bundles fall back on their French base
     * file: an English text counts only where it differs from the French one.
     */
    private String message(String key, Locale locale) {
        if (isEnglish(locale)) {
            String english = messages.getMessage(key, null, null, Locale.ENGLISH);
            String french = messages.getMessage(key, null, null, Locale.FRENCH);
            return english != null && !english.equals(french) ? english : null;
        }
        return messages.getMessage(key, null, null, locale);
    }

    /**
     * The participant's name and member number ("Name (BOUSOL-000123)"), or a short reference when
     * unknown, or of a currency the caller does not see (one association learns no name of another's).
     */
    public String participant(String id) {
        return lookup(() -> participants.getObject().find(id).filter(Wordings::visible).map(Wordings::named), id);
    }

    /** The participant owning the account, named as {@link #participant}, or a short reference. */
    public String account(String id) {
        return lookup(() -> participants.getObject().findByAccount(id).filter(Wordings::visible)
                .map(Wordings::named), id);
    }

    private static boolean visible(ParticipantQueries.Participant participant) {
        Caller caller = Caller.currentOrNull();
        return caller == null || caller.sees(participant.currency());
    }

    private static String named(ParticipantQueries.Participant participant) {
        return participant.number() == null ? participant.name()
                : participant.name() + " (" + participant.number() + ")";
    }

    /** The counter's name, or a short reference. */
    public String counter(String id) {
        return lookup(() -> counters.getObject().find(id).map(c -> c.name()), id);
    }

    /** An id of unknown kind written as text: a participant, an account or a counter, else a short reference. */
    private String anyId(String id) {
        return lookup(() -> participants.getObject().find(id).map(Wordings::named)
                .or(() -> participants.getObject().findByAccount(id).map(Wordings::named))
                .or(() -> counters.getObject().find(id).map(c -> c.name())), id);
    }

    private static String lookup(Supplier<Optional<String>> name, String id) {
        try {
            return name.get().orElseGet(() -> shortReference(id));
        } catch (RuntimeException e) {
            // the database may be the reason of the refusal: the words must not fail with it
            return shortReference(id);
        }
    }

    /** "0,51 Bou'Sol": the amount the French way, the currency by its name. */
    private String frenchAmount(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.FRENCH));
        String name = lookup(() -> currencies.getObject().find(money.currency()).map(c -> c.name()),
                money.currency());
        return format.format(BigDecimal.valueOf(money.amountMinor(), 2)) + " " + name;
    }

    /** The first 8 characters of an id (what a person quotes on the phone); a short text stays whole. */
    public static String shortReference(String id) {
        return id == null ? "—" : id.length() <= 12 ? id : id.substring(0, 8);
    }

    /** Every whole UUID in a text replaced by its short reference. */
    public static String shortenIds(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = UUID.matcher(text);
        return matcher.replaceAll(match -> shortReference(match.group()));
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
