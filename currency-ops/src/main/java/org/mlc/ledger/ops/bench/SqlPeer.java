package org.mlc.ledger.ops.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The peer: a hand-written double-entry ledger in plain SQL, in its own schema of the same
 * PostgreSQL server. A transfer is one transaction: lock both account rows in id order, check the
 * payer's balance, update both balances, insert two entry rows. One connection per client.
 */
public final class SqlPeer implements AutoCloseable {

    public static final String SCHEMA = "bench_peer";

    private final DataSource dataSource;
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicLong transferIds = new AtomicLong();
    private long initialTotalMinor;

    public SqlPeer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the schema afresh with {@code accounts} accounts, each holding its starting balance. */
    public void create(long[] balancesMinor) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".account (id INTEGER PRIMARY KEY, "
                    + "balance_minor BIGINT NOT NULL CHECK (balance_minor >= 0))");
            s.execute("CREATE TABLE " + SCHEMA + ".entry (id BIGSERIAL PRIMARY KEY, transfer_id BIGINT NOT NULL, "
                    + "account_id INTEGER NOT NULL REFERENCES " + SCHEMA + ".account (id), "
                    + "amount_minor BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())");
            s.execute("CREATE INDEX ON " + SCHEMA + ".entry (account_id)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + SCHEMA
                    + ".account (id, balance_minor) VALUES (?, ?)")) {
                for (int i = 0; i < balancesMinor.length; i++) {
                    insert.setInt(1, i);
                    insert.setLong(2, balancesMinor[i]);
                    insert.addBatch();
                    initialTotalMinor += balancesMinor[i];
                }
                insert.executeBatch();
            }
        }
    }

    /** Opens one connection per client (like the ledger's pool, opened before the clock starts). */
    public void open(int clients) throws SQLException {
        while (connections.size() < clients) {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            connections.add(c);
        }
    }

    public LoadRun.Outcome pay(int client, int from, int to, long amountMinor) throws SQLException {
        Connection c = connections.get(client);
        try {
            long payerBalance = -1;
            try (PreparedStatement lock = c.prepareStatement("SELECT id, balance_minor FROM " + SCHEMA
                    + ".account WHERE id IN (?, ?) ORDER BY id FOR UPDATE")) {
                lock.setInt(1, from);
                lock.setInt(2, to);
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getInt(1) == from) {
                            payerBalance = rows.getLong(2);
                        }
                    }
                }
            }
            if (payerBalance < amountMinor) {
                c.rollback();
                return LoadRun.Outcome.failed("insufficient-funds");
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE " + SCHEMA
                    + ".account SET balance_minor = balance_minor + ? WHERE id = ?")) {
                update.setLong(1, -amountMinor);
                update.setInt(2, from);
                update.addBatch();
                update.setLong(1, amountMinor);
                update.setInt(2, to);
                update.addBatch();
                update.executeBatch();
            }
            long transferId = transferIds.incrementAndGet();
            try (PreparedStatement entries = c.prepareStatement("INSERT INTO " + SCHEMA
                    + ".entry (transfer_id, account_id, amount_minor) VALUES (?, ?, ?), (?, ?, ?)")) {
                entries.setLong(1, transferId);
                entries.setInt(2, from);
                entries.setLong(3, -amountMinor);
                entries.setLong(4, transferId);
                entries.setInt(5, to);
                entries.setLong(6, amountMinor);
                entries.executeUpdate();
            }
            c.commit();
            return LoadRun.Outcome.DONE;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * The peer's read of an account right after a write (the bench's read-after-write column): its
     * balance, on the client's connection; the write committed, so it shows at once. -1 if unknown.
     */
    public long balance(int client, int account) throws SQLException {
        Connection c = connections.get(client);
        try (PreparedStatement read = c.prepareStatement("SELECT balance_minor FROM " + SCHEMA
                + ".account WHERE id = ?")) {
            read.setInt(1, account);
            try (ResultSet rows = read.executeQuery()) {
                long balance = rows.next() ? rows.getLong(1) : -1;
                c.commit();
                return balance;
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** The peer's own reconcile: balances still sum to what was put in, every transfer has two lines summing to 0. */
    public String check() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long total;
            try (ResultSet r = s.executeQuery("SELECT COALESCE(SUM(balance_minor), 0) FROM " + SCHEMA + ".account")) {
                r.next();
                total = r.getLong(1);
            }
            long unbalanced;
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM (SELECT transfer_id FROM " + SCHEMA
                    + ".entry GROUP BY transfer_id HAVING SUM(amount_minor) <> 0 OR COUNT(*) <> 2) t")) {
                r.next();
                unbalanced = r.getLong(1);
            }
            long entries;
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + SCHEMA + ".entry")) {
                r.next();
                entries = r.getLong(1);
            }
            if (total != initialTotalMinor || unbalanced != 0 || entries != 2 * transferIds.get()) {
                return "peer books broken: total " + total + " (was " + initialTotalMinor + "), " + unbalanced
                        + " unbalanced transfers, " + entries + " entries for " + transferIds.get() + " transfers";
            }
            return null;
        }
    }

    public long transfers() {
        return transferIds.get();
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at the end of the bench
            }
        }
        connections.clear();
    }
}
