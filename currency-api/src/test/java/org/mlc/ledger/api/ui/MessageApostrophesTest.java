package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages' words and apostrophes: Spring passes a message with arguments through MessageFormat,
 * where an apostrophe is written twice, and shows one without arguments as it is written, where
 * it is written once. Either mistake shows on a page ("l''historique", or words swallowed after
 * "currency's"). The refusals ({@code problem.*}) are worded by their own code and left out.
 */
class MessageApostrophesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void apostrophesAreWrittenAsSpringShowsThem(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> wrong = new ArrayList<>();
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key);
            if (key.startsWith("problem.")) {
                continue;
            }
            boolean withArguments = ARGUMENT.matcher(text).find();
            if (!withArguments && text.contains("''")) {
                wrong.add(key + " (no argument: one apostrophe)");
            }
            if (withArguments && LONE_APOSTROPHE.matcher(text).find()) {
                wrong.add(key + " (arguments: two apostrophes)");
            }
        }
        assertThat(wrong).as(bundle).isEmpty();
    }
}
