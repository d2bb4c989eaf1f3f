package org.mlc.ledger.common;

import java.util.List;
import java.util.Optional;

/**
 * A command refused for a business reason. The code is stable: the API turns it into the last
 * segment of the problem+json type URI, and clients may rely on it.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final Kind kind;
    /** The input the refusal is about, named as the command's field (null: the command as a whole). */
    private final String field;
    /**
     * The words of the refusal, translatable: a key the API looks up in its message bundles
     * ({@code problem.<key>}, French and English), the English template it falls back on, and the
     * arguments both fill in ({0}, {1}…). Arguments stay typed (ids, {@code Money}) so that the API
     * can show a name or a member number where the message would otherwise show a UUID.
     */
    private final Wording wording;

    /** A refusal's translatable words; {@link #english()} renders the template with plain arguments. */
    public record Wording(String key, String template, List<Object> args) {

        public Wording {
            args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        }

        /**
         * The template with {0}, {1}… replaced by each argument's plain text: its {@code toString()},
         * but an enum constant in lower case ("frozen", "member"), as the sentences read.
         */
        public String english() {
            return fill(template, args.stream().map(Wording::plain).toList());
        }

        private static String plain(Object arg) {
            return arg instanceof Enum<?> constant ? constant.name().toLowerCase(java.util.Locale.ROOT) : String.valueOf(arg);
        }

        /**
         * Where the words of an enum argument (a status, a kind, a means of payment) are found in the
         * API's bundles: {@code problem.value.<EnumSimpleName>.<CONSTANT>}, e.g.
         * {@code problem.value.AccountStatus.FROZEN}; without it the constant reads as in {@link #english()}.
         */
        public static String valueKey(Enum<?> constant) {
            return "problem.value." + constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        }

        /** Replaces {n} by the n-th of the texts; an apostrophe stays an apostrophe (not MessageFormat's quote). */
        public static String fill(String template, List<String> texts) {
            StringBuilder out = new StringBuilder(template.length() + 32);
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                int close = c == '{' ? template.indexOf('}', i) : -1;
                if (close > i + 1) {
                    String inside = template.substring(i + 1, close);
                    if (inside.chars().allMatch(Character::isDigit)) {
                        int index = Integer.parseInt(inside);
                        out.append(index < texts.size() ? texts.get(index) : "{" + inside + "}");
                        i = close + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            }
            return out.toString();
        }
    }

    /** What kind of refusal this is, which the API maps to an HTTP status. */
    public enum Kind {
        /** The input is malformed or out of range (400). */
        INVALID,
        /** Something named does not exist (404). */
        NOT_FOUND,
        /** It exists already or conflicts with the current state of things (409). */
        CONFLICT,
        /** Well-formed, but the rules refuse it (422). */
        REFUSED
    }

    /** @deprecated untranslatable: use a factory with a key ({@link #refused(String, String, String, Object...)}…). */
    @Deprecated
    public DomainException(Kind kind, String code, String message) {
        this(kind, code, new Wording(null, message, List.of()), null);
    }

    private DomainException(Kind kind, String code, Wording wording, String field) {
        super(wording.english(), null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.wording = wording;
    }

    /** The same refusal, about one field of the command (the API names it in the problem). */
    public DomainException naming(String field) {
        return new DomainException(kind, code, wording, field);
    }

    /** The words to translate; {@code key()} is null for a refusal written before they were translatable. */
    public Wording wording() {
        return wording;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    /**
     * A translatable refusal: {@code key} names {@code problem.<key>} in the API's message bundles,
     * {@code english} is the template ({0}, {1}…) used when no translation is found.
     */
    public static DomainException refused(String code, String key, String english, Object... args) {
        return new DomainException(Kind.REFUSED, code, worded(key, english, args), null);
    }

    public static DomainException invalid(String key, String english, Object... args) {
        return new DomainException(Kind.INVALID, "validation", worded(key, english, args), null);
    }

    public static DomainException notFound(String key, String english, Object... args) {
        return new DomainException(Kind.NOT_FOUND, "not-found", worded(key, english, args), null);
    }

    public static DomainException conflict(String code, String key, String english, Object... args) {
        return new DomainException(Kind.CONFLICT, code, worded(key, english, args), null);
    }

    /** A refusal without a key cannot be translated: it is a programming error, found by any test reaching it. */
    private static Wording worded(String key, String english, Object[] args) {
        java.util.Objects.requireNonNull(key, "a refusal needs a key (problem.<key> in the API's bundles)");
        java.util.Objects.requireNonNull(english, "a refusal needs its English template");
        return new Wording(key, english, java.util.Arrays.asList(args));
    }

    /** @deprecated untranslatable: use {@link #refused(String, String, String, Object...)}. */
    @Deprecated
    public static DomainException refused(String code, String message) {
        return new DomainException(Kind.REFUSED, code, message);
    }

    /** @deprecated untranslatable: use {@link #invalid(String, String, Object...)}. */
    @Deprecated
    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, "validation", message);
    }

    /** @deprecated untranslatable: use {@link #notFound(String, String, Object...)}. */
    @Deprecated
    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, "not-found", message);
    }

    /** @deprecated untranslatable: use {@link #conflict(String, String, String, Object...)}. */
    @Deprecated
    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    /** Throws the refusal a policy answered, if it answered one. */
    public static void throwIfAny(Optional<DomainException> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}
