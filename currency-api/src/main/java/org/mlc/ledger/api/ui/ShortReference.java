package org.mlc.ledger.api.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * A short reference a person can read out or type ({@code C-7K3QX9}) for an id that is a UUID:
 * a letter for the kind of thing, then the first 30 bits of the id in Crockford's base 32 (no I,
 * L, O or U, so nothing is misread). It is not unique on its own; it finds the thing among a
 * counter's or an account's few thousands, where two sharing one is a chance in a million a day.
 * {@link #hexPrefix} gives the id's first hex digits to look it up with.
 */
public final class ShortReference {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CHARS = 6;

    private ShortReference() {
    }

    /** The short reference of a UUID-shaped id, or the id itself if it is not one. */
    public static String of(char kind, String id) {
        if (id == null || !id.matches("[0-9a-fA-F]{8}-.*")) {
            return id;
        }
        long bits = Long.parseLong(id.substring(0, 8), 16) >>> 2;
        char[] text = new char[CHARS];
        for (int i = CHARS - 1; i >= 0; i--) {
            text[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return kind + "-" + new String(text);
    }

    /**
     * The first 7 hex digits (28 of the 30 bits) of the ids whose short reference of this kind is
     * {@code reference}, typed in any case and with the usual misreadings (O for 0, I or L for 1);
     * empty if it is not a short reference of this kind. Candidates are then checked with {@link #of}.
     */
    public static Optional<String> hexPrefix(char kind, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String text = reference.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        if (!text.matches(kind + "-?[0-9A-HJKMNP-TV-Z]{" + CHARS + "}")) {
            return Optional.empty();
        }
        long bits = 0;
        for (char c : text.substring(text.length() - CHARS).toCharArray()) {
            bits = (bits << 5) | ALPHABET.indexOf(c);
        }
        return Optional.of(String.format("%07x", bits >>> 2));
    }

    /** The reference as {@link #of} writes it, for comparing with a typed one. */
    public static String normalized(char kind, String reference) {
        return hexPrefix(kind, reference).isEmpty() ? null : kind + "-" + reference.strip().toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1').substring(reference.strip().length() - CHARS);
    }
}
