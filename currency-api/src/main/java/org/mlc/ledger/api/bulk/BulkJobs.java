package org.mlc.ledger.api.bulk;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.infrastructure.ConflictRetry;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.mlc.ledger.api.infrastructure.ViewLag;
import org.mlc.ledger.api.csv.CsvColumn;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.csv.CsvRows;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.api.web.RequestValues;
import org.springframework.http.ResponseEntity;
import org.mlc.ledger.money.Amounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk jobs (grants of an aid programme, payments of a collectivité): an upload is stored as a job
 * and its lines in one transaction, answered at once, and carried out in the background a chunk at
 * a time. Each chunk runs in one transaction that holds the cluster lock {@value #LOCK}, so one
 * node works on the jobs at a time, a chunk's effects and its lines' outcomes commit together, and
 * a node that stops mid-job leaves the rest for the next run (on any node, within
 * {@code mlc.bulk.poll-millis}). Progress is read from the lines as they are done.
 *
 * <p>Jobs are served fairly between the currencies a deployment hosts: the next chunk is of the
 * currency served longest ago (a new job's currency first), so that one association's 10,000-line
 * batch does not hold another's back for its whole length; and at most
 * {@code mlc.bulk.max-running-jobs-per-currency} jobs of one currency are in progress at once (its
 * further jobs wait their turn, oldest first).
 */
@Component
public class BulkJobs implements DisposableBean {

    /** Lines in one upload, as issue #6 asks (and the body limit of bulk uploads allows). */
    public static final int MAX_LINES = 10_000;
    /** A job's lines listed at most in one answer; the CSV gives them all. */
    public static final int MAX_LINES_SHOWN = 1_000;
    public static final String LOCK = "bulk-jobs";
    /** A chunk that lost a race or a deadlock is run again at once this many times in a row, then at the next poll. */
    static final int MAX_CONFLICT_RETRIES = 5;

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String ALREADY_DONE = "ALREADY_DONE";
    public static final String REFUSED = "REFUSED";
    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";

    private static final Logger log = LoggerFactory.getLogger(BulkJobs.class);

    /** A job as the processors see it; {@code currency}: the one whose turn it takes (null: a shared turn). */
    public record Job(String jobId, String kind, String targetId, String ownerId, String createdBy,
                      String currency) {

        public Job(String jobId, String kind, String targetId, String ownerId, String createdBy) {
            this(jobId, kind, targetId, ownerId, createdBy, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ClusterJobLock lock;
    private final Clock clock;
    private final Map<String, BulkProcessor> processors;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "bulk-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ProcessorPositions positions;
    private final int maxRunningJobsPerCurrency;
    private final ViewLag viewLag;
    private final long maxViewsBehindMillis;
    private final long maxViewWaitMillis;

    public BulkJobs(JdbcTemplate jdbc, TransactionTemplate transactions, ClusterJobLock lock, Clock clock,
                    List<BulkProcessor> processors, ProcessorPositions positions, ViewLag viewLag,
                    @org.springframework.beans.factory.annotation.Value("${mlc.bulk.max-running-jobs-per-currency:2}") int maxRunningJobsPerCurrency,
                    @org.springframework.beans.factory.annotation.Value("${mlc.bulk.max-views-behind-millis:250}") long maxViewsBehindMillis,
                    @org.springframework.beans.factory.annotation.Value("${mlc.bulk.max-view-wait-millis:30000}") long maxViewWaitMillis) {
        this.jdbc = jdbc;
        this.viewLag = viewLag;
        this.maxViewsBehindMillis = maxViewsBehindMillis;
        this.maxViewWaitMillis = maxViewWaitMillis;
        this.maxRunningJobsPerCurrency = maxRunningJobsPerCurrency;
        this.positions = positions;
        this.transactions = transactions;
        this.lock = lock;
        this.clock = clock;
        this.processors = processors.stream().collect(Collectors.toMap(BulkProcessor::kind, Function.identity()));
    }

    /**
     * Stores a job and its lines (once: the same job id again stores nothing) and starts it.
     * Lines that could not be read are stored as refused already.
     */
    public void create(Job job, List<BulkLine> lines) {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a job has 1 to " + MAX_LINES + " lines");
        }
        transactions.executeWithoutResult(status -> {
            int created = jdbc.update("INSERT INTO bulk_job (job_id, kind, target_id, owner_id, created_by, status, "
                            + "total_lines, done_lines, succeeded_lines, refused_lines, created_at, currency) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?) ON CONFLICT (job_id) DO NOTHING",
                    job.jobId(), job.kind(), job.targetId(), job.ownerId(), job.createdBy(), RUNNING, lines.size(),
                    Timestamp.from(clock.instant()), job.currency());
            if (created == 0) {
                return;
            }
            jdbc.batchUpdate("INSERT INTO bulk_line (job_id, line, line_key, party_id, amount_minor, expires_on, "
                            + "reference, status, code, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, 1_000,
                    (ps, line) -> {
                        ps.setString(1, job.jobId());
                        ps.setInt(2, line.line());
                        ps.setString(3, line.key());
                        ps.setString(4, line.partyId());
                        ps.setObject(5, line.amountMinor());
                        ps.setObject(6, line.expiresOn() == null ? null : Date.valueOf(line.expiresOn()));
                        ps.setString(7, line.reference());
                        ps.setString(8, line.readable() ? PENDING : REFUSED);
                        ps.setString(9, line.code());
                        ps.setString(10, line.detail());
                    });
            log.info("bulk job {} ({} of {}) stored: {} lines", job.jobId(), job.kind(), job.targetId(), lines.size());
        });
        wake();
    }

    /** Starts working on the pending jobs now, in the background (once, however often called). */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                runPending();
            });
        }
    }

    /** The safety net: jobs left by a node that stopped, or woken on another node, are picked up. */
    @Scheduled(fixedDelayString = "${mlc.bulk.poll-millis:5000}", initialDelayString = "${mlc.bulk.poll-millis:5000}")
    void poll() {
        wake();
    }

    /**
     * Works chunk after chunk until no job is left or another node holds the lock. Between two
     * chunks it lets the views come within {@code mlc.bulk.max-views-behind-millis}: a job writes
     * far faster than the projections book, and left alone a 10,000-line batch put them 13,000
     * events behind, so that every read of every currency waited (docs/performance.md). The job
     * goes on after {@code mlc.bulk.max-view-wait-millis} whatever the views do.
     */
    void runPending() {
        int conflicts = 0;
        while (true) {
            try {
                ClusterJobLock.Run<Boolean> run = lock.runExclusively(LOCK, this::nextChunk);
                if (run == null || !run.ran() || !Boolean.TRUE.equals(run.result())) {
                    return;
                }
                conflicts = 0;
            } catch (RuntimeException e) {
                // the chunk rolled back: its lines are still pending. A chunk that lost a race or a
                // deadlock for an account to a request is run again at once; anything else waits
                // for the next poll
                if (ConflictRetry.isConflict(e) && ++conflicts <= MAX_CONFLICT_RETRIES) {
                    log.info("bulk chunk lost a race or a deadlock for an account; running it again (retry {} of {})", conflicts,
                            MAX_CONFLICT_RETRIES);
                    continue;
                }
                log.error("bulk chunk failed; retrying at the next poll", e);
                return;
            }
            if (!viewLag.awaitWithin(maxViewsBehindMillis, maxViewWaitMillis)) {
                log.info("bulk jobs go on with the views {} ms behind after waiting {} ms", viewLag.behindMillis(),
                        maxViewWaitMillis);
            }
        }
    }

    /**
     * One chunk of the next job in the fair queue; false when there is nothing left to do. Of each
     * currency, its oldest {@code maxRunningJobsPerCurrency} running jobs may go; of those, the
     * job of the currency served longest ago (never served: first), then the job of that currency
     * served longest ago. Served is the database's clock_timestamp(), which moves on even while a
     * test holds the application's clock.
     */
    private boolean nextChunk() {
        List<Map<String, Object>> jobs = jdbc.queryForList("WITH running AS (SELECT job_id, kind, target_id, "
                + "owner_id, created_by, currency, created_at, last_chunk_at, COALESCE(currency, '') AS turn, "
                + "row_number() OVER (PARTITION BY COALESCE(currency, '') ORDER BY created_at, job_id) AS place "
                + "FROM bulk_job WHERE status = ?), "
                + "served AS (SELECT turn, max(last_chunk_at) AS at FROM running GROUP BY turn) "
                + "SELECT r.job_id, r.kind, r.target_id, r.owner_id, r.created_by, r.currency FROM running r "
                + "JOIN served s ON s.turn = r.turn WHERE r.place <= ? "
                + "ORDER BY s.at NULLS FIRST, r.last_chunk_at NULLS FIRST, r.created_at, r.job_id LIMIT 1",
                RUNNING, maxRunningJobsPerCurrency);
        if (jobs.isEmpty()) {
            return false;
        }
        Map<String, Object> row = jobs.get(0);
        Job job = new Job((String) row.get("job_id"), (String) row.get("kind"), (String) row.get("target_id"),
                (String) row.get("owner_id"), (String) row.get("created_by"), (String) row.get("currency"));
        jdbc.update("UPDATE bulk_job SET last_chunk_at = clock_timestamp() WHERE job_id = ?", job.jobId());
        BulkProcessor processor = processors.get(job.kind());
        if (processor == null) {
            throw new IllegalStateException("no processor for bulk jobs of kind " + job.kind());
        }
        List<BulkLine> lines = jdbc.query("SELECT line, line_key, party_id, amount_minor, expires_on, reference "
                        + "FROM bulk_line WHERE job_id = ? AND status = ? ORDER BY line LIMIT ?",
                (rs, i) -> new BulkLine(rs.getInt("line"), rs.getString("line_key"), rs.getString("party_id"),
                        (Long) rs.getObject("amount_minor"),
                        rs.getDate("expires_on") == null ? null : rs.getDate("expires_on").toLocalDate(),
                        rs.getString("reference"), null, null),
                job.jobId(), PENDING, processor.chunkSize());
        if (!lines.isEmpty()) {
            List<BulkProcessor.Outcome> outcomes = processor.process(job, lines);
            List<BulkProcessor.Outcome> toStore = outcomes.stream().filter(o -> !o.stored()).toList();
            jdbc.batchUpdate("UPDATE bulk_line SET status = ?, operation_id = ?, code = ?, detail = ? "
                    + "WHERE job_id = ? AND line = ?", toStore, 1_000, (ps, o) -> {
                        ps.setString(1, o.status());
                        ps.setString(2, o.operationId());
                        ps.setString(3, o.code());
                        ps.setString(4, o.detail() == null ? null
                                : o.detail().substring(0, Math.min(500, o.detail().length())));
                        ps.setString(5, job.jobId());
                        ps.setInt(6, o.line());
                    });
        }
        boolean finished = lines.size() < processor.chunkSize();
        jdbc.update("UPDATE bulk_job SET done_lines = c.done, succeeded_lines = c.succeeded, refused_lines = c.refused, "
                        + "status = CASE WHEN c.done = total_lines THEN ? ELSE status END, "
                        + "finished_at = CASE WHEN c.done = total_lines THEN ? ELSE finished_at END "
                        + "FROM (SELECT COUNT(*) FILTER (WHERE status <> ?) AS done, "
                        + "COUNT(*) FILTER (WHERE status IN (?, ?)) AS succeeded, "
                        + "COUNT(*) FILTER (WHERE status = ?) AS refused FROM bulk_line WHERE job_id = ?) c "
                        + "WHERE job_id = ?", FINISHED, Timestamp.from(clock.instant()), PENDING, DONE, ALREADY_DONE,
                REFUSED, job.jobId(), job.jobId());
        Map<String, Object> progress = jdbc.queryForMap("SELECT done_lines, total_lines, status FROM bulk_job "
                + "WHERE job_id = ?", job.jobId());
        log.info("bulk job {}: {} of {} lines done", job.jobId(), progress.get("done_lines"), progress.get("total_lines"));
        if (finished && !FINISHED.equals(progress.get("status"))) {
            throw new IllegalStateException("bulk job " + job.jobId() + " has lines neither pending nor done");
        }
        return true;
    }

    /** A line of a job and its outcome; also a line of the job's CSV. */
    public record LineView(int line, String key, String party, String amount, String status, String operation,
                           String code, String detail) {
    }

    /**
     * A job with its progress and lines. {@code caughtUp} is only in a GET's answer: once FINISHED,
     * whether the read side (balances, statements, reports) shows all it did yet. A client wanting
     * to read its effects polls until both; the job's effects are in the ledger as soon as it is
     * FINISHED.
     */
    public record JobView(String id, String kind, String target, String status, int total, int done, int succeeded,
                          int refused, String createdAt, String finishedAt, List<LineView> lines,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean caughtUp) {

        JobView caughtUp(boolean caughtUp) {
            return new JobView(id, kind, target, status, total, done, succeeded, refused, createdAt, finishedAt,
                    lines, caughtUp);
        }
    }

    /** The job with its progress, and its lines (at most {@link #MAX_LINES_SHOWN} from {@code fromLine}). */
    public JobView view(String jobId, int fromLine, boolean allLines) {
        JobView job = jdbc.query("SELECT kind, target_id, status, total_lines, done_lines, succeeded_lines, "
                + "refused_lines, created_at, finished_at FROM bulk_job WHERE job_id = ?", (rs, i) -> {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new JobView(jobId, rs.getString("kind"), rs.getString("target_id"), rs.getString("status"),
                            rs.getInt("total_lines"), rs.getInt("done_lines"), rs.getInt("succeeded_lines"),
                            rs.getInt("refused_lines"), rs.getTimestamp("created_at").toInstant().toString(),
                            finished == null ? null : finished.toInstant().toString(), List.of(), null);
                }, jobId).stream().findFirst().orElse(null);
        if (job == null) {
            return null;
        }
        List<LineView> lines = jdbc.query("SELECT line, line_key, party_id, amount_minor, status, operation_id, code, "
                        + "detail FROM bulk_line WHERE job_id = ? AND line >= ? ORDER BY line LIMIT ?", (rs, i) -> {
                    Long amount = rs.getObject("amount_minor", Long.class);
                    return new LineView(rs.getInt("line"), rs.getString("line_key"), rs.getString("party_id"),
                            amount == null ? null : Amounts.format(amount), rs.getString("status"),
                            rs.getString("operation_id"), rs.getString("code"), rs.getString("detail"));
                }, jobId, fromLine, allLines ? MAX_LINES : MAX_LINES_SHOWN);
        return new JobView(jobId, job.kind(), job.target(), job.status(), job.total(), job.done(), job.succeeded(),
                job.refused(), job.createdAt(), job.finishedAt(), lines, null);
    }

    /** Who a job belongs to (the participant that uploaded it), or null for an unknown job. */
    /** A job's lines as CSV columns; a line's status in French words in the French dialect. */
    public static final List<CsvColumn> LINES_CSV = List.of(CsvColumn.number("line"), CsvColumn.text("key"),
            CsvColumn.text("party"), CsvColumn.decimal("amount"), CsvColumn.word("status", "csv.status."),
            CsvColumn.text("operation"), CsvColumn.text("code"), CsvColumn.text("detail"));

    /**
     * A bulk job's progress as a GET answers it (JSON, or its lines as CSV with {@code format=csv},
     * in a French spreadsheet's dialect with {@code dialect=fr}), when the job is of this kind and
     * for this target; 404 otherwise.
     */
    public ResponseEntity<?> progressAnswer(String jobId, String kind, String targetId, int fromLine, String format,
                                            String dialect, String what, ReadYourWrites readYourWrites,
                                            CsvFiles csvFiles) {
        Map<String, Object> header = header(RequestValues.id(jobId, "batchId"));
        if (header == null || !kind.equals(header.get("kind")) || !targetId.equals(header.get("target_id"))) {
            throw "grant".equals(what)
                    ? ApiException.notFound("web.unknown.grant-batch", "unknown grant batch {0}", jobId)
                    : ApiException.notFound("web.unknown.payment-batch", "unknown payment batch {0}", jobId);
        }
        CsvDialect csv = CsvDialect.asked(format, dialect);
        JobView view = view(jobId, Math.max(1, fromLine), csv != null);
        view = view.caughtUp(FINISHED.equals(view.status()) && readYourWrites.caughtUp(positions.head()));
        if (csv != null) {
            return csvFiles.answer(csv, what + "s-" + jobId + ".csv", LINES_CSV, CsvRows.of(view.lines()));
        }
        return ResponseEntity.ok(view);
    }

    public Map<String, Object> header(String jobId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT kind, target_id, owner_id FROM bulk_job "
                + "WHERE job_id = ?", jobId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** For a job whose line has been done before under the same operation id (a resent line). */
    public boolean alreadyDone(String operationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM bulk_line WHERE operation_id = ? "
                + "AND status = ?)", Boolean.class, operationId, DONE));
    }

    /**
     * Marks a line done with its operation, in the caller's transaction: for a processor whose lines
     * each commit with their effect ({@code Outcome.storedWithItsEffect()}).
     */
    public void markDone(String jobId, int line, String operationId) {
        jdbc.update("UPDATE bulk_line SET status = ?, operation_id = ? WHERE job_id = ? AND line = ?", DONE,
                operationId, jobId, line);
    }

    Instant now() {
        return clock.instant();
    }
}
