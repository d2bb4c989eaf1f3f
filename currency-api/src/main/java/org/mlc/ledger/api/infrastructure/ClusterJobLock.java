package org.mlc.ledger.api.infrastructure;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node at a time across all nodes sharing the database: the node
 * holds a PostgreSQL session advisory lock named after the job on a connection of its own while
 * the job runs, and a node that cannot take it skips this round (another node is doing the work).
 * The job's commands run in their own transactions, so one failing does not undo the others; if
 * the node dies, its connection closes and the lock is free again.
 */
@Component
public class ClusterJobLock {

    private final JdbcTemplate jdbc;

    public ClusterJobLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The job's result, or null when another node holds the lock. */
    public <T> T runExclusively(String jobName, Supplier<T> job) {
        String lockName = "mlc-job:" + jobName;
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, lockName);
                try (ResultSet result = lock.executeQuery()) {
                    if (!result.next() || !result.getBoolean(1)) {
                        return null;
                    }
                }
            }
            try {
                return job.get();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, lockName);
                    unlock.execute();
                }
            }
        });
    }
}
