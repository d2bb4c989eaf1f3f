package org.mlc.ledger.money;

import java.util.Arrays;
import org.mlc.ledger.common.DomainException;

/**
 * An amount that a person typed wrong; the message completes "the amount ..." (the API puts the
 * field's name before it). Its words are translatable like a refusal's: {@code problem.<key>}.
 */
public class InvalidAmountException extends IllegalArgumentException {

    private final transient DomainException.Wording wording;

    public InvalidAmountException(String key, String english, Object... args) {
        this(new DomainException.Wording(java.util.Objects.requireNonNull(key, "key"), english, Arrays.asList(args)));
    }

    private InvalidAmountException(DomainException.Wording wording) {
        super(wording.english());
        this.wording = wording;
    }

    /** The words to translate: a fragment completing "the amount …" ("must be greater than zero"). */
    public DomainException.Wording wording() {
        return wording;
    }
}
