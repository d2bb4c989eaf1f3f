package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.participant.MerchantStatus;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Every refusal of currency-core reads in French: each key the domain throws
 * ({@code DomainException.refused(code, key, english, …)}, {@code invalid(key, english, …)},
 * {@code notFound}, {@code conflict}, {@code new InvalidAmountException(key, english, …)}) has its
 * line {@code problem.<key>} in problems.properties, with the same placeholders as its English
 * template. Read from the domain's sources: a key is a literal, so a new refusal without its French
 * fails here, not on a treasurer's screen.
 */
class ProblemTranslationsTest {

    private static final Path CORE_SOURCES = Path.of("..", "currency-core", "src", "main", "java");
    private static final Path FRENCH = Path.of("src", "main", "resources", "problems.properties");
    private static final Pattern CALL = Pattern.compile(
            "\\b(refused|invalid|notFound|conflict|new InvalidAmountException)\\s*\\(");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** The enums the domain passes as arguments; their words are problem.value.<Enum>.<CONSTANT>. */
    private static final List<Class<? extends Enum<?>>> WORDED_ENUMS = List.of(
            AccountStatus.class, MerchantStatus.class, ParticipantKind.class, PaidBy.class);

    /** key → the English templates it is thrown with (one, when the key is used consistently). */
    private static Map<String, Set<String>> thrown;
    private static List<String> notLiteral;
    private static Properties french;

    @BeforeAll
    static void readSourcesAndBundle() throws IOException {
        assertThat(CORE_SOURCES).as("currency-core's sources, beside this module").isDirectory();
        thrown = new TreeMap<>();
        notLiteral = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORE_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                if (name.equals("DomainException.java") || name.equals("InvalidAmountException.java")) {
                    continue; // the factories' own declarations
                }
                collect(file, withoutComments(Files.readString(file)));
            }
        }
        french = new Properties();
        try (Reader reader = Files.newBufferedReader(FRENCH, StandardCharsets.UTF_8)) {
            french.load(reader);
        }
    }

    @Test
    void theDomainThrowsRefusalsWithLiteralKeysAndTemplates() {
        assertThat(thrown).as("refusals found in currency-core").hasSizeGreaterThan(150);
        assertThat(notLiteral).as("refusals whose key or English template is not a literal").isEmpty();
        assertThat(thrown.keySet()).allSatisfy(key -> assertThat(key).matches("[a-z]+(\\.[a-z0-9-]+)+"));
    }

    @Test
    void aKeyIsThrownWithOneEnglishTemplate() {
        assertThat(thrown).allSatisfy((key, templates) -> assertThat(templates).as(key).hasSize(1));
    }

    @Test
    void everyKeyOfTheDomainHasItsFrenchWithTheSamePlaceholders() {
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        thrown.forEach((key, templates) -> {
            String text = french.getProperty("problem." + key);
            if (text == null || text.isBlank()) {
                missing.add("problem." + key + "=… (English: " + templates.iterator().next() + ")");
                return;
            }
            for (String english : templates) {
                if (!placeholders(english).equals(placeholders(text))) {
                    mismatched.add("problem." + key + ": " + placeholders(english) + " in English, "
                            + placeholders(text) + " in French");
                }
            }
        });
        assertThat(missing).as("keys without French in problems.properties").isEmpty();
        assertThat(mismatched).as("French placeholders unlike the English").isEmpty();
    }

    @Test
    void problemsPropertiesHoldsNoKeyTheDomainNoLongerThrows() {
        Set<String> orphans = new TreeSet<>();
        for (String name : french.stringPropertyNames()) {
            if (name.startsWith("problem.value.")) {
                continue;
            }
            String key = name.substring("problem.".length());
            if (!thrown.containsKey(key)) {
                orphans.add(name);
            }
        }
        assertThat(orphans).as("lines of problems.properties no refusal uses").isEmpty();
    }

    @Test
    void theWordsOfEveryEnumPassedAsAnArgumentAreFrench() {
        for (Class<? extends Enum<?>> type : WORDED_ENUMS) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String key = DomainException.Wording.valueKey(constant);
                assertThat(french.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    @Test
    void noKeyIsWrittenTwiceInTheBundle() throws IOException {
        Map<String, Integer> seen = new TreeMap<>();
        for (String line : Files.readAllLines(FRENCH, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                seen.merge(line.substring(0, equals).strip(), 1, Integer::sum);
            }
        }
        assertThat(seen).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
    }

    @Test
    void thePlaceholderCheckSeesAMissingOrExtraPlaceholder() {
        assertThat(placeholders("account {0} holds {1}")).isNotEqualTo(placeholders("Le compte {0} contient"));
        assertThat(placeholders("between 1/{0} and {0}")).isEqualTo(placeholders("entre 1/{0} et {0}"));
        assertThat(placeholders("e.g. {\"10\": 5}")).isEmpty();
    }

    private static Set<Integer> placeholders(String template) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** Records each factory call of the file: its key and English template, when both are literals. */
    private static void collect(Path file, String source) {
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            List<String> args = arguments(source, call.end());
            boolean withCode = call.group(1).equals("refused") || call.group(1).equals("conflict");
            int keyAt = withCode ? 1 : 0;
            if (args.size() < keyAt + 2) {
                notLiteral.add(file.getFileName() + ": " + call.group() + " with " + args.size() + " arguments");
                continue;
            }
            String key = literal(args.get(keyAt));
            String english = literal(args.get(keyAt + 1));
            if (key == null || english == null) {
                notLiteral.add(file.getFileName() + ": " + call.group() + String.join(", ", args));
                continue;
            }
            thrown.computeIfAbsent(key, k -> new TreeSet<>()).add(english);
        }
    }

    /** The source with its comments blanked out (a comment may say "refused (…)" in passing). */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = endOfString(source, i);
                out.append(source, i, end);
                i = end;
            } else if (c == '\'' && i + 2 < source.length()) {
                int end = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The call's arguments as source text, split at the commas outside brackets and strings. */
    private static List<String> arguments(String source, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = endOfString(source, i);
                current.append(source, i, end);
                i = end - 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!current.toString().isBlank()) {
                        args.add(current.toString().strip());
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    private static int endOfString(String source, int quote) {
        int i = quote + 1;
        while (source.charAt(i) != '"') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** The value of string literals joined by {@code +}, or null when the expression is anything else. */
    private static String literal(String expression) {
        StringBuilder value = new StringBuilder();
        int i = 0;
        boolean expectString = true;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (expectString && c == '"') {
                int end = endOfString(expression, i);
                value.append(unescape(expression.substring(i + 1, end - 1)));
                i = end;
                expectString = false;
            } else if (!expectString && c == '+') {
                i++;
                expectString = true;
            } else {
                return null;
            }
        }
        return expectString ? null : value.toString();
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
