package org.mlc.ledger.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.UUID;

/** What a form sends, turned into what the API reads; the API's own checks then apply unchanged. */
public final class Forms {

    private Forms() {
    }

    /**
     * An amount typed the French way or the API's ("20,50", "20.50", " 1 000 "): spaces (also the
     * non-breaking ones a formatted value carries) go, a decimal comma becomes a point; anything
     * else is left for the API's strict check to refuse with its own message.
     */
    public static JsonNode amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return NullNode.getInstance();
        }
        String text = typed.strip().replaceAll("[ \\u00a0\\u202f]", "");
        if (text.chars().filter(c -> c == ',').count() == 1 && text.indexOf('.') < 0) {
            text = text.replace(',', '.');
        }
        return TextNode.valueOf(text);
    }

    /** The idempotency key a form carries, made when the form is shown: a double submit sends it twice. */
    public static String newKey() {
        return "page-" + UUID.randomUUID();
    }

    /** A blank form field as absent. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
