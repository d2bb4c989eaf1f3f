package org.mlc.ledger.api.bulk;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mlc.ledger.api.infrastructure.BulkJobsRunning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The currencies with a bulk job running, read from the jobs' table (so a job run by another node
 * counts too) at most once per {@link #REFRESH_MILLIS}: a request asks this only when its currency
 * is busy enough to batch. A job without a currency (an issuance's, which takes the shared turn)
 * is not counted. A reading that fails counts every currency as busy until the next one: a
 * request then runs alone, as it does without group commit.
 */
@Component
public class RunningBulkJobs implements BulkJobsRunning {

    /** How long one reading of the running jobs serves. */
    static final long REFRESH_MILLIS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(RunningBulkJobs.class);
    private static final long REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS);

    private record Reading(Set<String> currencies, boolean failed, long atNanos) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Reading last = new Reading(Set.of(), false, System.nanoTime() - 2 * REFRESH_NANOS);

    public RunningBulkJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean in(String currency) {
        Reading current = last;
        // one request reads again when the reading is old; the others use the old one meanwhile
        if (System.nanoTime() - current.atNanos() > REFRESH_NANOS && reading.compareAndSet(false, true)) {
            try {
                current = read();
                last = current;
            } finally {
                reading.set(false);
            }
        }
        return current.failed() || current.currencies().contains(currency);
    }

    private Reading read() {
        try {
            return new Reading(Set.copyOf(jdbc.queryForList("SELECT DISTINCT currency FROM bulk_job "
                    + "WHERE status = ? AND currency IS NOT NULL", String.class, BulkJobs.RUNNING)), false,
                    System.nanoTime());
        } catch (DataAccessException e) {
            log.warn("could not read the running bulk jobs; every currency's requests run alone for {} ms",
                    REFRESH_MILLIS, e);
            return new Reading(Set.of(), true, System.nanoTime());
        }
    }
}
