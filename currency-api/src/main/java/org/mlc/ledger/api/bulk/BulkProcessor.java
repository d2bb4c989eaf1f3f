package org.mlc.ledger.api.bulk;

import java.util.List;

/** Carries out the lines of one kind of bulk job, a chunk at a time (see {@link BulkJobs}). */
public interface BulkProcessor {

    /** The job kind this processor handles, as stored in {@code bulk_job.kind}. */
    String kind();

    /** Lines handed over at once. */
    int chunkSize();

    /**
     * Carries the chunk out and answers each line's outcome. Runs inside the runner's transaction
     * (which holds the job lock); an outcome is stored in that transaction unless the processor
     * stored it itself, with its effect, in a transaction of its own ({@link Outcome#stored}).
     */
    List<Outcome> process(BulkJobs.Job job, List<BulkLine> lines);

    /** What became of a line: DONE, ALREADY_DONE or REFUSED (with a code and why). */
    record Outcome(int line, String status, String operationId, String code, String detail, boolean stored) {

        public static Outcome done(int line, String operationId) {
            return new Outcome(line, BulkJobs.DONE, operationId, null, null, false);
        }

        public static Outcome alreadyDone(int line, String operationId) {
            return new Outcome(line, BulkJobs.ALREADY_DONE, operationId, null, null, false);
        }

        public static Outcome refused(int line, String operationId, String code, String detail) {
            return new Outcome(line, BulkJobs.REFUSED, operationId, code, detail, false);
        }

        public Outcome storedWithItsEffect() {
            return new Outcome(line, status, operationId, code, detail, true);
        }
    }
}
