package org.mlc.ledger.ops.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Reads the event store on its own, never through the projections, folds it with a
 * {@link Reconciliation}, then compares the projections with the fold.
 */
public final class EventStoreReconciler {

    /** Rows per round trip while streaming a table: memory stays flat however large the store. */
    public static final int FETCH_SIZE = 1_000;

    /**
     * Events per round trip: a few MiB of payloads (about 350 bytes each), fewer waits on the database
     * than {@link #FETCH_SIZE}.
     */
    public static final int EVENT_FETCH_SIZE = 10_000;

    /** How often a long run says how far it got. */
    public static final long PROGRESS_EVERY_EVENTS = 100_000;

    /** Where a run stands, for an operator watching a long one. */
    public interface Progress {
        void started(String database);

        void eventsRead(long eventsRead, long globalIndex);
    }

    private final DataSource dataSource;
    private final PayloadReader payloads = new PayloadReader();

    public EventStoreReconciler(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public ReconciliationReport reconcile(Progress progress) throws SQLException {
        Reconciliation reconciliation = new Reconciliation();
        try (Connection connection = dataSource.getConnection()) {
            progress.started(connection.getMetaData().getURL());
            // One snapshot for the events and the projections: what is appended meanwhile is seen by
            // neither. PostgreSQL also honours the fetch size only inside a transaction.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                foldEvents(connection, reconciliation, progress);
                compareLedgerBalance(connection, reconciliation);
                compareAccountView(connection, reconciliation);
                compareNoteInventory(connection, reconciliation);
            } finally {
                connection.rollback();
            }
        }
        return reconciliation.report();
    }

    private void foldEvents(Connection connection, Reconciliation reconciliation, Progress progress)
            throws SQLException {
        String sql = "SELECT global_index, payload_type, payload FROM domain_event_entry ORDER BY global_index";
        try (PreparedStatement statement = streaming(connection, sql)) {
            statement.setFetchSize(EVENT_FETCH_SIZE);
            binaryTransfer(statement);
            try (ResultSet rows = statement.executeQuery()) {
                long eventsRead = 0;
                while (rows.next()) {
                    long globalIndex = rows.getLong(1);
                    String payloadType = rows.getString(2);
                    payloads.read(globalIndex, payloadType, rows.getBytes(3))
                            .foldInto(reconciliation, globalIndex, payloadType);
                    if (++eventsRead % PROGRESS_EVERY_EVENTS == 0) {
                        progress.eventsRead(eventsRead, globalIndex);
                    }
                }
            }
        }
    }

    private static void compareLedgerBalance(Connection connection, Reconciliation reconciliation)
            throws SQLException {
        String sql = "SELECT ledger_account, balance_minor FROM ledger_balance";
        try (PreparedStatement statement = streaming(connection, sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reconciliation.compareLedgerBalance(rows.getString(1), rows.getLong(2));
            }
        }
    }

    private static void compareAccountView(Connection connection, Reconciliation reconciliation)
            throws SQLException {
        String sql = "SELECT account_id, currency, balance_minor FROM account_view";
        try (PreparedStatement statement = streaming(connection, sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reconciliation.compareAccountView(rows.getString(1), rows.getString(2), rows.getLong(3));
            }
        }
    }

    private static void compareNoteInventory(Connection connection, Reconciliation reconciliation)
            throws SQLException {
        String sql = "SELECT currency, series_id, denomination, place, notes FROM note_inventory";
        try (PreparedStatement statement = streaming(connection, sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reconciliation.compareNoteInventory(rows.getString(1), rows.getString(2), rows.getInt(3),
                        rows.getString(4), rows.getLong(5));
            }
        }
    }

    /**
     * Asks PostgreSQL for the payloads in binary. pgjdbc otherwise requests a statement run once as
     * text, in which a bytea is hex: twice the bytes to encode, send and decode, which was half the
     * time of the fold. A negative prepare threshold is pgjdbc's way to force binary results.
     */
    private static void binaryTransfer(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

    private static PreparedStatement streaming(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }
}
