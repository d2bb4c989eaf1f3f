package org.mlc.ledger.aid;

import java.util.List;
import org.mlc.ledger.common.AidProgramId;

/**
 * Several grants of one programme in one unit of work, each decided on its own: a refused line
 * changes nothing and the others go on (see {@link AidGrantHandler}).
 */
public record GrantAidBatch(AidProgramId programId, List<GrantAid> grants) {

    /** Lines per unit of work: enough to amortise the commit, few enough to hold few locks. */
    public static final int MAX_GRANTS = 500;
}
