package org.mlc.ledger.api.infrastructure;

/**
 * Whether a bulk job of a currency (a grant batch, a collectivité's payment batch) is running
 * now, on any node. Group commit leaves such a currency's requests to run alone: a chunk holds its
 * hundred accounts' locks for its whole unit of work, and a batch that waits for one of them holds
 * every lock it has taken meanwhile, so that the currency's requests queued behind chunks and
 * batches in turn (docs/performance.md, "Group commit").
 */
@FunctionalInterface
public interface BulkJobsRunning {

    boolean in(String currency);
}
