package org.mlc.ledger.common;

/**
 * Why a correction is made (a cancellation, a recount, an undone bank match): kept in its event, so
 * required, and a sentence or two at most. The API checks the text itself before sending.
 */
public final class Reasons {

    public static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    /** The reason without the spaces around it; {@code invalid} naming {@code reason} when blank or too long. */
    public static String required(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty() || reason.length() > MAX_LENGTH) {
            throw DomainException.invalid("reason.required", "a reason of 1 to {0} characters is required", MAX_LENGTH)
                    .naming("reason");
        }
        return stripped;
    }
}
