package org.mlc.ledger.api.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot serve (down, restarting, out of disk, read-only) from a bug: the
 * first is answered 503 with a code the client can act on (try again later), nothing having been
 * stored; the second stays a 500. Reads the cause chain, since Axon, Spring and Hikari each wrap
 * the driver's exception their own way.
 */
public final class DatabaseFailures {

    /** The database cannot be reached, or refuses connections while it starts or stops. */
    public static final String UNAVAILABLE = "database-unavailable";
    /** The database accepts reads only (made read-only, or out of disk). */
    public static final String READ_ONLY = "database-read-only";

    private static final int MAX_DEPTH = 20;

    private DatabaseFailures() {
    }

    /** The problem code for a failure of the database, or empty for any other failure. */
    public static Optional<String> classify(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 25006 read_only_sql_transaction; 53100 disk_full (class 53: insufficient resources)
                if (state.equals("25006") || state.equals("53100")) {
                    return Optional.of(READ_ONLY);
                }
                // 08: connection exceptions; 57P01-57P03: shut down by the administrator, crash, starting up
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
                    return Optional.of(UNAVAILABLE);
                }
            }
            if (t instanceof SQLTransientConnectionException      // Hikari: no connection within the timeout
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException) {
                // keep walking: a read-only cause underneath says more
                Optional<String> deeper = t.getCause() == null ? Optional.empty() : classify(t.getCause());
                return Optional.of(deeper.orElse(UNAVAILABLE));
            }
        }
        return Optional.empty();
    }
}
