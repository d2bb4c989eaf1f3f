package org.mlc.ledger.api.web;

import static org.mlc.ledger.api.web.JavaSourceText.arguments;
import static org.mlc.ledger.api.web.JavaSourceText.literal;
import static org.mlc.ledger.api.web.JavaSourceText.placeholders;
import static org.mlc.ledger.api.web.JavaSourceText.withoutComments;

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
}
