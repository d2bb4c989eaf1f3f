package org.mlc.ledger.ledger;

import java.time.Instant;

/**
 * An event that moves value: it carries balanced postings, and says how a participant account's
 * statement shows it. The read side books any such event through this interface alone, so a new
 * value-moving event is booked and journaled without a handler of its own.
 *
 * <p>Events are stored as JSON: methods added here must not look like properties to Jackson (no
 * {@code get}/{@code is} prefix, no Jackson annotation); StoredEventJsonTest holds the JSON.
 */
public interface ValueMovement {

    Postings postings();

    Instant at();

    /** What a statement line of this movement says besides its amount. */
    EntryLabel entryLabel();
}
