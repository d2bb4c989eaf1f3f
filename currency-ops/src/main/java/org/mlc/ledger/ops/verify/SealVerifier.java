package org.mlc.ledger.ops.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.mlc.ledger.api.seal.SealCodec;
import org.mlc.ledger.api.seal.SealSigner;
import org.postgresql.PGStatement;

/**
 * Recomputes every seal from the event store's rows (docs/hosting.md, "Seals"): each event's digest
 * against the digest stored when it was sealed, each seal's root against its events, each seal's
 * link to the one before and, given the association's public key, its signature. Reads only; one
 * snapshot.
 */
public final class SealVerifier {

    private static final int FETCH_SIZE = 10_000;

    /** What differs, at a global index (or at a seal, {@code globalIndex} -1). */
    public record Finding(long globalIndex, String currency, String what) {
    }

    /** The figures read and what differs, first by global index. */
    public record Report(long events, long seals, int currencies, long unsealed, Map<String, String> latestRoots,
                         List<Finding> findings) {
        public boolean holds() {
            return findings.isEmpty();
        }
    }

    private record Seal(String currency, long sequence, long from, long to, long eventCount, byte[] root,
                        byte[] previousRoot, java.time.Instant at, byte[] signature) {
    }

    private final DataSource dataSource;

    public SealVerifier(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Verifies the chain of {@code currency}, or every chain when null; signatures too when {@code publicKey} is given. */
    public Report verify(String currency, String publicKey) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return verify(connection, currency, publicKey);
            } finally {
                connection.rollback();
            }
        }
    }

    private Report verify(Connection connection, String only, String publicKey) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        Map<String, TreeMap<Long, Seal>> chains = seals(connection, only);
        Map<String, String> latestRoots = new LinkedHashMap<>();
        long sealCount = 0;
        long sealedThrough = 0;
        for (Map.Entry<String, TreeMap<Long, Seal>> chain : chains.entrySet()) {
            List<Seal> inOrder = chain.getValue().values().stream()
                    .sorted(Comparator.comparingLong(Seal::sequence)).toList();
            byte[] previous = SealCodec.GENESIS;
            for (int i = 0; i < inOrder.size(); i++) {
                Seal seal = inOrder.get(i);
                if (seal.sequence() != i) {
                    findings.add(new Finding(-1, seal.currency(), "seal " + seal.currency() + " #" + i
                            + " is missing (the chain goes on at #" + seal.sequence() + ")"));
                } else if (!Arrays.equals(seal.previousRoot(), previous)) {
                    findings.add(new Finding(-1, seal.currency(), name(seal)
                            + ": its previous root is not the root of the seal before it"));
                }
                if (publicKey != null && (seal.signature() == null || !SealSigner.verifies(publicKey,
                        SealCodec.signedText(seal.currency(), seal.sequence(), seal.eventCount(), seal.previousRoot(),
                                seal.root(), seal.at()), seal.signature()))) {
                    findings.add(new Finding(-1, seal.currency(), name(seal) + ": "
                            + (seal.signature() == null ? "not signed" : "its signature does not verify")
                            + " with the given public key"));
                }
                previous = seal.root();
                sealedThrough = Math.max(sealedThrough, seal.to());
            }
            sealCount += inOrder.size();
            if (!inOrder.isEmpty()) {
                latestRoots.put(chain.getKey(), "#" + inOrder.get(inOrder.size() - 1).sequence() + " "
                        + SealCodec.hex(previous));
            }
        }
        Map<String, String> aggregates = aggregates(connection);
        Map<Seal, SealCodec.Root> roots = new HashMap<>();
        Map<Seal, Finding> eventFindings = new LinkedHashMap<>();
        long events = 0;
        String eventsSql = "SELECT " + SealCodec.EVENT_COLUMNS + " FROM domain_event_entry WHERE global_index <= ? "
                + "ORDER BY global_index";
        String digestsSql = "SELECT global_index, currency, digest FROM seal_event WHERE global_index <= ? "
                + "ORDER BY global_index";
        try (PreparedStatement rowsStatement = streaming(connection, eventsSql);
             PreparedStatement leavesStatement = streaming(connection, digestsSql)) {
            rowsStatement.setLong(1, sealedThrough);
            leavesStatement.setLong(1, sealedThrough);
            try (ResultSet rows = rowsStatement.executeQuery(); ResultSet leaves = leavesStatement.executeQuery()) {
                SealCodec.StoredEvent row = rows.next() ? SealCodec.read(rows) : null;
                Leaf leaf = leaves.next() ? Leaf.read(leaves) : null;
                while (row != null || leaf != null) {
                    long index = row == null ? leaf.globalIndex() : leaf == null ? row.globalIndex()
                            : Math.min(row.globalIndex(), leaf.globalIndex());
                    boolean hasRow = row != null && row.globalIndex() == index;
                    boolean hasLeaf = leaf != null && leaf.globalIndex() == index;
                    String currency = hasLeaf ? leaf.currency() : aggregates.getOrDefault(row.aggregateIdentifier(),
                            SealCodec.currencyOf(row.type(), row.aggregateIdentifier(), row.payload()));
                    if (only == null || only.equals(currency)) {
                        Seal seal = covering(chains.get(currency), index);
                        if (hasRow) {
                            byte[] digest = SealCodec.digest(row);
                            events++;
                            if (seal != null) {
                                roots.computeIfAbsent(seal, s -> new SealCodec.Root(s.currency(), s.previousRoot()))
                                        .add(digest);
                            }
                            if (!hasLeaf) {
                                record(findings, eventFindings, seal, new Finding(index, currency, "event #" + index
                                        + " inserted (" + describe(row) + "): it was not in the store when sealed"));
                            } else if (!Arrays.equals(digest, leaf.digest())) {
                                record(findings, eventFindings, seal, new Finding(index, currency, "event #" + index
                                        + " altered (" + describe(row) + "): its bytes differ from those sealed"));
                            }
                        } else {
                            record(findings, eventFindings, seal, new Finding(index, currency, "event #" + index
                                    + " deleted: sealed in " + (seal == null ? currency : name(seal))
                                    + ", no longer in the store"));
                        }
                    }
                    if (hasRow) {
                        row = rows.next() ? SealCodec.read(rows) : null;
                    }
                    if (hasLeaf) {
                        leaf = leaves.next() ? Leaf.read(leaves) : null;
                    }
                }
            }
        }
        for (TreeMap<Long, Seal> chain : chains.values()) {
            for (Seal seal : chain.values()) {
                SealCodec.Root root = roots.get(seal);
                byte[] computed = root == null ? new SealCodec.Root(seal.currency(), seal.previousRoot()).finish()
                        : root.finish();
                long counted = root == null ? 0 : root.events();
                if (!Arrays.equals(computed, seal.root()) || counted != seal.eventCount()) {
                    if (!eventFindings.containsKey(seal)) {
                        findings.add(new Finding(-1, seal.currency(), name(seal)
                                + ": its root does not match its events (" + counted + " read, " + seal.eventCount()
                                + " sealed); the seal or the stored digests were altered"));
                    }
                } else if (eventFindings.containsKey(seal)) {
                    // the events give the sealed root: what differs is the stored digest, not the event
                    Finding stored = eventFindings.get(seal);
                    findings.remove(stored);
                    findings.add(new Finding(stored.globalIndex(), stored.currency(), "the stored digest of event #"
                            + stored.globalIndex() + " was altered (the event itself matches " + name(seal) + ")"));
                }
            }
        }
        findings.sort(Comparator.comparingLong((Finding f) -> f.globalIndex() < 0 ? Long.MAX_VALUE : f.globalIndex()));
        long unsealed = unsealed(connection, sealedThrough);
        return new Report(events, sealCount, chains.size(), unsealed, latestRoots, findings);
    }

    private static void record(List<Finding> findings, Map<Seal, Finding> bySeal, Seal seal, Finding finding) {
        findings.add(finding);
        if (seal != null) {
            bySeal.putIfAbsent(seal, finding);
        }
    }

    private record Leaf(long globalIndex, String currency, byte[] digest) {
        static Leaf read(ResultSet rows) throws SQLException {
            return new Leaf(rows.getLong(1), rows.getString(2), rows.getBytes(3));
        }
    }

    private static Seal covering(TreeMap<Long, Seal> chain, long index) {
        if (chain == null) {
            return null;
        }
        Map.Entry<Long, Seal> floor = chain.floorEntry(index);
        return floor != null && index <= floor.getValue().to() ? floor.getValue() : null;
    }

    private static String name(Seal seal) {
        return "seal " + seal.currency() + " #" + seal.sequence() + " (events #" + seal.from() + "–#" + seal.to() + ")";
    }

    private static String describe(SealCodec.StoredEvent row) {
        String type = row.payloadType() == null ? "?" : row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1);
        return type + " of " + row.aggregateIdentifier() + " #" + row.sequenceNumber();
    }

    private static Map<String, TreeMap<Long, Seal>> seals(Connection connection, String only) throws SQLException {
        Map<String, TreeMap<Long, Seal>> chains = new LinkedHashMap<>();
        String sql = "SELECT currency, sequence, from_index, to_index, event_count, root, previous_root, sealed_at, "
                + "signature FROM seal" + (only == null ? "" : " WHERE currency = ?") + " ORDER BY currency, sequence";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (only != null) {
                statement.setString(1, only);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Seal seal = new Seal(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getBytes(6), rows.getBytes(7), rows.getTimestamp(8).toInstant(),
                            rows.getBytes(9));
                    chains.computeIfAbsent(seal.currency(), c -> new TreeMap<>()).put(seal.from(), seal);
                }
            }
        }
        return chains;
    }

    private static Map<String, String> aggregates(Connection connection) throws SQLException {
        Map<String, String> aggregates = new HashMap<>();
        try (PreparedStatement statement = streaming(connection,
                "SELECT aggregate_identifier, currency FROM seal_aggregate");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                aggregates.put(rows.getString(1), rows.getString(2));
            }
        }
        return aggregates;
    }

    private static long unsealed(Connection connection, long sealedThrough) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE global_index > ?")) {
            statement.setLong(1, sealedThrough);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static PreparedStatement streaming(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        if (statement.isWrapperFor(PGStatement.class)) {
            // payloads in binary, not hex text (EventStoreReconciler says why)
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }
}
