package org.mlc.ledger.issuance;

import java.time.Instant;
import java.util.List;
import org.mlc.ledger.common.IssuanceId;

/**
 * Issues the units of some lines of a funded issuance, each on its own: a line issued already
 * answers so and issues nothing more (a resent chunk), a refused line changes nothing.
 */
public record IssueIssuanceLines(IssuanceId issuanceId, List<String> keys, Instant at) {

    /** Lines per unit of work, as a batch of aid grants. */
    public static final int MAX_KEYS = 500;
}
