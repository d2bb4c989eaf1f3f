package org.mlc.ledger.api.seal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Appends one round of seals: every event from the last sealed index up to the store's safe
 * point, one seal per currency that has events in it. Plain JDBC on the caller's transaction (the
 * job's, under its cluster lock), so that the operator tool's tests seal a store with it too.
 * <p>
 * <b>The safe point.</b> PostgreSQL hands out global indexes when a row is inserted and the row is
 * seen when its transaction commits, so indexes commit out of order: index 41 may still be in
 * flight while 42 is visible. A seal past 41 would leave it out for good. So: read the sequence's
 * last value {@code L} first, then the transactions holding a write lock on the event table (every
 * insert takes it before its default draws an index, and keeps it to commit or rollback), and
 * wait until those have ended. Any index up to {@code L} was drawn by one of them or by a
 * transaction already ended, so up to {@code L} nothing more can appear. Transactions that begin
 * writing meanwhile draw indexes above {@code L}. If a writer does not end within the wait, this
 * round seals nothing.
 */
public final class SealWriter {

    /** One seal appended. */
    public record Seal(String currency, long sequence, long fromIndex, long toIndex, long eventCount, byte[] root,
                       byte[] previousRoot, Instant at, byte[] signature) {
    }

    /** What a round did: the safe point it read up to (-1 if a writer held it back), and its seals. */
    public record Round(long safePoint, long events, List<Seal> seals, boolean heldBack) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SealSigner signer;
    private final Duration writerWait;
    private final int maxEvents;
    // aggregates already attributed; misses are read from seal_aggregate (another node may have sealed them)
    private final Map<String, String> chains = new ConcurrentHashMap<>();

    public SealWriter(JdbcTemplate jdbc, Clock clock, SealSigner signer, Duration writerWait, int maxEvents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signer = signer;
        this.writerWait = writerWait;
        this.maxEvents = maxEvents;
    }

    /** The index below which no event can still appear: the sequence's last value once its writers have ended. */
    public long safePoint() {
        Long last = jdbc.queryForObject("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
                + "domain_event_entry_global_index_seq", Long.class);
        List<String> writers = jdbc.queryForList("SELECT virtualtransaction FROM pg_locks WHERE locktype = 'relation' "
                + "AND relation = 'domain_event_entry'::regclass AND mode = 'RowExclusiveLock' AND granted "
                + "AND pid <> pg_backend_pid()", String.class);
        long deadline = System.nanoTime() + writerWait.toNanos();
        while (!writers.isEmpty()) {
            writers = jdbc.queryForList("SELECT virtualtransaction FROM pg_locks WHERE locktype = 'relation' "
                    + "AND relation = 'domain_event_entry'::regclass AND mode = 'RowExclusiveLock' AND granted "
                    + "AND virtualtransaction = ANY (?)", String.class, (Object) writers.toArray(String[]::new));
            if (writers.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return last == null ? 0 : last;
    }

    /** Seals what is sealable now, at most {@code maxEvents} events. */
    public Round sealOnce() {
        long sealedThrough = sealedThrough();
        long safePoint = safePoint();
        if (safePoint < 0) {
            return new Round(-1, 0, List.of(), true);
        }
        if (safePoint <= sealedThrough) {
            return new Round(safePoint, 0, List.of(), false);
        }
        Map<String, Chain> open = new LinkedHashMap<>();
        List<Object[]> digests = new ArrayList<>();
        Map<String, String> newAggregates = new HashMap<>();
        long[] count = {0};
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + SealCodec.EVENT_COLUMNS + " FROM domain_event_entry "
                    + "WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?");
            statement.setFetchSize(1_000);
            statement.setLong(1, sealedThrough);
            statement.setLong(2, safePoint);
            statement.setInt(3, maxEvents);
            return statement;
        }, (RowCallbackHandler) rows -> {
            SealCodec.StoredEvent event = SealCodec.read(rows);
            String currency = chainOf(event, newAggregates);
            Chain chain = open.computeIfAbsent(currency, this::openChain);
            byte[] digest = SealCodec.digest(event);
            chain.add(event.globalIndex(), digest);
            digests.add(new Object[]{event.globalIndex(), currency, chain.sequence, digest});
            count[0]++;
        });
        if (!newAggregates.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO seal_aggregate (aggregate_identifier, currency) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING", newAggregates.entrySet().stream()
                    .map(e -> new Object[]{e.getKey(), e.getValue()}).toList());
        }
        jdbc.batchUpdate("INSERT INTO seal_event (global_index, currency, seal_sequence, digest) VALUES (?, ?, ?, ?)",
                digests);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Seal> seals = new ArrayList<>();
        for (Map.Entry<String, Chain> entry : open.entrySet()) {
            Chain chain = entry.getValue();
            byte[] root = chain.root.finish();
            long events = chain.root.events();
            byte[] signature = signer == null ? null : signer.sign(SealCodec.signedText(entry.getKey(), chain.sequence,
                    events, chain.previousRoot, root, at));
            Seal seal = new Seal(entry.getKey(), chain.sequence, chain.from, chain.to, events, root, chain.previousRoot,
                    at, signature);
            jdbc.update("INSERT INTO seal (currency, sequence, from_index, to_index, event_count, root, previous_root, "
                            + "sealed_at, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", seal.currency(),
                    seal.sequence(), seal.fromIndex(), seal.toIndex(), seal.eventCount(), seal.root(),
                    seal.previousRoot(), Timestamp.from(at), seal.signature());
            seals.add(seal);
        }
        return new Round(safePoint, count[0], seals, false);
    }

    /** The highest global index sealed (0 before the first seal). */
    public long sealedThrough() {
        Long through = jdbc.queryForObject("SELECT max(to_index) FROM seal", Long.class);
        return through == null ? 0 : through;
    }

    private String chainOf(SealCodec.StoredEvent event, Map<String, String> newAggregates) {
        String aggregate = event.aggregateIdentifier();
        String known = chains.get(aggregate);
        if (known != null) {
            return known;
        }
        List<String> stored = jdbc.queryForList("SELECT currency FROM seal_aggregate WHERE aggregate_identifier = ?",
                String.class, aggregate);
        String currency = stored.isEmpty()
                ? SealCodec.currencyOf(event.type(), aggregate, event.payload()) : stored.get(0);
        if (stored.isEmpty()) {
            newAggregates.put(aggregate, currency);
        }
        chains.put(aggregate, currency);
        return currency;
    }

    private Chain openChain(String currency) {
        List<Map<String, Object>> last = jdbc.queryForList("SELECT sequence, root FROM seal WHERE currency = ? "
                + "ORDER BY sequence DESC LIMIT 1", currency);
        if (last.isEmpty()) {
            return new Chain(currency, 0, SealCodec.GENESIS);
        }
        return new Chain(currency, ((Number) last.get(0).get("sequence")).longValue() + 1,
                (byte[]) last.get(0).get("root"));
    }

    /** A chain's seal being made in this round. */
    private static final class Chain {
        final long sequence;
        final byte[] previousRoot;
        final SealCodec.Root root;
        long from = -1;
        long to;

        Chain(String currency, long sequence, byte[] previousRoot) {
            this.sequence = sequence;
            this.previousRoot = previousRoot;
            this.root = new SealCodec.Root(currency, previousRoot);
        }

        void add(long globalIndex, byte[] digest) {
            if (from < 0) {
                from = globalIndex;
            }
            to = globalIndex;
            root.add(digest);
        }
    }
}
