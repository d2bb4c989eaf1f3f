package org.mlc.ledger.api.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a job on one application node at a time, however many share the database: the job's
 * transaction first takes a PostgreSQL advisory lock named after it
 * ({@code pg_try_advisory_xact_lock}); a node that does not get it skips the run. The lock goes
 * with the transaction, so a node that dies mid-run frees it, and what the job wrote in that
 * transaction commits or rolls back with it.
 */
@Component
public class ClusterJobLock {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobLock.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ClusterJobLock(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What a guarded run gave: whether this node ran it, and the job's answer if it did. */
    public record Run<R>(boolean ran, R result) {
    }

    /** Runs {@code job} in a transaction holding the lock {@code name}, or not at all if another holds it. */
    public <R> Run<R> runExclusively(String name, Supplier<R> job) {
        Run<R> run = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, key(name));
            if (!Boolean.TRUE.equals(locked)) {
                return new Run<>(false, null);
            }
            return new Run<>(true, job.get());
        });
        if (run != null && !run.ran()) {
            log.debug("job {} is running elsewhere: skipped", name);
        }
        return run;
    }

    /**
     * Runs {@code job} while this node holds the lock {@code name} on a connection of its own (a
     * session lock), outside any transaction: for a job whose steps are commands, each in its own
     * transaction, so that one failing does not undo the others. A node that dies closes its
     * connection and frees the lock.
     */
    public <R> Run<R> runExclusivelyInSteps(String name, Supplier<R> job) {
        long key = key(name);
        return jdbc.execute((ConnectionCallback<Run<R>>) connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet result = lock.executeQuery()) {
                    if (!result.next() || !result.getBoolean(1)) {
                        log.debug("job {} is running elsewhere: skipped", name);
                        return new Run<>(false, null);
                    }
                }
            }
            try {
                return new Run<>(true, job.get());
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, key);
                    unlock.execute();
                }
            }
        });
    }

    /** The lock's 64-bit key: the first 8 bytes of the name's SHA-256, the same on every node. */
    public static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = (key << 8) | (digest[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
